from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AssignmentInfoRequest")


@_attrs_define
class AssignmentInfoRequest:
    """Optional strings may be blank (the listing uses "" for "not given").

    Attributes:
        support_group (None | str | Unset): The support group (groups/ of /ux/sd/org/).
        assignee (None | str | Unset): The agent; must be an active member of the group.
    """

    support_group: None | str | Unset = UNSET
    assignee: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        support_group: None | str | Unset
        if isinstance(self.support_group, Unset):
            support_group = UNSET
        else:
            support_group = self.support_group

        assignee: None | str | Unset
        if isinstance(self.assignee, Unset):
            assignee = UNSET
        else:
            assignee = self.assignee

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if support_group is not UNSET:
            field_dict["support_group"] = support_group
        if assignee is not UNSET:
            field_dict["assignee"] = assignee

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_support_group(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        support_group = _parse_support_group(d.pop("support_group", UNSET))

        def _parse_assignee(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assignee = _parse_assignee(d.pop("assignee", UNSET))

        assignment_info_request = cls(
            support_group=support_group,
            assignee=assignee,
        )

        return assignment_info_request

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.assignment_info_assignee_type_0 import AssignmentInfoAssigneeType0
    from ..models.assignment_info_support_group_type_0 import AssignmentInfoSupportGroupType0


T = TypeVar("T", bound="AssignmentInfo")


@_attrs_define
class AssignmentInfo:
    """Optional strings may be blank (the listing uses "" for "not given").

    Attributes:
        assigned_at (datetime.datetime | None):  Example: 2025-08-31T16:08:45.429Z.
        support_group (AssignmentInfoSupportGroupType0 | None | Unset): The support group (groups/ of /ux/sd/org/).
        assignee (AssignmentInfoAssigneeType0 | None | Unset): The agent; must be an active member of the group.
    """

    assigned_at: datetime.datetime | None
    support_group: AssignmentInfoSupportGroupType0 | None | Unset = UNSET
    assignee: AssignmentInfoAssigneeType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.assignment_info_assignee_type_0 import AssignmentInfoAssigneeType0  # noqa: PLC0415
        from ..models.assignment_info_support_group_type_0 import AssignmentInfoSupportGroupType0  # noqa: PLC0415

        assigned_at: None | str
        if isinstance(self.assigned_at, datetime.datetime):
            assigned_at = self.assigned_at.isoformat()
        else:
            assigned_at = self.assigned_at

        support_group: dict[str, Any] | None | Unset
        if isinstance(self.support_group, Unset):
            support_group = UNSET
        elif isinstance(self.support_group, AssignmentInfoSupportGroupType0):
            support_group = self.support_group.to_dict()
        else:
            support_group = self.support_group

        assignee: dict[str, Any] | None | Unset
        if isinstance(self.assignee, Unset):
            assignee = UNSET
        elif isinstance(self.assignee, AssignmentInfoAssigneeType0):
            assignee = self.assignee.to_dict()
        else:
            assignee = self.assignee

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assigned_at": assigned_at,
            }
        )
        if support_group is not UNSET:
            field_dict["support_group"] = support_group
        if assignee is not UNSET:
            field_dict["assignee"] = assignee

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assignment_info_assignee_type_0 import AssignmentInfoAssigneeType0  # noqa: PLC0415
        from ..models.assignment_info_support_group_type_0 import AssignmentInfoSupportGroupType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_assigned_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assigned_at_type_0 = datetime.datetime.fromisoformat(data)

                return assigned_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        assigned_at = _parse_assigned_at(d.pop("assigned_at"))

        def _parse_support_group(data: object) -> AssignmentInfoSupportGroupType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                support_group_type_0 = AssignmentInfoSupportGroupType0.from_dict(data)

                return support_group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssignmentInfoSupportGroupType0 | None | Unset, data)

        support_group = _parse_support_group(d.pop("support_group", UNSET))

        def _parse_assignee(data: object) -> AssignmentInfoAssigneeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                assignee_type_0 = AssignmentInfoAssigneeType0.from_dict(data)

                return assignee_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssignmentInfoAssigneeType0 | None | Unset, data)

        assignee = _parse_assignee(d.pop("assignee", UNSET))

        assignment_info = cls(
            assigned_at=assigned_at,
            support_group=support_group,
            assignee=assignee,
        )

        assignment_info.additional_properties = d
        return assignment_info

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

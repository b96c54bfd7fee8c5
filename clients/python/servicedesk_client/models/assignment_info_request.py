from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AssignmentInfoRequest")


@_attrs_define
class AssignmentInfoRequest:
    """Optional strings may be blank (the listing uses "" for "not given").

    Attributes:
        support_group (str | Unset):
        assignee (str | Unset):
    """

    support_group: str | Unset = UNSET
    assignee: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        support_group = self.support_group

        assignee = self.assignee

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if support_group is not UNSET:
            field_dict["support_group"] = support_group
        if assignee is not UNSET:
            field_dict["assignee"] = assignee

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        support_group = d.pop("support_group", UNSET)

        assignee = d.pop("assignee", UNSET)

        assignment_info_request = cls(
            support_group=support_group,
            assignee=assignee,
        )

        assignment_info_request.additional_properties = d
        return assignment_info_request

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

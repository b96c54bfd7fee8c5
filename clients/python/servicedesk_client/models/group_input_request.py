from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.auto_assign_enum import AutoAssignEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="GroupInputRequest")


@_attrs_define
class GroupInputRequest:
    """
    Attributes:
        name (str): Unique in the organization.
        description (str | Unset):  Default: ''.
        member_ids (list[str] | Unset): The agents in the group (stored on the agents). Ids of this organization only;
            repeats are dropped.
        auto_assign (AutoAssignEnum | Unset): * `none` - none
            * `round_robin` - round_robin
            * `least_open` - least_open Default: AutoAssignEnum.NONE.
        active (bool | Unset):  Default: True.
    """

    name: str
    description: str | Unset = ""
    member_ids: list[str] | Unset = UNSET
    auto_assign: AutoAssignEnum | Unset = AutoAssignEnum.NONE
    active: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        member_ids: list[str] | Unset = UNSET
        if not isinstance(self.member_ids, Unset):
            member_ids = self.member_ids

        auto_assign: str | Unset = UNSET
        if not isinstance(self.auto_assign, Unset):
            auto_assign = self.auto_assign.value

        active = self.active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if member_ids is not UNSET:
            field_dict["member_ids"] = member_ids
        if auto_assign is not UNSET:
            field_dict["auto_assign"] = auto_assign
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description", UNSET)

        member_ids = cast(list[str], d.pop("member_ids", UNSET))

        _auto_assign = d.pop("auto_assign", UNSET)
        auto_assign: AutoAssignEnum | Unset
        if isinstance(_auto_assign, Unset):
            auto_assign = UNSET
        else:
            auto_assign = AutoAssignEnum(_auto_assign)

        active = d.pop("active", UNSET)

        group_input_request = cls(
            name=name,
            description=description,
            member_ids=member_ids,
            auto_assign=auto_assign,
            active=active,
        )

        group_input_request.additional_properties = d
        return group_input_request

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

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

        return group_input_request

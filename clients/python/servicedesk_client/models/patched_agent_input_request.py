from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedAgentInputRequest")


@_attrs_define
class PatchedAgentInputRequest:
    """
    Attributes:
        name (str | Unset): Unique in the organization.
        email (str | Unset): Unique in the organization; stored lower-cased.
        active (bool | Unset):  Default: True.
        group_ids (list[str] | Unset): The support groups the agent is in. Ids of this organization only; repeats are
            dropped.
    """

    name: str | Unset = UNSET
    email: str | Unset = UNSET
    active: bool | Unset = True
    group_ids: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        email = self.email

        active = self.active

        group_ids: list[str] | Unset = UNSET
        if not isinstance(self.group_ids, Unset):
            group_ids = self.group_ids

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if email is not UNSET:
            field_dict["email"] = email
        if active is not UNSET:
            field_dict["active"] = active
        if group_ids is not UNSET:
            field_dict["group_ids"] = group_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        email = d.pop("email", UNSET)

        active = d.pop("active", UNSET)

        group_ids = cast(list[str], d.pop("group_ids", UNSET))

        patched_agent_input_request = cls(
            name=name,
            email=email,
            active=active,
            group_ids=group_ids,
        )

        return patched_agent_input_request

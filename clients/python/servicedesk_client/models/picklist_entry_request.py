from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PicklistEntryRequest")


@_attrs_define
class PicklistEntryRequest:
    """
    Attributes:
        id (int): Stable: incidents store it.
        name (str): Unique in the list, case-insensitively.
        active (bool | Unset): Inactive entries cannot be chosen. Default: True.
    """

    id: int
    name: str
    active: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
            }
        )
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        active = d.pop("active", UNSET)

        picklist_entry_request = cls(
            id=id,
            name=name,
            active=active,
        )

        return picklist_entry_request

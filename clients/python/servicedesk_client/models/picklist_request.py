from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.picklist_name_enum import PicklistNameEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.picklist_entry_request import PicklistEntryRequest


T = TypeVar("T", bound="PicklistRequest")


@_attrs_define
class PicklistRequest:
    """
    Attributes:
        entries (list[PicklistEntryRequest]):
        name (PicklistNameEnum | Unset): * `resolution_types` - resolution_types
            * `hold_reasons` - hold_reasons
            * `sources` - sources
    """

    entries: list[PicklistEntryRequest]
    name: PicklistNameEnum | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)

        name: str | Unset = UNSET
        if not isinstance(self.name, Unset):
            name = self.name.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "entries": entries,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.picklist_entry_request import PicklistEntryRequest  # noqa: PLC0415

        d = dict(src_dict)
        entries = []
        _entries = d.pop("entries")
        for entries_item_data in _entries:
            entries_item = PicklistEntryRequest.from_dict(entries_item_data)

            entries.append(entries_item)

        _name = d.pop("name", UNSET)
        name: PicklistNameEnum | Unset
        if isinstance(_name, Unset):
            name = UNSET
        else:
            name = PicklistNameEnum(_name)

        picklist_request = cls(
            entries=entries,
            name=name,
        )

        return picklist_request

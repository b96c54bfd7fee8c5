from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.picklist_name_enum import PicklistNameEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.picklist_entry import PicklistEntry


T = TypeVar("T", bound="Picklist")


@_attrs_define
class Picklist:
    """
    Attributes:
        entries (list[PicklistEntry]):
        name (PicklistNameEnum | Unset): * `resolution_types` - resolution_types
            * `hold_reasons` - hold_reasons
            * `sources` - sources
    """

    entries: list[PicklistEntry]
    name: PicklistNameEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)

        name: str | Unset = UNSET
        if not isinstance(self.name, Unset):
            name = self.name.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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
        from ..models.picklist_entry import PicklistEntry  # noqa: PLC0415

        d = dict(src_dict)
        entries = []
        _entries = d.pop("entries")
        for entries_item_data in _entries:
            entries_item = PicklistEntry.from_dict(entries_item_data)

            entries.append(entries_item)

        _name = d.pop("name", UNSET)
        name: PicklistNameEnum | Unset
        if isinstance(_name, Unset):
            name = UNSET
        else:
            name = PicklistNameEnum(_name)

        picklist = cls(
            entries=entries,
            name=name,
        )

        picklist.additional_properties = d
        return picklist

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.source_id import SourceId
from ..models.source_name import SourceName
from ..types import UNSET, Unset

T = TypeVar("T", bound="EnumRefRequest")


@_attrs_define
class EnumRefRequest:
    """
    Attributes:
        id (SourceId | Unset): 1 Web, 2 Email, 3 Phone, 4 Chat, 5 API, 6 Walk-in, 7 Monitoring.
        name (SourceName | Unset): "" means not given.
    """

    id: SourceId | Unset = UNSET
    name: SourceName | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: int | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = self.id.value

        name: str | Unset = UNSET
        if not isinstance(self.name, Unset):
            name = self.name.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        id: SourceId | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = SourceId(_id)

        _name = d.pop("name", UNSET)
        name: SourceName | Unset
        if isinstance(_name, Unset):
            name = UNSET
        else:
            name = SourceName(_name)

        enum_ref_request = cls(
            id=id,
            name=name,
        )

        enum_ref_request.additional_properties = d
        return enum_ref_request

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

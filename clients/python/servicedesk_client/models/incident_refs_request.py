from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="IncidentRefsRequest")


@_attrs_define
class IncidentRefsRequest:
    """`incident_ids` (at most 500) or a single `incident_id`.

    Attributes:
        incident_ids (list[str] | Unset):
        incident_id (str | Unset):
    """

    incident_ids: list[str] | Unset = UNSET
    incident_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        incident_ids: list[str] | Unset = UNSET
        if not isinstance(self.incident_ids, Unset):
            incident_ids = self.incident_ids

        incident_id = self.incident_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if incident_ids is not UNSET:
            field_dict["incident_ids"] = incident_ids
        if incident_id is not UNSET:
            field_dict["incident_id"] = incident_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        incident_ids = cast(list[str], d.pop("incident_ids", UNSET))

        incident_id = d.pop("incident_id", UNSET)

        incident_refs_request = cls(
            incident_ids=incident_ids,
            incident_id=incident_id,
        )

        incident_refs_request.additional_properties = d
        return incident_refs_request

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

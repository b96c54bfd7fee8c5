from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.resolution_type_id import ResolutionTypeId
from ..models.resolution_type_name import ResolutionTypeName
from ..types import UNSET, Unset

T = TypeVar("T", bound="ResolveInputRequest")


@_attrs_define
class ResolveInputRequest:
    """The resolution type by name (`resolution_type`), by id (`resolution_type_id`) or
    both, which must agree.

        Attributes:
            closure_note (str): What was done.
            incident_ids (list[str] | Unset):
            incident_id (str | Unset):
            resolution_type (ResolutionTypeName | Unset): "" means not given.
            resolution_type_id (ResolutionTypeId | Unset): 1 Fixed, 2 Workaround, 3 Duplicate, 4 Cannot Reproduce, 5 User
                Error, 6 Known Error, 7 No Action Required.
    """

    closure_note: str
    incident_ids: list[str] | Unset = UNSET
    incident_id: str | Unset = UNSET
    resolution_type: ResolutionTypeName | Unset = UNSET
    resolution_type_id: ResolutionTypeId | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        closure_note = self.closure_note

        incident_ids: list[str] | Unset = UNSET
        if not isinstance(self.incident_ids, Unset):
            incident_ids = self.incident_ids

        incident_id = self.incident_id

        resolution_type: str | Unset = UNSET
        if not isinstance(self.resolution_type, Unset):
            resolution_type = self.resolution_type.value

        resolution_type_id: int | Unset = UNSET
        if not isinstance(self.resolution_type_id, Unset):
            resolution_type_id = self.resolution_type_id.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "closure_note": closure_note,
            }
        )
        if incident_ids is not UNSET:
            field_dict["incident_ids"] = incident_ids
        if incident_id is not UNSET:
            field_dict["incident_id"] = incident_id
        if resolution_type is not UNSET:
            field_dict["resolution_type"] = resolution_type
        if resolution_type_id is not UNSET:
            field_dict["resolution_type_id"] = resolution_type_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        closure_note = d.pop("closure_note")

        incident_ids = cast(list[str], d.pop("incident_ids", UNSET))

        incident_id = d.pop("incident_id", UNSET)

        _resolution_type = d.pop("resolution_type", UNSET)
        resolution_type: ResolutionTypeName | Unset
        if isinstance(_resolution_type, Unset):
            resolution_type = UNSET
        else:
            resolution_type = ResolutionTypeName(_resolution_type)

        _resolution_type_id = d.pop("resolution_type_id", UNSET)
        resolution_type_id: ResolutionTypeId | Unset
        if isinstance(_resolution_type_id, Unset):
            resolution_type_id = UNSET
        else:
            resolution_type_id = ResolutionTypeId(_resolution_type_id)

        resolve_input_request = cls(
            closure_note=closure_note,
            incident_ids=incident_ids,
            incident_id=incident_id,
            resolution_type=resolution_type,
            resolution_type_id=resolution_type_id,
        )

        resolve_input_request.additional_properties = d
        return resolve_input_request

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

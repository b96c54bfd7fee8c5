from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResolveInputRequest")


@_attrs_define
class ResolveInputRequest:
    """The resolution type by name (`resolution_type`), by id (`resolution_type_id`) or
    both, which must agree: one of the organization's resolution types
    (`/ux/sd/org/picklists/resolution_types/`), checked per incident.

        Attributes:
            closure_note (str): What was done.
            incident_ids (list[str] | Unset):
            incident_id (str | Unset):
            resolution_type (str | Unset): A resolution type's name, e.g. `Fixed`.
            resolution_type_id (int | Unset): A resolution type's id.
    """

    closure_note: str
    incident_ids: list[str] | Unset = UNSET
    incident_id: str | Unset = UNSET
    resolution_type: str | Unset = UNSET
    resolution_type_id: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        closure_note = self.closure_note

        incident_ids: list[str] | Unset = UNSET
        if not isinstance(self.incident_ids, Unset):
            incident_ids = self.incident_ids

        incident_id = self.incident_id

        resolution_type = self.resolution_type

        resolution_type_id = self.resolution_type_id

        field_dict: dict[str, Any] = {}

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

        resolution_type = d.pop("resolution_type", UNSET)

        resolution_type_id = d.pop("resolution_type_id", UNSET)

        resolve_input_request = cls(
            closure_note=closure_note,
            incident_ids=incident_ids,
            incident_id=incident_id,
            resolution_type=resolution_type,
            resolution_type_id=resolution_type_id,
        )

        return resolve_input_request

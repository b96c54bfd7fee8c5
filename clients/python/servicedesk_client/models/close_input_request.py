from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CloseInputRequest")


@_attrs_define
class CloseInputRequest:
    """The incidents: `incident_ids` (1 to 500), a single `incident_id`, or both (each
    incident once, `incident_id` first). A body naming none gets no results.

        Attributes:
            incident_ids (list[str] | Unset):
            incident_id (str | Unset):
            closure_note (str | Unset): Optional note when closing a resolved incident.
            reason (str | Unset): Required to cancel an open incident.
    """

    incident_ids: list[str] | Unset = UNSET
    incident_id: str | Unset = UNSET
    closure_note: str | Unset = UNSET
    reason: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        incident_ids: list[str] | Unset = UNSET
        if not isinstance(self.incident_ids, Unset):
            incident_ids = self.incident_ids

        incident_id = self.incident_id

        closure_note = self.closure_note

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if incident_ids is not UNSET:
            field_dict["incident_ids"] = incident_ids
        if incident_id is not UNSET:
            field_dict["incident_id"] = incident_id
        if closure_note is not UNSET:
            field_dict["closure_note"] = closure_note
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        incident_ids = cast(list[str], d.pop("incident_ids", UNSET))

        incident_id = d.pop("incident_id", UNSET)

        closure_note = d.pop("closure_note", UNSET)

        reason = d.pop("reason", UNSET)

        close_input_request = cls(
            incident_ids=incident_ids,
            incident_id=incident_id,
            closure_note=closure_note,
            reason=reason,
        )

        return close_input_request

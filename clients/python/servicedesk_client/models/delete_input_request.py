from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DeleteInputRequest")


@_attrs_define
class DeleteInputRequest:
    """The incidents: `incident_ids` (1 to 500), a single `incident_id`, or both (each
    incident once, `incident_id` first). A body naming none gets no results.

        Attributes:
            incident_ids (list[str] | Unset):
            incident_id (str | Unset):
            permanent (bool | Unset): Delete for good (admin keys only). Default: False.
    """

    incident_ids: list[str] | Unset = UNSET
    incident_id: str | Unset = UNSET
    permanent: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        incident_ids: list[str] | Unset = UNSET
        if not isinstance(self.incident_ids, Unset):
            incident_ids = self.incident_ids

        incident_id = self.incident_id

        permanent = self.permanent

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if incident_ids is not UNSET:
            field_dict["incident_ids"] = incident_ids
        if incident_id is not UNSET:
            field_dict["incident_id"] = incident_id
        if permanent is not UNSET:
            field_dict["permanent"] = permanent

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        incident_ids = cast(list[str], d.pop("incident_ids", UNSET))

        incident_id = d.pop("incident_id", UNSET)

        permanent = d.pop("permanent", UNSET)

        delete_input_request = cls(
            incident_ids=incident_ids,
            incident_id=incident_id,
            permanent=permanent,
        )

        return delete_input_request

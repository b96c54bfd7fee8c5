from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bulk_error import BulkError
    from ..models.transition_out import TransitionOut


T = TypeVar("T", bound="WorkflowOptionsResult")


@_attrs_define
class WorkflowOptionsResult:
    """
    Attributes:
        incident_id (str):
        ok (bool):
        error (BulkError | Unset): Why one item of a bulk request failed: what a request for it alone would answer.
        status_id (int | Unset):
        allowed (list[TransitionOut] | Unset):
    """

    incident_id: str
    ok: bool
    error: BulkError | Unset = UNSET
    status_id: int | Unset = UNSET
    allowed: list[TransitionOut] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        incident_id = self.incident_id

        ok = self.ok

        error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error, Unset):
            error = self.error.to_dict()

        status_id = self.status_id

        allowed: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.allowed, Unset):
            allowed = []
            for allowed_item_data in self.allowed:
                allowed_item = allowed_item_data.to_dict()
                allowed.append(allowed_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "incident_id": incident_id,
                "ok": ok,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if status_id is not UNSET:
            field_dict["status_id"] = status_id
        if allowed is not UNSET:
            field_dict["allowed"] = allowed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bulk_error import BulkError  # noqa: PLC0415
        from ..models.transition_out import TransitionOut  # noqa: PLC0415

        d = dict(src_dict)
        incident_id = d.pop("incident_id")

        ok = d.pop("ok")

        _error = d.pop("error", UNSET)
        error: BulkError | Unset
        if isinstance(_error, Unset):
            error = UNSET
        else:
            error = BulkError.from_dict(_error)

        status_id = d.pop("status_id", UNSET)

        _allowed = d.pop("allowed", UNSET)
        allowed: list[TransitionOut] | Unset = UNSET
        if _allowed is not UNSET:
            allowed = []
            for allowed_item_data in _allowed:
                allowed_item = TransitionOut.from_dict(allowed_item_data)

                allowed.append(allowed_item)

        workflow_options_result = cls(
            incident_id=incident_id,
            ok=ok,
            error=error,
            status_id=status_id,
            allowed=allowed,
        )

        workflow_options_result.additional_properties = d
        return workflow_options_result

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bulk_error import BulkError


T = TypeVar("T", bound="ChildResult")


@_attrs_define
class ChildResult:
    """
    Attributes:
        incident_id (str):
        display_id (str):
        ok (bool): Resolved with its parent.
        status (str): The child's status now.
        error (BulkError | Unset): Why one item of a bulk request failed: what a request for it alone would answer.
    """

    incident_id: str
    display_id: str
    ok: bool
    status: str
    error: BulkError | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        incident_id = self.incident_id

        display_id = self.display_id

        ok = self.ok

        status = self.status

        error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error, Unset):
            error = self.error.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "incident_id": incident_id,
                "display_id": display_id,
                "ok": ok,
                "status": status,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bulk_error import BulkError  # noqa: PLC0415

        d = dict(src_dict)
        incident_id = d.pop("incident_id")

        display_id = d.pop("display_id")

        ok = d.pop("ok")

        status = d.pop("status")

        _error = d.pop("error", UNSET)
        error: BulkError | Unset
        if isinstance(_error, Unset):
            error = UNSET
        else:
            error = BulkError.from_dict(_error)

        child_result = cls(
            incident_id=incident_id,
            display_id=display_id,
            ok=ok,
            status=status,
            error=error,
        )

        child_result.additional_properties = d
        return child_result

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

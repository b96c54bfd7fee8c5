from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bulk_error import BulkError


T = TypeVar("T", bound="RetryResult")


@_attrs_define
class RetryResult:
    """
    Attributes:
        delivery_id (None | str):
        incident_id (None | str):
        ok (bool):
        status (str | Unset):
        response_status (int | None | Unset):
        error (BulkError | Unset): Why one item of a bulk request failed: what a request for it alone would answer.
    """

    delivery_id: None | str
    incident_id: None | str
    ok: bool
    status: str | Unset = UNSET
    response_status: int | None | Unset = UNSET
    error: BulkError | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        delivery_id: None | str
        delivery_id = self.delivery_id

        incident_id: None | str
        incident_id = self.incident_id

        ok = self.ok

        status = self.status

        response_status: int | None | Unset
        if isinstance(self.response_status, Unset):
            response_status = UNSET
        else:
            response_status = self.response_status

        error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error, Unset):
            error = self.error.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "delivery_id": delivery_id,
                "incident_id": incident_id,
                "ok": ok,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if response_status is not UNSET:
            field_dict["response_status"] = response_status
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bulk_error import BulkError  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_delivery_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        delivery_id = _parse_delivery_id(d.pop("delivery_id"))

        def _parse_incident_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        incident_id = _parse_incident_id(d.pop("incident_id"))

        ok = d.pop("ok")

        status = d.pop("status", UNSET)

        def _parse_response_status(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        response_status = _parse_response_status(d.pop("response_status", UNSET))

        _error = d.pop("error", UNSET)
        error: BulkError | Unset
        if isinstance(_error, Unset):
            error = UNSET
        else:
            error = BulkError.from_dict(_error)

        retry_result = cls(
            delivery_id=delivery_id,
            incident_id=incident_id,
            ok=ok,
            status=status,
            response_status=response_status,
            error=error,
        )

        retry_result.additional_properties = d
        return retry_result

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delivery_status_enum import DeliveryStatusEnum
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
        ok (bool): Queued (or already queued) to be sent again.
        queued (bool): This call queued it.
        status (DeliveryStatusEnum | Unset): * `pending` - pending
            * `succeeded` - succeeded
            * `failed` - failed
        attempt_count (int | Unset): Attempts so far.
        next_attempt_at (datetime.datetime | Unset): When the sender will try it (now, or when its endpoint's backoff
            ends).
        error (BulkError | Unset): Why one item of a bulk request failed: what a request for it alone would answer.
    """

    delivery_id: None | str
    incident_id: None | str
    ok: bool
    queued: bool
    status: DeliveryStatusEnum | Unset = UNSET
    attempt_count: int | Unset = UNSET
    next_attempt_at: datetime.datetime | Unset = UNSET
    error: BulkError | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        delivery_id: None | str
        delivery_id = self.delivery_id

        incident_id: None | str
        incident_id = self.incident_id

        ok = self.ok

        queued = self.queued

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        attempt_count = self.attempt_count

        next_attempt_at: str | Unset = UNSET
        if not isinstance(self.next_attempt_at, Unset):
            next_attempt_at = self.next_attempt_at.isoformat()

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
                "queued": queued,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if attempt_count is not UNSET:
            field_dict["attempt_count"] = attempt_count
        if next_attempt_at is not UNSET:
            field_dict["next_attempt_at"] = next_attempt_at
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

        queued = d.pop("queued")

        _status = d.pop("status", UNSET)
        status: DeliveryStatusEnum | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = DeliveryStatusEnum(_status)

        attempt_count = d.pop("attempt_count", UNSET)

        _next_attempt_at = d.pop("next_attempt_at", UNSET)
        next_attempt_at: datetime.datetime | Unset
        if isinstance(_next_attempt_at, Unset):
            next_attempt_at = UNSET
        else:
            next_attempt_at = datetime.datetime.fromisoformat(_next_attempt_at)

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
            queued=queued,
            status=status,
            attempt_count=attempt_count,
            next_attempt_at=next_attempt_at,
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

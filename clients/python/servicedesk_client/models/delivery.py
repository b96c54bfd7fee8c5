from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delivery_status_enum import DeliveryStatusEnum
from ..models.webhook_event_enum import WebhookEventEnum

if TYPE_CHECKING:
    from ..models.attempt import Attempt
    from ..models.delivery_payload import DeliveryPayload


T = TypeVar("T", bound="Delivery")


@_attrs_define
class Delivery:
    """Optional strings may be blank (the listing uses "" for "not given").

    Attributes:
        delivery_id (str):
        webhook_id (str):
        event_id (str):
        event (WebhookEventEnum): * `incident.created` - incident.created
            * `incident.updated` - incident.updated
            * `incident.resolved` - incident.resolved
            * `incident.reopened` - incident.reopened
            * `incident.closed` - incident.closed
            * `incident.deleted` - incident.deleted
            * `incident.restored` - incident.restored
            * `incident.assigned` - incident.assigned
            * `conversation.created` - conversation.created
            * `incident.sla_warning` - incident.sla_warning
            * `incident.sla_breached` - incident.sla_breached
            * `incident.merged` - incident.merged
        incident_id (None | str):
        status (DeliveryStatusEnum): * `pending` - pending
            * `succeeded` - succeeded
            * `failed` - failed
        attempt_count (int):
        next_attempt_at (datetime.datetime | None):  Example: 2025-08-31T16:08:45.429Z.
        attempts (list[Attempt]):
        created_at (datetime.datetime):  Example: 2025-08-31T16:08:45.429Z.
        updated_at (datetime.datetime):  Example: 2025-08-31T16:08:45.429Z.
        payload (DeliveryPayload):
    """

    delivery_id: str
    webhook_id: str
    event_id: str
    event: WebhookEventEnum
    incident_id: None | str
    status: DeliveryStatusEnum
    attempt_count: int
    next_attempt_at: datetime.datetime | None
    attempts: list[Attempt]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    payload: DeliveryPayload
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        delivery_id = self.delivery_id

        webhook_id = self.webhook_id

        event_id = self.event_id

        event = self.event.value

        incident_id: None | str
        incident_id = self.incident_id

        status = self.status.value

        attempt_count = self.attempt_count

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        attempts = []
        for attempts_item_data in self.attempts:
            attempts_item = attempts_item_data.to_dict()
            attempts.append(attempts_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        payload = self.payload.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "delivery_id": delivery_id,
                "webhook_id": webhook_id,
                "event_id": event_id,
                "event": event,
                "incident_id": incident_id,
                "status": status,
                "attempt_count": attempt_count,
                "next_attempt_at": next_attempt_at,
                "attempts": attempts,
                "created_at": created_at,
                "updated_at": updated_at,
                "payload": payload,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attempt import Attempt  # noqa: PLC0415
        from ..models.delivery_payload import DeliveryPayload  # noqa: PLC0415

        d = dict(src_dict)
        delivery_id = d.pop("delivery_id")

        webhook_id = d.pop("webhook_id")

        event_id = d.pop("event_id")

        event = WebhookEventEnum(d.pop("event"))

        def _parse_incident_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        incident_id = _parse_incident_id(d.pop("incident_id"))

        status = DeliveryStatusEnum(d.pop("status"))

        attempt_count = d.pop("attempt_count")

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))

        attempts = []
        _attempts = d.pop("attempts")
        for attempts_item_data in _attempts:
            attempts_item = Attempt.from_dict(attempts_item_data)

            attempts.append(attempts_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        payload = DeliveryPayload.from_dict(d.pop("payload"))

        delivery = cls(
            delivery_id=delivery_id,
            webhook_id=webhook_id,
            event_id=event_id,
            event=event,
            incident_id=incident_id,
            status=status,
            attempt_count=attempt_count,
            next_attempt_at=next_attempt_at,
            attempts=attempts,
            created_at=created_at,
            updated_at=updated_at,
            payload=payload,
        )

        delivery.additional_properties = d
        return delivery

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

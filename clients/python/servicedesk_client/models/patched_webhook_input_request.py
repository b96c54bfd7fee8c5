from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.webhook_event_enum import WebhookEventEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedWebhookInputRequest")


@_attrs_define
class PatchedWebhookInputRequest:
    """
    Attributes:
        url (str | Unset): http or https; must be public. Example: https://hooks.example.com/servicedesk.
        events (list[WebhookEventEnum] | Unset):
        active (bool | Unset):  Default: True.
        description (str | Unset):
    """

    url: str | Unset = UNSET
    events: list[WebhookEventEnum] | Unset = UNSET
    active: bool | Unset = True
    description: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        events: list[str] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = []
            for events_item_data in self.events:
                events_item = events_item_data.value
                events.append(events_item)

        active = self.active

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if url is not UNSET:
            field_dict["url"] = url
        if events is not UNSET:
            field_dict["events"] = events
        if active is not UNSET:
            field_dict["active"] = active
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url", UNSET)

        _events = d.pop("events", UNSET)
        events: list[WebhookEventEnum] | Unset = UNSET
        if _events is not UNSET:
            events = []
            for events_item_data in _events:
                events_item = WebhookEventEnum(events_item_data)

                events.append(events_item)

        active = d.pop("active", UNSET)

        description = d.pop("description", UNSET)

        patched_webhook_input_request = cls(
            url=url,
            events=events,
            active=active,
            description=description,
        )

        return patched_webhook_input_request

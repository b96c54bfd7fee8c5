from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mail_state_out_status_enum import MailStateOutStatusEnum

T = TypeVar("T", bound="MailStateOut")


@_attrs_define
class MailStateOut:
    """What became of the conversation as mail.

    Attributes:
        status (MailStateOutStatusEnum): * `not_sent` - not_sent
            * `queued` - queued
            * `sent` - sent
            * `failed` - failed
            * `received` - received
        message_id (str): The mail's Message-ID, with angle brackets.
        attempts (int): Sending attempts so far.
        last_error (str): Why the last attempt failed, or nothing sent.
        sent_at (datetime.datetime | None): When the SMTP server took it. Example: 2025-08-31T16:08:45.429Z.
        updated_at (datetime.datetime | None): When this state last changed. Example: 2025-08-31T16:08:45.429Z.
    """

    status: MailStateOutStatusEnum
    message_id: str
    attempts: int
    last_error: str
    sent_at: datetime.datetime | None
    updated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        message_id = self.message_id

        attempts = self.attempts

        last_error = self.last_error

        sent_at: None | str
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "message_id": message_id,
                "attempts": attempts,
                "last_error": last_error,
                "sent_at": sent_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = MailStateOutStatusEnum(d.pop("status"))

        message_id = d.pop("message_id")

        attempts = d.pop("attempts")

        last_error = d.pop("last_error")

        def _parse_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        sent_at = _parse_sent_at(d.pop("sent_at"))

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        mail_state_out = cls(
            status=status,
            message_id=message_id,
            attempts=attempts,
            last_error=last_error,
            sent_at=sent_at,
            updated_at=updated_at,
        )

        mail_state_out.additional_properties = d
        return mail_state_out

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

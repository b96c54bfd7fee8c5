from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.imap_out import ImapOut


T = TypeVar("T", bound="MailSettings")


@_attrs_define
class MailSettings:
    """The organization's mail settings; the IMAP password is never shown.

    Attributes:
        from_address (str):
        from_name (str):
        inbound_addresses (list[str]):
        imap (ImapOut):
        smtp_configured (bool): Whether this service has an SMTP server (SERVICEDESK_SMTP_URL).
        updated_at (datetime.datetime | None):  Example: 2025-08-31T16:08:45.429Z.
    """

    from_address: str
    from_name: str
    inbound_addresses: list[str]
    imap: ImapOut
    smtp_configured: bool
    updated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_address = self.from_address

        from_name = self.from_name

        inbound_addresses = self.inbound_addresses

        imap = self.imap.to_dict()

        smtp_configured = self.smtp_configured

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from_address": from_address,
                "from_name": from_name,
                "inbound_addresses": inbound_addresses,
                "imap": imap,
                "smtp_configured": smtp_configured,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.imap_out import ImapOut  # noqa: PLC0415

        d = dict(src_dict)
        from_address = d.pop("from_address")

        from_name = d.pop("from_name")

        inbound_addresses = cast(list[str], d.pop("inbound_addresses"))

        imap = ImapOut.from_dict(d.pop("imap"))

        smtp_configured = d.pop("smtp_configured")

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

        mail_settings = cls(
            from_address=from_address,
            from_name=from_name,
            inbound_addresses=inbound_addresses,
            imap=imap,
            smtp_configured=smtp_configured,
            updated_at=updated_at,
        )

        mail_settings.additional_properties = d
        return mail_settings

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

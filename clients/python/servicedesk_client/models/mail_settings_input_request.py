from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.imap_input_request import ImapInputRequest


T = TypeVar("T", bound="MailSettingsInputRequest")


@_attrs_define
class MailSettingsInputRequest:
    """The whole mail settings of the organization (PUT).

    Attributes:
        from_address (str): The address replies are sent from; `""` sends nothing. Required: a PUT replaces the whole
            settings.
        from_name (str | Unset): The sender's name.
        inbound_addresses (list[str] | Unset): The addresses whose mail belongs to this organization (unique across
            organizations: 409 `address_taken`). With any set, inbound mail addressed to none of them is ignored.
        imap (ImapInputRequest | Unset): The mailbox `manage.py fetch_mail` polls.
    """

    from_address: str
    from_name: str | Unset = UNSET
    inbound_addresses: list[str] | Unset = UNSET
    imap: ImapInputRequest | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from_address = self.from_address

        from_name = self.from_name

        inbound_addresses: list[str] | Unset = UNSET
        if not isinstance(self.inbound_addresses, Unset):
            inbound_addresses = self.inbound_addresses

        imap: dict[str, Any] | Unset = UNSET
        if not isinstance(self.imap, Unset):
            imap = self.imap.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "from_address": from_address,
            }
        )
        if from_name is not UNSET:
            field_dict["from_name"] = from_name
        if inbound_addresses is not UNSET:
            field_dict["inbound_addresses"] = inbound_addresses
        if imap is not UNSET:
            field_dict["imap"] = imap

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.imap_input_request import ImapInputRequest  # noqa: PLC0415

        d = dict(src_dict)
        from_address = d.pop("from_address")

        from_name = d.pop("from_name", UNSET)

        inbound_addresses = cast(list[str], d.pop("inbound_addresses", UNSET))

        _imap = d.pop("imap", UNSET)
        imap: ImapInputRequest | Unset
        if isinstance(_imap, Unset):
            imap = UNSET
        else:
            imap = ImapInputRequest.from_dict(_imap)

        mail_settings_input_request = cls(
            from_address=from_address,
            from_name=from_name,
            inbound_addresses=inbound_addresses,
            imap=imap,
        )

        return mail_settings_input_request

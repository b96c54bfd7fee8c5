from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.security_enum import SecurityEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="ImapInputRequest")


@_attrs_define
class ImapInputRequest:
    """The mailbox `manage.py fetch_mail` polls.

    Attributes:
        host (str): IMAP server host name or address.
        username (str):
        port (int | Unset): Default 993 (ssl), else 143.
        security (SecurityEnum | Unset): * `ssl` - ssl
            * `starttls` - starttls
            * `plain` - plain
        password (str | Unset): Write-only: never shown or logged. Left out, the stored one is kept; an empty string
            clears it.
        folder (str | Unset): Default `INBOX`.
        enabled (bool | Unset): Default true.
    """

    host: str
    username: str
    port: int | Unset = UNSET
    security: SecurityEnum | Unset = UNSET
    password: str | Unset = UNSET
    folder: str | Unset = UNSET
    enabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        host = self.host

        username = self.username

        port = self.port

        security: str | Unset = UNSET
        if not isinstance(self.security, Unset):
            security = self.security.value

        password = self.password

        folder = self.folder

        enabled = self.enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "host": host,
                "username": username,
            }
        )
        if port is not UNSET:
            field_dict["port"] = port
        if security is not UNSET:
            field_dict["security"] = security
        if password is not UNSET:
            field_dict["password"] = password
        if folder is not UNSET:
            field_dict["folder"] = folder
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        host = d.pop("host")

        username = d.pop("username")

        port = d.pop("port", UNSET)

        _security = d.pop("security", UNSET)
        security: SecurityEnum | Unset
        if isinstance(_security, Unset):
            security = UNSET
        else:
            security = SecurityEnum(_security)

        password = d.pop("password", UNSET)

        folder = d.pop("folder", UNSET)

        enabled = d.pop("enabled", UNSET)

        imap_input_request = cls(
            host=host,
            username=username,
            port=port,
            security=security,
            password=password,
            folder=folder,
            enabled=enabled,
        )

        imap_input_request.additional_properties = d
        return imap_input_request

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

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

        return imap_input_request

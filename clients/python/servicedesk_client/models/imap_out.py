from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.security_enum import SecurityEnum

T = TypeVar("T", bound="ImapOut")


@_attrs_define
class ImapOut:
    """
    Attributes:
        host (str):
        port (int):
        security (SecurityEnum): * `ssl` - ssl
            * `starttls` - starttls
            * `plain` - plain
        username (str):
        password_set (bool): Whether a password is stored.
        folder (str):
        enabled (bool):
    """

    host: str
    port: int
    security: SecurityEnum
    username: str
    password_set: bool
    folder: str
    enabled: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        host = self.host

        port = self.port

        security = self.security.value

        username = self.username

        password_set = self.password_set

        folder = self.folder

        enabled = self.enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "host": host,
                "port": port,
                "security": security,
                "username": username,
                "password_set": password_set,
                "folder": folder,
                "enabled": enabled,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        host = d.pop("host")

        port = d.pop("port")

        security = SecurityEnum(d.pop("security"))

        username = d.pop("username")

        password_set = d.pop("password_set")

        folder = d.pop("folder")

        enabled = d.pop("enabled")

        imap_out = cls(
            host=host,
            port=port,
            security=security,
            username=username,
            password_set=password_set,
            folder=folder,
            enabled=enabled,
        )

        imap_out.additional_properties = d
        return imap_out

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ignored_enum import IgnoredEnum

T = TypeVar("T", bound="InboundIgnored")


@_attrs_define
class InboundIgnored:
    """200: the message was taken and deliberately not stored.

    Attributes:
        ignored (IgnoredEnum): * `duplicate` - duplicate
            * `own_address` - own_address
            * `auto_submitted` - auto_submitted
            * `bulk_precedence` - bulk_precedence
            * `auto_reply` - auto_reply
            * `mailer_daemon` - mailer_daemon
            * `delivery_report` - delivery_report
            * `not_addressed_to_organization` - not_addressed_to_organization
    """

    ignored: IgnoredEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ignored = self.ignored.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ignored": ignored,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ignored = IgnoredEnum(d.pop("ignored"))

        inbound_ignored = cls(
            ignored=ignored,
        )

        inbound_ignored.additional_properties = d
        return inbound_ignored

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

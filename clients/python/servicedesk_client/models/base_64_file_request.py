from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Base64FileRequest")


@_attrs_define
class Base64FileRequest:
    """
    Attributes:
        file_name (str):
        content_base64 (str): Standard base64 (RFC 4648).
        content_type (str | Unset): Informative only: the type is detected.
    """

    file_name: str
    content_base64: str
    content_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file_name = self.file_name

        content_base64 = self.content_base64

        content_type = self.content_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file_name": file_name,
                "content_base64": content_base64,
            }
        )
        if content_type is not UNSET:
            field_dict["content_type"] = content_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file_name = d.pop("file_name")

        content_base64 = d.pop("content_base64")

        content_type = d.pop("content_type", UNSET)

        base_64_file_request = cls(
            file_name=file_name,
            content_base64=content_base64,
            content_type=content_type,
        )

        base_64_file_request.additional_properties = d
        return base_64_file_request

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

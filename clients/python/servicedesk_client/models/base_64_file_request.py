from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Base64FileRequest")


@_attrs_define
class Base64FileRequest:
    """
    Attributes:
        file_name (str):  Example: screenshot.png.
        content_base64 (str): Standard base64 (RFC 4648).
        content_type (str | Unset): Informative only: the type is detected.
    """

    file_name: str
    content_base64: str
    content_type: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        file_name = self.file_name

        content_base64 = self.content_base64

        content_type = self.content_type

        field_dict: dict[str, Any] = {}

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

        return base_64_file_request

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RichTextOut")


@_attrs_define
class RichTextOut:
    """
    Attributes:
        incident_id (str):
        field (str):
        html (str): The stored, sanitized HTML.
        text (str): A plain-text rendering of it.
    """

    incident_id: str
    field: str
    html: str
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        incident_id = self.incident_id

        field = self.field

        html = self.html

        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "incident_id": incident_id,
                "field": field,
                "html": html,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        incident_id = d.pop("incident_id")

        field = d.pop("field")

        html = d.pop("html")

        text = d.pop("text")

        rich_text_out = cls(
            incident_id=incident_id,
            field=field,
            html=html,
            text=text,
        )

        rich_text_out.additional_properties = d
        return rich_text_out

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.rich_text_field_enum import RichTextFieldEnum

T = TypeVar("T", bound="RichTextInputRequest")


@_attrs_define
class RichTextInputRequest:
    """
    Attributes:
        incident_id (str): Incident id or display id.
        field (RichTextFieldEnum): * `closure_note` - closure_note
            * `description` - description
        html (str): HTML; sanitized before it is kept.
    """

    incident_id: str
    field: RichTextFieldEnum
    html: str

    def to_dict(self) -> dict[str, Any]:
        incident_id = self.incident_id

        field = self.field.value

        html = self.html

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "incident_id": incident_id,
                "field": field,
                "html": html,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        incident_id = d.pop("incident_id")

        field = RichTextFieldEnum(d.pop("field"))

        html = d.pop("html")

        rich_text_input_request = cls(
            incident_id=incident_id,
            field=field,
            html=html,
        )

        return rich_text_input_request

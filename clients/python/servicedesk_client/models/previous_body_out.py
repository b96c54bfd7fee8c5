from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PreviousBodyOut")


@_attrs_define
class PreviousBodyOut:
    """
    Attributes:
        body_html (str): The body as it was before that edit.
        edited_at (datetime.datetime): When it was replaced. Example: 2025-08-31T16:08:45.429Z.
        edited_by_id (str): The key that replaced it.
    """

    body_html: str
    edited_at: datetime.datetime
    edited_by_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        body_html = self.body_html

        edited_at = self.edited_at.isoformat()

        edited_by_id = self.edited_by_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "body_html": body_html,
                "edited_at": edited_at,
                "edited_by_id": edited_by_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body_html = d.pop("body_html")

        edited_at = datetime.datetime.fromisoformat(d.pop("edited_at"))

        edited_by_id = d.pop("edited_by_id")

        previous_body_out = cls(
            body_html=body_html,
            edited_at=edited_at,
            edited_by_id=edited_by_id,
        )

        previous_body_out.additional_properties = d
        return previous_body_out

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

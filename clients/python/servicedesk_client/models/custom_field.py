from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.custom_field_type_enum import CustomFieldTypeEnum

T = TypeVar("T", bound="CustomField")


@_attrs_define
class CustomField:
    """Optional strings may be blank (the listing uses "" for "not given").

    Attributes:
        id (str):  Example: 66d3f0c2a4b1e2d3c4b5a697.
        key (str):
        label (str):
        type_ (CustomFieldTypeEnum): * `text` - text
            * `number` - number
            * `date` - date
            * `select` - select
            * `multiselect` - multiselect
            * `checkbox` - checkbox
        required (bool):
        options (list[str]):
        incident_type_ids (list[int]):
        active (bool):
        created_at (datetime.datetime):  Example: 2025-08-31T16:08:45.429Z.
        updated_at (datetime.datetime):  Example: 2025-08-31T16:08:45.429Z.
    """

    id: str
    key: str
    label: str
    type_: CustomFieldTypeEnum
    required: bool
    options: list[str]
    incident_type_ids: list[int]
    active: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        key = self.key

        label = self.label

        type_ = self.type_.value

        required = self.required

        options = self.options

        incident_type_ids = self.incident_type_ids

        active = self.active

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "label": label,
                "type": type_,
                "required": required,
                "options": options,
                "incident_type_ids": incident_type_ids,
                "active": active,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        key = d.pop("key")

        label = d.pop("label")

        type_ = CustomFieldTypeEnum(d.pop("type"))

        required = d.pop("required")

        options = cast(list[str], d.pop("options"))

        incident_type_ids = cast(list[int], d.pop("incident_type_ids"))

        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        custom_field = cls(
            id=id,
            key=key,
            label=label,
            type_=type_,
            required=required,
            options=options,
            incident_type_ids=incident_type_ids,
            active=active,
            created_at=created_at,
            updated_at=updated_at,
        )

        custom_field.additional_properties = d
        return custom_field

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.custom_field_type_enum import CustomFieldTypeEnum

T = TypeVar("T", bound="CustomFieldOptionOut")


@_attrs_define
class CustomFieldOptionOut:
    """
    Attributes:
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
    """

    key: str
    label: str
    type_: CustomFieldTypeEnum
    required: bool
    options: list[str]
    incident_type_ids: list[int]
    active: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        label = self.label

        type_ = self.type_.value

        required = self.required

        options = self.options

        incident_type_ids = self.incident_type_ids

        active = self.active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "label": label,
                "type": type_,
                "required": required,
                "options": options,
                "incident_type_ids": incident_type_ids,
                "active": active,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        label = d.pop("label")

        type_ = CustomFieldTypeEnum(d.pop("type"))

        required = d.pop("required")

        options = cast(list[str], d.pop("options"))

        incident_type_ids = cast(list[int], d.pop("incident_type_ids"))

        active = d.pop("active")

        custom_field_option_out = cls(
            key=key,
            label=label,
            type_=type_,
            required=required,
            options=options,
            incident_type_ids=incident_type_ids,
            active=active,
        )

        custom_field_option_out.additional_properties = d
        return custom_field_option_out

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.custom_field_type_enum import CustomFieldTypeEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedCustomFieldInputRequest")


@_attrs_define
class PatchedCustomFieldInputRequest:
    """
    Attributes:
        key (str | Unset): A slug (a-z, 0-9, _ and -, from a letter): the key of the values in `custom_field_data`.
            Unique in the organization; it cannot change.
        label (str | Unset):
        type_ (CustomFieldTypeEnum | Unset): * `text` - text
            * `number` - number
            * `date` - date
            * `select` - select
            * `multiselect` - multiselect
            * `checkbox` - checkbox
        required (bool | Unset):  Default: False.
        options (list[str] | Unset): The choices of `select` and `multiselect` fields (at least one, unique); none for
            the other types.
        incident_type_ids (list[int] | Unset): The incident types (1 Incident, 2 Service Request, 3 Problem) the field
            applies to; empty: all.
        active (bool | Unset):  Default: True.
    """

    key: str | Unset = UNSET
    label: str | Unset = UNSET
    type_: CustomFieldTypeEnum | Unset = UNSET
    required: bool | Unset = False
    options: list[str] | Unset = UNSET
    incident_type_ids: list[int] | Unset = UNSET
    active: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        label = self.label

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        required = self.required

        options: list[str] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options

        incident_type_ids: list[int] | Unset = UNSET
        if not isinstance(self.incident_type_ids, Unset):
            incident_type_ids = self.incident_type_ids

        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if key is not UNSET:
            field_dict["key"] = key
        if label is not UNSET:
            field_dict["label"] = label
        if type_ is not UNSET:
            field_dict["type"] = type_
        if required is not UNSET:
            field_dict["required"] = required
        if options is not UNSET:
            field_dict["options"] = options
        if incident_type_ids is not UNSET:
            field_dict["incident_type_ids"] = incident_type_ids
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key", UNSET)

        label = d.pop("label", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: CustomFieldTypeEnum | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = CustomFieldTypeEnum(_type_)

        required = d.pop("required", UNSET)

        options = cast(list[str], d.pop("options", UNSET))

        incident_type_ids = cast(list[int], d.pop("incident_type_ids", UNSET))

        active = d.pop("active", UNSET)

        patched_custom_field_input_request = cls(
            key=key,
            label=label,
            type_=type_,
            required=required,
            options=options,
            incident_type_ids=incident_type_ids,
            active=active,
        )

        return patched_custom_field_input_request

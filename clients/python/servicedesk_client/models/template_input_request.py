from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.template_fields_request import TemplateFieldsRequest


T = TypeVar("T", bound="TemplateInputRequest")


@_attrs_define
class TemplateInputRequest:
    """
    Attributes:
        name (str): Unique in the organization.
        fields (TemplateFieldsRequest | Unset):
        active (bool | Unset):  Default: True.
    """

    name: str
    fields: TemplateFieldsRequest | Unset = UNSET
    active: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = self.fields.to_dict()

        active = self.active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if fields is not UNSET:
            field_dict["fields"] = fields
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.template_fields_request import TemplateFieldsRequest  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        _fields = d.pop("fields", UNSET)
        fields: TemplateFieldsRequest | Unset
        if isinstance(_fields, Unset):
            fields = UNSET
        else:
            fields = TemplateFieldsRequest.from_dict(_fields)

        active = d.pop("active", UNSET)

        template_input_request = cls(
            name=name,
            fields=fields,
            active=active,
        )

        template_input_request.additional_properties = d
        return template_input_request

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

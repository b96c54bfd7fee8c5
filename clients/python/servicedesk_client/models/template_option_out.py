from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.template_option_out_fields import TemplateOptionOutFields


T = TypeVar("T", bound="TemplateOptionOut")


@_attrs_define
class TemplateOptionOut:
    """
    Attributes:
        id (str):
        name (str):
        active (bool):
        fields (TemplateOptionOutFields): What the template fills in a create body.
    """

    id: str
    name: str
    active: bool
    fields: TemplateOptionOutFields
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        active = self.active

        fields = self.fields.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "active": active,
                "fields": fields,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.template_option_out_fields import TemplateOptionOutFields  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        active = d.pop("active")

        fields = TemplateOptionOutFields.from_dict(d.pop("fields"))

        template_option_out = cls(
            id=id,
            name=name,
            active=active,
            fields=fields,
        )

        template_option_out.additional_properties = d
        return template_option_out

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

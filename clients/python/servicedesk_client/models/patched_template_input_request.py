from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.template_fields_request import TemplateFieldsRequest


T = TypeVar("T", bound="PatchedTemplateInputRequest")


@_attrs_define
class PatchedTemplateInputRequest:
    """
    Attributes:
        name (str | Unset): Unique in the organization.
        fields (TemplateFieldsRequest | Unset):
        active (bool | Unset):  Default: True.
    """

    name: str | Unset = UNSET
    fields: TemplateFieldsRequest | Unset = UNSET
    active: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = self.fields.to_dict()

        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if fields is not UNSET:
            field_dict["fields"] = fields
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.template_fields_request import TemplateFieldsRequest  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _fields = d.pop("fields", UNSET)
        fields: TemplateFieldsRequest | Unset
        if isinstance(_fields, Unset):
            fields = UNSET
        else:
            fields = TemplateFieldsRequest.from_dict(_fields)

        active = d.pop("active", UNSET)

        patched_template_input_request = cls(
            name=name,
            fields=fields,
            active=active,
        )

        return patched_template_input_request

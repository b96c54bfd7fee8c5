from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.option_out import OptionOut


T = TypeVar("T", bound="ServiceOptionOut")


@_attrs_define
class ServiceOptionOut:
    """
    Attributes:
        id (str):
        name (str):
        active (bool):
        default_group_id (None | str):
        classifications (list[OptionOut]):
    """

    id: str
    name: str
    active: bool
    default_group_id: None | str
    classifications: list[OptionOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        active = self.active

        default_group_id: None | str
        default_group_id = self.default_group_id

        classifications = []
        for classifications_item_data in self.classifications:
            classifications_item = classifications_item_data.to_dict()
            classifications.append(classifications_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "active": active,
                "default_group_id": default_group_id,
                "classifications": classifications,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.option_out import OptionOut  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        active = d.pop("active")

        def _parse_default_group_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        default_group_id = _parse_default_group_id(d.pop("default_group_id"))

        classifications = []
        _classifications = d.pop("classifications")
        for classifications_item_data in _classifications:
            classifications_item = OptionOut.from_dict(classifications_item_data)

            classifications.append(classifications_item)

        service_option_out = cls(
            id=id,
            name=name,
            active=active,
            default_group_id=default_group_id,
            classifications=classifications,
        )

        service_option_out.additional_properties = d
        return service_option_out

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

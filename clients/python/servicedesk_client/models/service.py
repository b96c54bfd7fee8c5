from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.classification import Classification


T = TypeVar("T", bound="Service")


@_attrs_define
class Service:
    """Optional strings may be blank (the listing uses "" for "not given").

    Attributes:
        id (str):  Example: 66d3f0c2a4b1e2d3c4b5a697.
        name (str):
        description (str):
        classifications (list[Classification]):
        default_group_id (None | str):  Example: 66d3f0c2a4b1e2d3c4b5a697.
        active (bool):
        created_at (datetime.datetime):  Example: 2025-08-31T16:08:45.429Z.
        updated_at (datetime.datetime):  Example: 2025-08-31T16:08:45.429Z.
    """

    id: str
    name: str
    description: str
    classifications: list[Classification]
    default_group_id: None | str
    active: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        description = self.description

        classifications = []
        for classifications_item_data in self.classifications:
            classifications_item = classifications_item_data.to_dict()
            classifications.append(classifications_item)

        default_group_id: None | str
        default_group_id = self.default_group_id

        active = self.active

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "description": description,
                "classifications": classifications,
                "default_group_id": default_group_id,
                "active": active,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.classification import Classification  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        description = d.pop("description")

        classifications = []
        _classifications = d.pop("classifications")
        for classifications_item_data in _classifications:
            classifications_item = Classification.from_dict(classifications_item_data)

            classifications.append(classifications_item)

        def _parse_default_group_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        default_group_id = _parse_default_group_id(d.pop("default_group_id"))

        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        service = cls(
            id=id,
            name=name,
            description=description,
            classifications=classifications,
            default_group_id=default_group_id,
            active=active,
            created_at=created_at,
            updated_at=updated_at,
        )

        service.additional_properties = d
        return service

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

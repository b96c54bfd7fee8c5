from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.auto_assign_enum import AutoAssignEnum

T = TypeVar("T", bound="GroupOptionOut")


@_attrs_define
class GroupOptionOut:
    """
    Attributes:
        id (None | str): null: a name in use, not configured.
        name (str):
        active (bool):
        auto_assign (AutoAssignEnum): * `none` - none
            * `round_robin` - round_robin
            * `least_open` - least_open
    """

    id: None | str
    name: str
    active: bool
    auto_assign: AutoAssignEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: None | str
        id = self.id

        name = self.name

        active = self.active

        auto_assign = self.auto_assign.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "active": active,
                "auto_assign": auto_assign,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        id = _parse_id(d.pop("id"))

        name = d.pop("name")

        active = d.pop("active")

        auto_assign = AutoAssignEnum(d.pop("auto_assign"))

        group_option_out = cls(
            id=id,
            name=name,
            active=active,
            auto_assign=auto_assign,
        )

        group_option_out.additional_properties = d
        return group_option_out

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

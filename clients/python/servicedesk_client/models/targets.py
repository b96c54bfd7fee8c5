from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Targets")


@_attrs_define
class Targets:
    """
    Attributes:
        response_minutes (int | None):
        resolution_minutes (int | None):
    """

    response_minutes: int | None
    resolution_minutes: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        response_minutes: int | None
        response_minutes = self.response_minutes

        resolution_minutes: int | None
        resolution_minutes = self.resolution_minutes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "response_minutes": response_minutes,
                "resolution_minutes": resolution_minutes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_response_minutes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        response_minutes = _parse_response_minutes(d.pop("response_minutes"))

        def _parse_resolution_minutes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        resolution_minutes = _parse_resolution_minutes(d.pop("resolution_minutes"))

        targets = cls(
            response_minutes=response_minutes,
            resolution_minutes=resolution_minutes,
        )

        targets.additional_properties = d
        return targets

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

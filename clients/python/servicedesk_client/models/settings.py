from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Settings")


@_attrs_define
class Settings:
    """Optional strings may be blank (the listing uses "" for "not given").

    Attributes:
        auto_close_days (int | None):
        updated_at (datetime.datetime):  Example: 2025-08-31T16:08:45.429Z.
    """

    auto_close_days: int | None
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        auto_close_days: int | None
        auto_close_days = self.auto_close_days

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "auto_close_days": auto_close_days,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_auto_close_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        auto_close_days = _parse_auto_close_days(d.pop("auto_close_days"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        settings = cls(
            auto_close_days=auto_close_days,
            updated_at=updated_at,
        )

        settings.additional_properties = d
        return settings

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedSettingsInputRequest")


@_attrs_define
class PatchedSettingsInputRequest:
    """
    Attributes:
        auto_close_days (int | None | Unset): Days after which a resolved incident nobody reopened is closed by the
            system (default 7); null turns auto-close off.
    """

    auto_close_days: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        auto_close_days: int | None | Unset
        if isinstance(self.auto_close_days, Unset):
            auto_close_days = UNSET
        else:
            auto_close_days = self.auto_close_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if auto_close_days is not UNSET:
            field_dict["auto_close_days"] = auto_close_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_auto_close_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        auto_close_days = _parse_auto_close_days(d.pop("auto_close_days", UNSET))

        patched_settings_input_request = cls(
            auto_close_days=auto_close_days,
        )

        patched_settings_input_request.additional_properties = d
        return patched_settings_input_request

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

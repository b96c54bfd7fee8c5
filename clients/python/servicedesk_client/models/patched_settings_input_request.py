from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

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

    def to_dict(self) -> dict[str, Any]:
        auto_close_days: int | None | Unset
        if isinstance(self.auto_close_days, Unset):
            auto_close_days = UNSET
        else:
            auto_close_days = self.auto_close_days

        field_dict: dict[str, Any] = {}

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

        return patched_settings_input_request

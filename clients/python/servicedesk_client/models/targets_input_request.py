from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TargetsInputRequest")


@_attrs_define
class TargetsInputRequest:
    """
    Attributes:
        response_minutes (int | None | Unset): Business minutes from creation to the first public answer to the
            requester; null: no such target.
        resolution_minutes (int | None | Unset): Business minutes from creation to resolution; null: no such target.
    """

    response_minutes: int | None | Unset = UNSET
    resolution_minutes: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        response_minutes: int | None | Unset
        if isinstance(self.response_minutes, Unset):
            response_minutes = UNSET
        else:
            response_minutes = self.response_minutes

        resolution_minutes: int | None | Unset
        if isinstance(self.resolution_minutes, Unset):
            resolution_minutes = UNSET
        else:
            resolution_minutes = self.resolution_minutes

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if response_minutes is not UNSET:
            field_dict["response_minutes"] = response_minutes
        if resolution_minutes is not UNSET:
            field_dict["resolution_minutes"] = resolution_minutes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_response_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        response_minutes = _parse_response_minutes(d.pop("response_minutes", UNSET))

        def _parse_resolution_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        resolution_minutes = _parse_resolution_minutes(d.pop("resolution_minutes", UNSET))

        targets_input_request = cls(
            response_minutes=response_minutes,
            resolution_minutes=resolution_minutes,
        )

        return targets_input_request

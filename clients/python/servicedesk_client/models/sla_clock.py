from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SlaClock")


@_attrs_define
class SlaClock:
    """
    Attributes:
        target_minutes (int): The target, in business minutes.
        due_at (datetime.datetime | None): When the target falls due; null while paused.
        met_at (datetime.datetime | None): When the clock stopped.
        breached (bool): The target was missed.
        paused (bool): In a pause status: the clock stands still.
        remaining_seconds (int | None): Business seconds left (negative: overdue); when met or paused, what was left
            then.
        warned (bool): The warning threshold was passed.
    """

    target_minutes: int
    due_at: datetime.datetime | None
    met_at: datetime.datetime | None
    breached: bool
    paused: bool
    remaining_seconds: int | None
    warned: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        target_minutes = self.target_minutes

        due_at: None | str
        if isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        met_at: None | str
        if isinstance(self.met_at, datetime.datetime):
            met_at = self.met_at.isoformat()
        else:
            met_at = self.met_at

        breached = self.breached

        paused = self.paused

        remaining_seconds: int | None
        remaining_seconds = self.remaining_seconds

        warned = self.warned

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "target_minutes": target_minutes,
                "due_at": due_at,
                "met_at": met_at,
                "breached": breached,
                "paused": paused,
                "remaining_seconds": remaining_seconds,
                "warned": warned,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        target_minutes = d.pop("target_minutes")

        def _parse_due_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_type_0 = datetime.datetime.fromisoformat(data)

                return due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        due_at = _parse_due_at(d.pop("due_at"))

        def _parse_met_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                met_at_type_0 = datetime.datetime.fromisoformat(data)

                return met_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        met_at = _parse_met_at(d.pop("met_at"))

        breached = d.pop("breached")

        paused = d.pop("paused")

        def _parse_remaining_seconds(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        remaining_seconds = _parse_remaining_seconds(d.pop("remaining_seconds"))

        warned = d.pop("warned")

        sla_clock = cls(
            target_minutes=target_minutes,
            due_at=due_at,
            met_at=met_at,
            breached=breached,
            paused=paused,
            remaining_seconds=remaining_seconds,
            warned=warned,
        )

        sla_clock.additional_properties = d
        return sla_clock

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

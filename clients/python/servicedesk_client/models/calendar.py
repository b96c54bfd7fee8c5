from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.calendar_hours import CalendarHours


T = TypeVar("T", bound="Calendar")


@_attrs_define
class Calendar:
    """Optional strings may be blank (the listing uses "" for "not given").

    Attributes:
        id (str):  Example: 66d3f0c2a4b1e2d3c4b5a697.
        name (str):
        time_zone (str):
        hours (CalendarHours):
        holidays (list[str]):
        builtin (bool):
        active (bool):
        created_at (datetime.datetime):  Example: 2025-08-31T16:08:45.429Z.
        updated_at (datetime.datetime):  Example: 2025-08-31T16:08:45.429Z.
    """

    id: str
    name: str
    time_zone: str
    hours: CalendarHours
    holidays: list[str]
    builtin: bool
    active: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        time_zone = self.time_zone

        hours = self.hours.to_dict()

        holidays = self.holidays

        builtin = self.builtin

        active = self.active

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "time_zone": time_zone,
                "hours": hours,
                "holidays": holidays,
                "builtin": builtin,
                "active": active,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.calendar_hours import CalendarHours  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        time_zone = d.pop("time_zone")

        hours = CalendarHours.from_dict(d.pop("hours"))

        holidays = cast(list[str], d.pop("holidays"))

        builtin = d.pop("builtin")

        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        calendar = cls(
            id=id,
            name=name,
            time_zone=time_zone,
            hours=hours,
            holidays=holidays,
            builtin=builtin,
            active=active,
            created_at=created_at,
            updated_at=updated_at,
        )

        calendar.additional_properties = d
        return calendar

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.hours_input_request import HoursInputRequest


T = TypeVar("T", bound="PatchedCalendarInputRequest")


@_attrs_define
class PatchedCalendarInputRequest:
    """
    Attributes:
        name (str | Unset): Unique in the organization.
        time_zone (str | Unset): An IANA time zone (`Europe/Berlin`); business hours are its wall-clock hours, daylight-
            saving changes included.
        hours (HoursInputRequest | Unset):
        holidays (list[datetime.date] | Unset): Dates (YYYY-MM-DD, local) on which no business time counts.
        active (bool | Unset):  Default: True.
    """

    name: str | Unset = UNSET
    time_zone: str | Unset = UNSET
    hours: HoursInputRequest | Unset = UNSET
    holidays: list[datetime.date] | Unset = UNSET
    active: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        time_zone = self.time_zone

        hours: dict[str, Any] | Unset = UNSET
        if not isinstance(self.hours, Unset):
            hours = self.hours.to_dict()

        holidays: list[str] | Unset = UNSET
        if not isinstance(self.holidays, Unset):
            holidays = []
            for holidays_item_data in self.holidays:
                holidays_item = holidays_item_data.isoformat()
                holidays.append(holidays_item)

        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone
        if hours is not UNSET:
            field_dict["hours"] = hours
        if holidays is not UNSET:
            field_dict["holidays"] = holidays
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hours_input_request import HoursInputRequest  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        time_zone = d.pop("time_zone", UNSET)

        _hours = d.pop("hours", UNSET)
        hours: HoursInputRequest | Unset
        if isinstance(_hours, Unset):
            hours = UNSET
        else:
            hours = HoursInputRequest.from_dict(_hours)

        _holidays = d.pop("holidays", UNSET)
        holidays: list[datetime.date] | Unset = UNSET
        if _holidays is not UNSET:
            holidays = []
            for holidays_item_data in _holidays:
                holidays_item = datetime.date.fromisoformat(holidays_item_data)

                holidays.append(holidays_item)

        active = d.pop("active", UNSET)

        patched_calendar_input_request = cls(
            name=name,
            time_zone=time_zone,
            hours=hours,
            holidays=holidays,
            active=active,
        )

        return patched_calendar_input_request

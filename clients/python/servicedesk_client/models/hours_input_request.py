from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="HoursInputRequest")


@_attrs_define
class HoursInputRequest:
    """
    Attributes:
        monday (list[list[str]] | Unset):
        tuesday (list[list[str]] | Unset):
        wednesday (list[list[str]] | Unset):
        thursday (list[list[str]] | Unset):
        friday (list[list[str]] | Unset):
        saturday (list[list[str]] | Unset):
        sunday (list[list[str]] | Unset):
    """

    monday: list[list[str]] | Unset = UNSET
    tuesday: list[list[str]] | Unset = UNSET
    wednesday: list[list[str]] | Unset = UNSET
    thursday: list[list[str]] | Unset = UNSET
    friday: list[list[str]] | Unset = UNSET
    saturday: list[list[str]] | Unset = UNSET
    sunday: list[list[str]] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        monday: list[list[str]] | Unset = UNSET
        if not isinstance(self.monday, Unset):
            monday = []
            for monday_item_data in self.monday:
                monday_item = monday_item_data

                monday.append(monday_item)

        tuesday: list[list[str]] | Unset = UNSET
        if not isinstance(self.tuesday, Unset):
            tuesday = []
            for tuesday_item_data in self.tuesday:
                tuesday_item = tuesday_item_data

                tuesday.append(tuesday_item)

        wednesday: list[list[str]] | Unset = UNSET
        if not isinstance(self.wednesday, Unset):
            wednesday = []
            for wednesday_item_data in self.wednesday:
                wednesday_item = wednesday_item_data

                wednesday.append(wednesday_item)

        thursday: list[list[str]] | Unset = UNSET
        if not isinstance(self.thursday, Unset):
            thursday = []
            for thursday_item_data in self.thursday:
                thursday_item = thursday_item_data

                thursday.append(thursday_item)

        friday: list[list[str]] | Unset = UNSET
        if not isinstance(self.friday, Unset):
            friday = []
            for friday_item_data in self.friday:
                friday_item = friday_item_data

                friday.append(friday_item)

        saturday: list[list[str]] | Unset = UNSET
        if not isinstance(self.saturday, Unset):
            saturday = []
            for saturday_item_data in self.saturday:
                saturday_item = saturday_item_data

                saturday.append(saturday_item)

        sunday: list[list[str]] | Unset = UNSET
        if not isinstance(self.sunday, Unset):
            sunday = []
            for sunday_item_data in self.sunday:
                sunday_item = sunday_item_data

                sunday.append(sunday_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if monday is not UNSET:
            field_dict["monday"] = monday
        if tuesday is not UNSET:
            field_dict["tuesday"] = tuesday
        if wednesday is not UNSET:
            field_dict["wednesday"] = wednesday
        if thursday is not UNSET:
            field_dict["thursday"] = thursday
        if friday is not UNSET:
            field_dict["friday"] = friday
        if saturday is not UNSET:
            field_dict["saturday"] = saturday
        if sunday is not UNSET:
            field_dict["sunday"] = sunday

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _monday = d.pop("monday", UNSET)
        monday: list[list[str]] | Unset = UNSET
        if _monday is not UNSET:
            monday = []
            for monday_item_data in _monday:
                monday_item = cast(list[str], monday_item_data)

                monday.append(monday_item)

        _tuesday = d.pop("tuesday", UNSET)
        tuesday: list[list[str]] | Unset = UNSET
        if _tuesday is not UNSET:
            tuesday = []
            for tuesday_item_data in _tuesday:
                tuesday_item = cast(list[str], tuesday_item_data)

                tuesday.append(tuesday_item)

        _wednesday = d.pop("wednesday", UNSET)
        wednesday: list[list[str]] | Unset = UNSET
        if _wednesday is not UNSET:
            wednesday = []
            for wednesday_item_data in _wednesday:
                wednesday_item = cast(list[str], wednesday_item_data)

                wednesday.append(wednesday_item)

        _thursday = d.pop("thursday", UNSET)
        thursday: list[list[str]] | Unset = UNSET
        if _thursday is not UNSET:
            thursday = []
            for thursday_item_data in _thursday:
                thursday_item = cast(list[str], thursday_item_data)

                thursday.append(thursday_item)

        _friday = d.pop("friday", UNSET)
        friday: list[list[str]] | Unset = UNSET
        if _friday is not UNSET:
            friday = []
            for friday_item_data in _friday:
                friday_item = cast(list[str], friday_item_data)

                friday.append(friday_item)

        _saturday = d.pop("saturday", UNSET)
        saturday: list[list[str]] | Unset = UNSET
        if _saturday is not UNSET:
            saturday = []
            for saturday_item_data in _saturday:
                saturday_item = cast(list[str], saturday_item_data)

                saturday.append(saturday_item)

        _sunday = d.pop("sunday", UNSET)
        sunday: list[list[str]] | Unset = UNSET
        if _sunday is not UNSET:
            sunday = []
            for sunday_item_data in _sunday:
                sunday_item = cast(list[str], sunday_item_data)

                sunday.append(sunday_item)

        hours_input_request = cls(
            monday=monday,
            tuesday=tuesday,
            wednesday=wednesday,
            thursday=thursday,
            friday=friday,
            saturday=saturday,
            sunday=sunday,
        )

        return hours_input_request

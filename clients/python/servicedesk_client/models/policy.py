from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.conditions import Conditions
    from ..models.targets import Targets


T = TypeVar("T", bound="Policy")


@_attrs_define
class Policy:
    """Optional strings may be blank (the listing uses "" for "not given").

    Attributes:
        id (str):  Example: 66d3f0c2a4b1e2d3c4b5a697.
        name (str):
        order (int):
        active (bool):
        conditions (Conditions):
        calendar_id (None | str): null: the built-in 24x7 calendar.
        targets (Targets):
        pause_status_ids (list[int]):
        warn_at_percent (int):
        created_at (datetime.datetime):  Example: 2025-08-31T16:08:45.429Z.
        updated_at (datetime.datetime):  Example: 2025-08-31T16:08:45.429Z.
    """

    id: str
    name: str
    order: int
    active: bool
    conditions: Conditions
    calendar_id: None | str
    targets: Targets
    pause_status_ids: list[int]
    warn_at_percent: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        order = self.order

        active = self.active

        conditions = self.conditions.to_dict()

        calendar_id: None | str
        calendar_id = self.calendar_id

        targets = self.targets.to_dict()

        pause_status_ids = self.pause_status_ids

        warn_at_percent = self.warn_at_percent

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "order": order,
                "active": active,
                "conditions": conditions,
                "calendar_id": calendar_id,
                "targets": targets,
                "pause_status_ids": pause_status_ids,
                "warn_at_percent": warn_at_percent,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.conditions import Conditions  # noqa: PLC0415
        from ..models.targets import Targets  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        order = d.pop("order")

        active = d.pop("active")

        conditions = Conditions.from_dict(d.pop("conditions"))

        def _parse_calendar_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        calendar_id = _parse_calendar_id(d.pop("calendar_id"))

        targets = Targets.from_dict(d.pop("targets"))

        pause_status_ids = cast(list[int], d.pop("pause_status_ids"))

        warn_at_percent = d.pop("warn_at_percent")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        policy = cls(
            id=id,
            name=name,
            order=order,
            active=active,
            conditions=conditions,
            calendar_id=calendar_id,
            targets=targets,
            pause_status_ids=pause_status_ids,
            warn_at_percent=warn_at_percent,
            created_at=created_at,
            updated_at=updated_at,
        )

        policy.additional_properties = d
        return policy

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="HistoryOut")


@_attrs_define
class HistoryOut:
    """
    Attributes:
        at (datetime.datetime):  Example: 2025-08-31T16:08:45.429Z.
        actor_id (str):
        action (str):
        field (str):
        old (Any): The value before; null when there was none.
        new (Any): The value after; null when removed.
    """

    at: datetime.datetime
    actor_id: str
    action: str
    field: str
    old: Any
    new: Any
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        actor_id = self.actor_id

        action = self.action

        field = self.field

        old = self.old

        new = self.new

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "actor_id": actor_id,
                "action": action,
                "field": field,
                "old": old,
                "new": new,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        actor_id = d.pop("actor_id")

        action = d.pop("action")

        field = d.pop("field")

        old = d.pop("old")

        new = d.pop("new")

        history_out = cls(
            at=at,
            actor_id=actor_id,
            action=action,
            field=field,
            old=old,
            new=new,
        )

        history_out.additional_properties = d
        return history_out

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

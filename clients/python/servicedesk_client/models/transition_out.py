from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TransitionOut")


@_attrs_define
class TransitionOut:
    """
    Attributes:
        to_status_id (int):
        to_status (str):
        to_state_id (int):
        action (str):
        requires (list[str]):
        optional (list[str]):
    """

    to_status_id: int
    to_status: str
    to_state_id: int
    action: str
    requires: list[str]
    optional: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        to_status_id = self.to_status_id

        to_status = self.to_status

        to_state_id = self.to_state_id

        action = self.action

        requires = self.requires

        optional = self.optional

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "to_status_id": to_status_id,
                "to_status": to_status,
                "to_state_id": to_state_id,
                "action": action,
                "requires": requires,
                "optional": optional,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to_status_id = d.pop("to_status_id")

        to_status = d.pop("to_status")

        to_state_id = d.pop("to_state_id")

        action = d.pop("action")

        requires = cast(list[str], d.pop("requires"))

        optional = cast(list[str], d.pop("optional"))

        transition_out = cls(
            to_status_id=to_status_id,
            to_status=to_status,
            to_state_id=to_state_id,
            action=action,
            requires=requires,
            optional=optional,
        )

        transition_out.additional_properties = d
        return transition_out

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

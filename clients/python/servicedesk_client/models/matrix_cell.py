from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MatrixCell")


@_attrs_define
class MatrixCell:
    """
    Attributes:
        impact_id (int):
        urgency_id (int):
        priority_id (int):
    """

    impact_id: int
    urgency_id: int
    priority_id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        impact_id = self.impact_id

        urgency_id = self.urgency_id

        priority_id = self.priority_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "impact_id": impact_id,
                "urgency_id": urgency_id,
                "priority_id": priority_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        impact_id = d.pop("impact_id")

        urgency_id = d.pop("urgency_id")

        priority_id = d.pop("priority_id")

        matrix_cell = cls(
            impact_id=impact_id,
            urgency_id=urgency_id,
            priority_id=priority_id,
        )

        matrix_cell.additional_properties = d
        return matrix_cell

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

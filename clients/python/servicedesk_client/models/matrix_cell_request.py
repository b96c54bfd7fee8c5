from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MatrixCellRequest")


@_attrs_define
class MatrixCellRequest:
    """
    Attributes:
        impact_id (int):
        urgency_id (int):
        priority_id (int):
    """

    impact_id: int
    urgency_id: int
    priority_id: int

    def to_dict(self) -> dict[str, Any]:
        impact_id = self.impact_id

        urgency_id = self.urgency_id

        priority_id = self.priority_id

        field_dict: dict[str, Any] = {}

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

        matrix_cell_request = cls(
            impact_id=impact_id,
            urgency_id=urgency_id,
            priority_id=priority_id,
        )

        return matrix_cell_request

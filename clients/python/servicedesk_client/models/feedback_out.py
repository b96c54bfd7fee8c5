from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FeedbackOut")


@_attrs_define
class FeedbackOut:
    """
    Attributes:
        feedback_id (str):
        incident_id (str):
        resolution_cycle (int): 0 for the first resolution, +1 per reopen.
        rating (int):
        comment (str):
        author_id (str):
        created_at (datetime.datetime):  Example: 2025-08-31T16:08:45.429Z.
    """

    feedback_id: str
    incident_id: str
    resolution_cycle: int
    rating: int
    comment: str
    author_id: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        feedback_id = self.feedback_id

        incident_id = self.incident_id

        resolution_cycle = self.resolution_cycle

        rating = self.rating

        comment = self.comment

        author_id = self.author_id

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "feedback_id": feedback_id,
                "incident_id": incident_id,
                "resolution_cycle": resolution_cycle,
                "rating": rating,
                "comment": comment,
                "author_id": author_id,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        feedback_id = d.pop("feedback_id")

        incident_id = d.pop("incident_id")

        resolution_cycle = d.pop("resolution_cycle")

        rating = d.pop("rating")

        comment = d.pop("comment")

        author_id = d.pop("author_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        feedback_out = cls(
            feedback_id=feedback_id,
            incident_id=incident_id,
            resolution_cycle=resolution_cycle,
            rating=rating,
            comment=comment,
            author_id=author_id,
            created_at=created_at,
        )

        feedback_out.additional_properties = d
        return feedback_out

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

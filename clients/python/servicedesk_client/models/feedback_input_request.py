from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FeedbackInputRequest")


@_attrs_define
class FeedbackInputRequest:
    """
    Attributes:
        incident_id (str): Incident id or display id.
        rating (int):
        comment (str | Unset):
    """

    incident_id: str
    rating: int
    comment: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        incident_id = self.incident_id

        rating = self.rating

        comment = self.comment

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "incident_id": incident_id,
                "rating": rating,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        incident_id = d.pop("incident_id")

        rating = d.pop("rating")

        comment = d.pop("comment", UNSET)

        feedback_input_request = cls(
            incident_id=incident_id,
            rating=rating,
            comment=comment,
        )

        return feedback_input_request

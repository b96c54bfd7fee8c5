from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ClassificationInputRequest")


@_attrs_define
class ClassificationInputRequest:
    """
    Attributes:
        name (str): Unique in the service.
        id (int | Unset): Unique in the service; the next free one if left out.
    """

    name: str
    id: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        id = d.pop("id", UNSET)

        classification_input_request = cls(
            name=name,
            id=id,
        )

        return classification_input_request

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.relation_input_type_enum import RelationInputTypeEnum

T = TypeVar("T", bound="RelationInputRequest")


@_attrs_define
class RelationInputRequest:
    """
    Attributes:
        type_ (RelationInputTypeEnum): * `parent` - parent
            * `child` - child
            * `related` - related
        incident (str): The other incident. An incident id (24 hex characters) or display id such as `INCI-42`.
    """

    type_: RelationInputTypeEnum
    incident: str

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        incident = self.incident

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "incident": incident,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = RelationInputTypeEnum(d.pop("type"))

        incident = d.pop("incident")

        relation_input_request = cls(
            type_=type_,
            incident=incident,
        )

        return relation_input_request

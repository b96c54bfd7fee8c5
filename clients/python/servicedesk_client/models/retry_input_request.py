from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RetryInputRequest")


@_attrs_define
class RetryInputRequest:
    """The failed deliveries of `incident_ids`, and `delivery_ids`; none: no results.

    Attributes:
        incident_ids (list[str] | Unset):
        delivery_ids (list[str] | Unset):
    """

    incident_ids: list[str] | Unset = UNSET
    delivery_ids: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        incident_ids: list[str] | Unset = UNSET
        if not isinstance(self.incident_ids, Unset):
            incident_ids = self.incident_ids

        delivery_ids: list[str] | Unset = UNSET
        if not isinstance(self.delivery_ids, Unset):
            delivery_ids = self.delivery_ids

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if incident_ids is not UNSET:
            field_dict["incident_ids"] = incident_ids
        if delivery_ids is not UNSET:
            field_dict["delivery_ids"] = delivery_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        incident_ids = cast(list[str], d.pop("incident_ids", UNSET))

        delivery_ids = cast(list[str], d.pop("delivery_ids", UNSET))

        retry_input_request = cls(
            incident_ids=incident_ids,
            delivery_ids=delivery_ids,
        )

        return retry_input_request

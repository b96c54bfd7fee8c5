from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RetryInputRequest")


@_attrs_define
class RetryInputRequest:
    """
    Attributes:
        incident_ids (list[str] | Unset):
        delivery_ids (list[str] | Unset):
    """

    incident_ids: list[str] | Unset = UNSET
    delivery_ids: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        incident_ids: list[str] | Unset = UNSET
        if not isinstance(self.incident_ids, Unset):
            incident_ids = self.incident_ids

        delivery_ids: list[str] | Unset = UNSET
        if not isinstance(self.delivery_ids, Unset):
            delivery_ids = self.delivery_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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

        retry_input_request.additional_properties = d
        return retry_input_request

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

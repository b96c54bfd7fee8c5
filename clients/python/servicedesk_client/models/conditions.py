from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Conditions")


@_attrs_define
class Conditions:
    """
    Attributes:
        priority_ids (list[int]):
        incident_type_ids (list[int]):
        service_ids (list[str]):
        support_group_ids (list[str]):
    """

    priority_ids: list[int]
    incident_type_ids: list[int]
    service_ids: list[str]
    support_group_ids: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        priority_ids = self.priority_ids

        incident_type_ids = self.incident_type_ids

        service_ids = self.service_ids

        support_group_ids = self.support_group_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "priority_ids": priority_ids,
                "incident_type_ids": incident_type_ids,
                "service_ids": service_ids,
                "support_group_ids": support_group_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        priority_ids = cast(list[int], d.pop("priority_ids"))

        incident_type_ids = cast(list[int], d.pop("incident_type_ids"))

        service_ids = cast(list[str], d.pop("service_ids"))

        support_group_ids = cast(list[str], d.pop("support_group_ids"))

        conditions = cls(
            priority_ids=priority_ids,
            incident_type_ids=incident_type_ids,
            service_ids=service_ids,
            support_group_ids=support_group_ids,
        )

        conditions.additional_properties = d
        return conditions

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

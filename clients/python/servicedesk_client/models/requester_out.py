from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RequesterOut")


@_attrs_define
class RequesterOut:
    """
    Attributes:
        email (str):
        name (str):
        phone (str):
        requester_id (str):
        incident_count (int):
    """

    email: str
    name: str
    phone: str
    requester_id: str
    incident_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        name = self.name

        phone = self.phone

        requester_id = self.requester_id

        incident_count = self.incident_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "name": name,
                "phone": phone,
                "requester_id": requester_id,
                "incident_count": incident_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        name = d.pop("name")

        phone = d.pop("phone")

        requester_id = d.pop("requester_id")

        incident_count = d.pop("incident_count")

        requester_out = cls(
            email=email,
            name=name,
            phone=phone,
            requester_id=requester_id,
            incident_count=incident_count,
        )

        requester_out.additional_properties = d
        return requester_out

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

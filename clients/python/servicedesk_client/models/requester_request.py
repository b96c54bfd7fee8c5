from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RequesterRequest")


@_attrs_define
class RequesterRequest:
    """A person's contact details: the requester, the reporter.

    Attributes:
        email (str | Unset):
        phone (str | Unset):
        id (str | Unset):
        name (str | Unset):
    """

    email: str | Unset = UNSET
    phone: str | Unset = UNSET
    id: str | Unset = UNSET
    name: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        phone = self.phone

        id = self.id

        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email", UNSET)

        phone = d.pop("phone", UNSET)

        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        requester_request = cls(
            email=email,
            phone=phone,
            id=id,
            name=name,
        )

        return requester_request

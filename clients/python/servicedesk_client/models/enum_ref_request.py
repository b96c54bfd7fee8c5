from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EnumRefRequest")


@_attrs_define
class EnumRefRequest:
    """A source of the organization (`/ux/sd/org/picklists/sources/`) by id, name or both.

    Attributes:
        id (int | Unset):
        name (str | Unset): A source's name, e.g. `Web`.
    """

    id: int | Unset = UNSET
    name: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        enum_ref_request = cls(
            id=id,
            name=name,
        )

        return enum_ref_request

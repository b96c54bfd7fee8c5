from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.incident_type_id import IncidentTypeId
from ..models.incident_type_name import IncidentTypeName
from ..types import UNSET, Unset

T = TypeVar("T", bound="IncidentTypeRefRequest")


@_attrs_define
class IncidentTypeRefRequest:
    """
    Attributes:
        id (IncidentTypeId | Unset): 1 Incident, 2 Service Request, 3 Problem.
        name (IncidentTypeName | Unset): "" means not given.
        prefix (str | Unset): Must be the type's prefix when given.
    """

    id: IncidentTypeId | Unset = UNSET
    name: IncidentTypeName | Unset = UNSET
    prefix: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id: int | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = self.id.value

        name: str | Unset = UNSET
        if not isinstance(self.name, Unset):
            name = self.name.value

        prefix = self.prefix

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if prefix is not UNSET:
            field_dict["prefix"] = prefix

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        id: IncidentTypeId | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = IncidentTypeId(_id)

        _name = d.pop("name", UNSET)
        name: IncidentTypeName | Unset
        if isinstance(_name, Unset):
            name = UNSET
        else:
            name = IncidentTypeName(_name)

        prefix = d.pop("prefix", UNSET)

        incident_type_ref_request = cls(
            id=id,
            name=name,
            prefix=prefix,
        )

        return incident_type_ref_request

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConditionsInputRequest")


@_attrs_define
class ConditionsInputRequest:
    """
    Attributes:
        priority_ids (list[int] | Unset): Priorities (1 Critical .. 5 Very Low).
        incident_type_ids (list[int] | Unset): Types.
        service_ids (list[str] | Unset): Services (services/ of /ux/sd/org/).
        support_group_ids (list[str] | Unset): Support groups (groups/).
    """

    priority_ids: list[int] | Unset = UNSET
    incident_type_ids: list[int] | Unset = UNSET
    service_ids: list[str] | Unset = UNSET
    support_group_ids: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        priority_ids: list[int] | Unset = UNSET
        if not isinstance(self.priority_ids, Unset):
            priority_ids = self.priority_ids

        incident_type_ids: list[int] | Unset = UNSET
        if not isinstance(self.incident_type_ids, Unset):
            incident_type_ids = self.incident_type_ids

        service_ids: list[str] | Unset = UNSET
        if not isinstance(self.service_ids, Unset):
            service_ids = self.service_ids

        support_group_ids: list[str] | Unset = UNSET
        if not isinstance(self.support_group_ids, Unset):
            support_group_ids = self.support_group_ids

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if priority_ids is not UNSET:
            field_dict["priority_ids"] = priority_ids
        if incident_type_ids is not UNSET:
            field_dict["incident_type_ids"] = incident_type_ids
        if service_ids is not UNSET:
            field_dict["service_ids"] = service_ids
        if support_group_ids is not UNSET:
            field_dict["support_group_ids"] = support_group_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        priority_ids = cast(list[int], d.pop("priority_ids", UNSET))

        incident_type_ids = cast(list[int], d.pop("incident_type_ids", UNSET))

        service_ids = cast(list[str], d.pop("service_ids", UNSET))

        support_group_ids = cast(list[str], d.pop("support_group_ids", UNSET))

        conditions_input_request = cls(
            priority_ids=priority_ids,
            incident_type_ids=incident_type_ids,
            service_ids=service_ids,
            support_group_ids=support_group_ids,
        )

        return conditions_input_request

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BasicInfoRequest")


@_attrs_define
class BasicInfoRequest:
    """Optional strings may be blank (the listing uses "" for "not given").

    Attributes:
        summary (str):
        state (str):
        state_id (int):
        status (str):
        status_id (int):
        urgency (str):
        urgency_id (int):
        impact (str):
        impact_id (int):
        priority (str):
        priority_id (int):
        description (str | Unset): Sanitized HTML.
        catalogue (str | Unset):
        impact_service (str | Unset):
        impact_service_name (str | Unset):
        service_classification (str | Unset):
        service_classification_name (str | Unset):
        resolution_type (str | Unset):
        is_first_call (bool | Unset):
    """

    summary: str
    state: str
    state_id: int
    status: str
    status_id: int
    urgency: str
    urgency_id: int
    impact: str
    impact_id: int
    priority: str
    priority_id: int
    description: str | Unset = UNSET
    catalogue: str | Unset = UNSET
    impact_service: str | Unset = UNSET
    impact_service_name: str | Unset = UNSET
    service_classification: str | Unset = UNSET
    service_classification_name: str | Unset = UNSET
    resolution_type: str | Unset = UNSET
    is_first_call: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        summary = self.summary

        state = self.state

        state_id = self.state_id

        status = self.status

        status_id = self.status_id

        urgency = self.urgency

        urgency_id = self.urgency_id

        impact = self.impact

        impact_id = self.impact_id

        priority = self.priority

        priority_id = self.priority_id

        description = self.description

        catalogue = self.catalogue

        impact_service = self.impact_service

        impact_service_name = self.impact_service_name

        service_classification = self.service_classification

        service_classification_name = self.service_classification_name

        resolution_type = self.resolution_type

        is_first_call = self.is_first_call

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "summary": summary,
                "state": state,
                "state_id": state_id,
                "status": status,
                "status_id": status_id,
                "urgency": urgency,
                "urgency_id": urgency_id,
                "impact": impact,
                "impact_id": impact_id,
                "priority": priority,
                "priority_id": priority_id,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if catalogue is not UNSET:
            field_dict["catalogue"] = catalogue
        if impact_service is not UNSET:
            field_dict["impact_service"] = impact_service
        if impact_service_name is not UNSET:
            field_dict["impact_service_name"] = impact_service_name
        if service_classification is not UNSET:
            field_dict["service_classification"] = service_classification
        if service_classification_name is not UNSET:
            field_dict["service_classification_name"] = service_classification_name
        if resolution_type is not UNSET:
            field_dict["resolution_type"] = resolution_type
        if is_first_call is not UNSET:
            field_dict["is_first_call"] = is_first_call

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        summary = d.pop("summary")

        state = d.pop("state")

        state_id = d.pop("state_id")

        status = d.pop("status")

        status_id = d.pop("status_id")

        urgency = d.pop("urgency")

        urgency_id = d.pop("urgency_id")

        impact = d.pop("impact")

        impact_id = d.pop("impact_id")

        priority = d.pop("priority")

        priority_id = d.pop("priority_id")

        description = d.pop("description", UNSET)

        catalogue = d.pop("catalogue", UNSET)

        impact_service = d.pop("impact_service", UNSET)

        impact_service_name = d.pop("impact_service_name", UNSET)

        service_classification = d.pop("service_classification", UNSET)

        service_classification_name = d.pop("service_classification_name", UNSET)

        resolution_type = d.pop("resolution_type", UNSET)

        is_first_call = d.pop("is_first_call", UNSET)

        basic_info_request = cls(
            summary=summary,
            state=state,
            state_id=state_id,
            status=status,
            status_id=status_id,
            urgency=urgency,
            urgency_id=urgency_id,
            impact=impact,
            impact_id=impact_id,
            priority=priority,
            priority_id=priority_id,
            description=description,
            catalogue=catalogue,
            impact_service=impact_service,
            impact_service_name=impact_service_name,
            service_classification=service_classification,
            service_classification_name=service_classification_name,
            resolution_type=resolution_type,
            is_first_call=is_first_call,
        )

        return basic_info_request

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.template_fields_request_custom_field_data import TemplateFieldsRequestCustomFieldData


T = TypeVar("T", bound="TemplateFieldsRequest")


@_attrs_define
class TemplateFieldsRequest:
    """
    Attributes:
        summary (str | Unset):
        description (str | Unset): HTML, sanitized.
        urgency_id (int | Unset):
        impact_id (int | Unset):
        incident_type (str | Unset):
        support_group (str | Unset): A support group by id or name; stored as its id.
        assignee (str | Unset): An agent by id, name or email; stored as its id.
        impact_service (str | Unset): A service by id or name; stored as its id.
        service_classification (str | Unset): A classification of `impact_service`, by id or name; stored as its id.
        tag (list[str] | Unset):
        custom_field_data (TemplateFieldsRequestCustomFieldData | Unset): Values by custom field key (active fields
            only).
    """

    summary: str | Unset = UNSET
    description: str | Unset = UNSET
    urgency_id: int | Unset = UNSET
    impact_id: int | Unset = UNSET
    incident_type: str | Unset = UNSET
    support_group: str | Unset = UNSET
    assignee: str | Unset = UNSET
    impact_service: str | Unset = UNSET
    service_classification: str | Unset = UNSET
    tag: list[str] | Unset = UNSET
    custom_field_data: TemplateFieldsRequestCustomFieldData | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        summary = self.summary

        description = self.description

        urgency_id = self.urgency_id

        impact_id = self.impact_id

        incident_type = self.incident_type

        support_group = self.support_group

        assignee = self.assignee

        impact_service = self.impact_service

        service_classification = self.service_classification

        tag: list[str] | Unset = UNSET
        if not isinstance(self.tag, Unset):
            tag = self.tag

        custom_field_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_field_data, Unset):
            custom_field_data = self.custom_field_data.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if summary is not UNSET:
            field_dict["summary"] = summary
        if description is not UNSET:
            field_dict["description"] = description
        if urgency_id is not UNSET:
            field_dict["urgency_id"] = urgency_id
        if impact_id is not UNSET:
            field_dict["impact_id"] = impact_id
        if incident_type is not UNSET:
            field_dict["incident_type"] = incident_type
        if support_group is not UNSET:
            field_dict["support_group"] = support_group
        if assignee is not UNSET:
            field_dict["assignee"] = assignee
        if impact_service is not UNSET:
            field_dict["impact_service"] = impact_service
        if service_classification is not UNSET:
            field_dict["service_classification"] = service_classification
        if tag is not UNSET:
            field_dict["tag"] = tag
        if custom_field_data is not UNSET:
            field_dict["custom_field_data"] = custom_field_data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.template_fields_request_custom_field_data import TemplateFieldsRequestCustomFieldData  # noqa: PLC0415

        d = dict(src_dict)
        summary = d.pop("summary", UNSET)

        description = d.pop("description", UNSET)

        urgency_id = d.pop("urgency_id", UNSET)

        impact_id = d.pop("impact_id", UNSET)

        incident_type = d.pop("incident_type", UNSET)

        support_group = d.pop("support_group", UNSET)

        assignee = d.pop("assignee", UNSET)

        impact_service = d.pop("impact_service", UNSET)

        service_classification = d.pop("service_classification", UNSET)

        tag = cast(list[str], d.pop("tag", UNSET))

        _custom_field_data = d.pop("custom_field_data", UNSET)
        custom_field_data: TemplateFieldsRequestCustomFieldData | Unset
        if isinstance(_custom_field_data, Unset):
            custom_field_data = UNSET
        else:
            custom_field_data = TemplateFieldsRequestCustomFieldData.from_dict(_custom_field_data)

        template_fields_request = cls(
            summary=summary,
            description=description,
            urgency_id=urgency_id,
            impact_id=impact_id,
            incident_type=incident_type,
            support_group=support_group,
            assignee=assignee,
            impact_service=impact_service,
            service_classification=service_classification,
            tag=tag,
            custom_field_data=custom_field_data,
        )

        return template_fields_request

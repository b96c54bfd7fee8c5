from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.agent_option_out import AgentOptionOut
    from ..models.custom_field_option_out import CustomFieldOptionOut
    from ..models.group_option_out import GroupOptionOut
    from ..models.incident_type_option_out import IncidentTypeOptionOut
    from ..models.option_out import OptionOut
    from ..models.picklist_entry_out import PicklistEntryOut
    from ..models.priority_cell_out import PriorityCellOut
    from ..models.service_option_out import ServiceOptionOut
    from ..models.status_option_out import StatusOptionOut
    from ..models.template_option_out import TemplateOptionOut


T = TypeVar("T", bound="OptionsOut")


@_attrs_define
class OptionsOut:
    """
    Attributes:
        states (list[OptionOut]):
        statuses (list[StatusOptionOut]):
        urgencies (list[OptionOut]):
        impacts (list[OptionOut]):
        priorities (list[OptionOut]):
        priority_matrix (list[PriorityCellOut]): The organization's priority of impact x urgency.
        sources (list[PicklistEntryOut]):
        incident_types (list[IncidentTypeOptionOut]):
        resolution_types (list[PicklistEntryOut]):
        hold_reasons (list[PicklistEntryOut]):
        support_groups (list[GroupOptionOut]): The organization's groups, then names in use not configured.
        agents (list[AgentOptionOut]):
        services (list[ServiceOptionOut]):
        custom_fields (list[CustomFieldOptionOut]):
        templates (list[TemplateOptionOut]):
        tags (list[str]): Tags in use in the organization.
    """

    states: list[OptionOut]
    statuses: list[StatusOptionOut]
    urgencies: list[OptionOut]
    impacts: list[OptionOut]
    priorities: list[OptionOut]
    priority_matrix: list[PriorityCellOut]
    sources: list[PicklistEntryOut]
    incident_types: list[IncidentTypeOptionOut]
    resolution_types: list[PicklistEntryOut]
    hold_reasons: list[PicklistEntryOut]
    support_groups: list[GroupOptionOut]
    agents: list[AgentOptionOut]
    services: list[ServiceOptionOut]
    custom_fields: list[CustomFieldOptionOut]
    templates: list[TemplateOptionOut]
    tags: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        states = []
        for states_item_data in self.states:
            states_item = states_item_data.to_dict()
            states.append(states_item)

        statuses = []
        for statuses_item_data in self.statuses:
            statuses_item = statuses_item_data.to_dict()
            statuses.append(statuses_item)

        urgencies = []
        for urgencies_item_data in self.urgencies:
            urgencies_item = urgencies_item_data.to_dict()
            urgencies.append(urgencies_item)

        impacts = []
        for impacts_item_data in self.impacts:
            impacts_item = impacts_item_data.to_dict()
            impacts.append(impacts_item)

        priorities = []
        for priorities_item_data in self.priorities:
            priorities_item = priorities_item_data.to_dict()
            priorities.append(priorities_item)

        priority_matrix = []
        for priority_matrix_item_data in self.priority_matrix:
            priority_matrix_item = priority_matrix_item_data.to_dict()
            priority_matrix.append(priority_matrix_item)

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)

        incident_types = []
        for incident_types_item_data in self.incident_types:
            incident_types_item = incident_types_item_data.to_dict()
            incident_types.append(incident_types_item)

        resolution_types = []
        for resolution_types_item_data in self.resolution_types:
            resolution_types_item = resolution_types_item_data.to_dict()
            resolution_types.append(resolution_types_item)

        hold_reasons = []
        for hold_reasons_item_data in self.hold_reasons:
            hold_reasons_item = hold_reasons_item_data.to_dict()
            hold_reasons.append(hold_reasons_item)

        support_groups = []
        for support_groups_item_data in self.support_groups:
            support_groups_item = support_groups_item_data.to_dict()
            support_groups.append(support_groups_item)

        agents = []
        for agents_item_data in self.agents:
            agents_item = agents_item_data.to_dict()
            agents.append(agents_item)

        services = []
        for services_item_data in self.services:
            services_item = services_item_data.to_dict()
            services.append(services_item)

        custom_fields = []
        for custom_fields_item_data in self.custom_fields:
            custom_fields_item = custom_fields_item_data.to_dict()
            custom_fields.append(custom_fields_item)

        templates = []
        for templates_item_data in self.templates:
            templates_item = templates_item_data.to_dict()
            templates.append(templates_item)

        tags = self.tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "states": states,
                "statuses": statuses,
                "urgencies": urgencies,
                "impacts": impacts,
                "priorities": priorities,
                "priority_matrix": priority_matrix,
                "sources": sources,
                "incident_types": incident_types,
                "resolution_types": resolution_types,
                "hold_reasons": hold_reasons,
                "support_groups": support_groups,
                "agents": agents,
                "services": services,
                "custom_fields": custom_fields,
                "templates": templates,
                "tags": tags,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agent_option_out import AgentOptionOut  # noqa: PLC0415
        from ..models.custom_field_option_out import CustomFieldOptionOut  # noqa: PLC0415
        from ..models.group_option_out import GroupOptionOut  # noqa: PLC0415
        from ..models.incident_type_option_out import IncidentTypeOptionOut  # noqa: PLC0415
        from ..models.option_out import OptionOut  # noqa: PLC0415
        from ..models.picklist_entry_out import PicklistEntryOut  # noqa: PLC0415
        from ..models.priority_cell_out import PriorityCellOut  # noqa: PLC0415
        from ..models.service_option_out import ServiceOptionOut  # noqa: PLC0415
        from ..models.status_option_out import StatusOptionOut  # noqa: PLC0415
        from ..models.template_option_out import TemplateOptionOut  # noqa: PLC0415

        d = dict(src_dict)
        states = []
        _states = d.pop("states")
        for states_item_data in _states:
            states_item = OptionOut.from_dict(states_item_data)

            states.append(states_item)

        statuses = []
        _statuses = d.pop("statuses")
        for statuses_item_data in _statuses:
            statuses_item = StatusOptionOut.from_dict(statuses_item_data)

            statuses.append(statuses_item)

        urgencies = []
        _urgencies = d.pop("urgencies")
        for urgencies_item_data in _urgencies:
            urgencies_item = OptionOut.from_dict(urgencies_item_data)

            urgencies.append(urgencies_item)

        impacts = []
        _impacts = d.pop("impacts")
        for impacts_item_data in _impacts:
            impacts_item = OptionOut.from_dict(impacts_item_data)

            impacts.append(impacts_item)

        priorities = []
        _priorities = d.pop("priorities")
        for priorities_item_data in _priorities:
            priorities_item = OptionOut.from_dict(priorities_item_data)

            priorities.append(priorities_item)

        priority_matrix = []
        _priority_matrix = d.pop("priority_matrix")
        for priority_matrix_item_data in _priority_matrix:
            priority_matrix_item = PriorityCellOut.from_dict(priority_matrix_item_data)

            priority_matrix.append(priority_matrix_item)

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in _sources:
            sources_item = PicklistEntryOut.from_dict(sources_item_data)

            sources.append(sources_item)

        incident_types = []
        _incident_types = d.pop("incident_types")
        for incident_types_item_data in _incident_types:
            incident_types_item = IncidentTypeOptionOut.from_dict(incident_types_item_data)

            incident_types.append(incident_types_item)

        resolution_types = []
        _resolution_types = d.pop("resolution_types")
        for resolution_types_item_data in _resolution_types:
            resolution_types_item = PicklistEntryOut.from_dict(resolution_types_item_data)

            resolution_types.append(resolution_types_item)

        hold_reasons = []
        _hold_reasons = d.pop("hold_reasons")
        for hold_reasons_item_data in _hold_reasons:
            hold_reasons_item = PicklistEntryOut.from_dict(hold_reasons_item_data)

            hold_reasons.append(hold_reasons_item)

        support_groups = []
        _support_groups = d.pop("support_groups")
        for support_groups_item_data in _support_groups:
            support_groups_item = GroupOptionOut.from_dict(support_groups_item_data)

            support_groups.append(support_groups_item)

        agents = []
        _agents = d.pop("agents")
        for agents_item_data in _agents:
            agents_item = AgentOptionOut.from_dict(agents_item_data)

            agents.append(agents_item)

        services = []
        _services = d.pop("services")
        for services_item_data in _services:
            services_item = ServiceOptionOut.from_dict(services_item_data)

            services.append(services_item)

        custom_fields = []
        _custom_fields = d.pop("custom_fields")
        for custom_fields_item_data in _custom_fields:
            custom_fields_item = CustomFieldOptionOut.from_dict(custom_fields_item_data)

            custom_fields.append(custom_fields_item)

        templates = []
        _templates = d.pop("templates")
        for templates_item_data in _templates:
            templates_item = TemplateOptionOut.from_dict(templates_item_data)

            templates.append(templates_item)

        tags = cast(list[str], d.pop("tags"))

        options_out = cls(
            states=states,
            statuses=statuses,
            urgencies=urgencies,
            impacts=impacts,
            priorities=priorities,
            priority_matrix=priority_matrix,
            sources=sources,
            incident_types=incident_types,
            resolution_types=resolution_types,
            hold_reasons=hold_reasons,
            support_groups=support_groups,
            agents=agents,
            services=services,
            custom_fields=custom_fields,
            templates=templates,
            tags=tags,
        )

        options_out.additional_properties = d
        return options_out

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

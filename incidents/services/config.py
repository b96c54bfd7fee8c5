"""What an incident refers to in its organization's configuration, checked and resolved.

Groups, agents, services and their classifications, custom fields, picklists and
the priority matrix come from the organization's directory and catalogue
(snapshots read once per request, or kept per worker: servicedesk.orgcache).

A reference names an entry by id or name (agents also by email) and is stored as
`{"id", "name"}`. An unknown, inactive or other organization's entry is a 400
naming the field, worded the same in each case. An organization that has
configured no entry of a kind (no groups, no agents, no services, no custom
fields) keeps today's free text for it, stored as a name-only reference
`{"id": None, "name": ...}`: its clients keep working with no step of their own.
"""

import datetime as dt
import math
from functools import cached_property
from typing import Any

from catalogue.public import Catalogue, Entry, FieldDef, ServiceRef, catalogue_of
from directory.public import AUTO_LEAST_OPEN, AUTO_ROUND_ROBIN, Directory, directory_of
from directory.public import group_take_turn as take_turn
from incidents import choices
from servicedesk.errors import invalid
from servicedesk.tenancy.principal import Principal

TEXT_MAX = 2_000


class OrgConfig:
    """The organization's directory and catalogue, each read when first needed."""

    def __init__(self, organization_id) -> None:
        self.organization_id = organization_id

    @cached_property
    def directory(self) -> Directory:
        return directory_of(organization_id=self.organization_id)

    @cached_property
    def catalogue(self) -> Catalogue:
        return catalogue_of(organization_id=self.organization_id)


def config_of(principal: Principal) -> OrgConfig:
    return OrgConfig(principal.organization_id)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def name_only(value: str) -> dict | None:
    return {"id": None, "name": value.strip()} if not _blank(value) else None


# --- groups and agents ----------------------------------------------------------------------


def group_ref(config: OrgConfig, value: str, *, field: str) -> dict | None:
    if _blank(value):
        return None
    if not config.directory.groups:
        return name_only(value)
    group = config.directory.group(value)
    if group is None or not group.active:
        raise invalid(
            field, f"No active support group {value[:60]!r} in this organization.", "unknown_group"
        )
    return {"id": group.id, "name": group.name}


def agent_ref(config: OrgConfig, value: str, *, field: str, group: dict | None) -> dict | None:
    """The agent named by `value`, who must be an active member of `group` when it is set."""
    if _blank(value):
        return None
    if not config.directory.agents:
        return name_only(value)
    agent = config.directory.agent(value)
    if agent is None or not agent.active:
        raise invalid(
            field, f"No active agent {value[:60]!r} in this organization.", "unknown_agent"
        )
    if group is not None and group["id"] is not None and group["id"] not in agent.group_ids:
        raise invalid(
            field,
            f"{agent.name} is not a member of the support group {group['name']}.",
            "not_a_member",
        )
    return {"id": agent.id, "name": agent.name}


def is_member(config: OrgConfig, agent: dict | None, group: dict | None) -> bool:
    if agent is None or group is None or agent["id"] is None or group["id"] is None:
        return True  # name-only references carry no membership to check
    found = config.directory.agents.get(agent["id"])
    return found is not None and found.active and group["id"] in found.group_ids


def auto_assignee(
    principal: Principal,
    config: OrgConfig,
    group: dict | None,
    open_counts,
    turns: dict | None = None,
) -> dict | None:
    """The member a group's `auto_assign` picks, or None (no rule, no active member).

    `round_robin` takes the group's next turn (one `$inc`: exact under concurrency);
    `turns` (group id -> turn) keeps the turn a write already took, so a plan that
    compare-and-set runs again after a lost race does not take another one;
    `least_open` asks `open_counts(agent_ids) -> {agent id: open incidents}` and takes
    the member with the fewest, the first in name order on a tie.
    """
    if group is None or group["id"] is None:
        return None
    found = config.directory.groups.get(group["id"])
    if found is None:
        return None
    members = config.directory.active_members(found)
    if not members:
        return None
    if found.auto_assign == AUTO_ROUND_ROBIN:
        turns = {} if turns is None else turns
        if found.id not in turns:
            turns[found.id] = take_turn(
                organization_id=principal.organization_id, group_id=found.id
            )
        turn = turns[found.id]
        chosen = members[(turn - 1) % len(members)]
    elif found.auto_assign == AUTO_LEAST_OPEN:
        counts = open_counts([member.id for member in members])
        chosen = min(members, key=lambda member: counts.get(member.id, 0))
    else:
        return None
    return {"id": chosen.id, "name": chosen.name}


# --- the catalogue --------------------------------------------------------------------------


def service_ref(config: OrgConfig, value: str, *, field: str) -> ServiceRef | None:
    """The catalogue's service by id or name; None when blank (or no catalogue: see below)."""
    if _blank(value):
        return None
    service = config.catalogue.service(value)
    if service is None or not service.active:
        raise invalid(
            field, f"No active service {value[:60]!r} in this organization.", "unknown_service"
        )
    return service


def has_services(config: OrgConfig) -> bool:
    return bool(config.catalogue.services)


def classification_of(service: ServiceRef | None, value: Any, *, field: str) -> Entry | None:
    if _blank(value):
        return None
    found = service.classification(value) if service is not None else None
    if found is None:
        where = f"of the service {service.name}" if service is not None else "without a service"
        raise invalid(
            field, f"No classification {str(value)[:60]!r} {where}.", "unknown_classification"
        )
    return found


def picklist_choice(config: OrgConfig, name: str, value: Any, *, field: str) -> Entry | None:
    """An active entry of one of the organization's picklists, by id or name."""
    if _blank(value):
        return None
    entry = config.catalogue.picklist_entry(name, value)
    if entry is None or not entry.active:
        label = choices.PICKLIST_TABLES[name].label.replace("_", " ")
        allowed = ", ".join(e.name for e in config.catalogue.picklist(name) if e.active)
        raise invalid(
            field,
            f"{field}: unknown {label} {str(value)[:60]!r}; expected one of {allowed}.",
            "unknown_name" if isinstance(value, str) else "unknown_id",
        )
    return entry


def picklist_ref(config: OrgConfig, name: str, value: Any, *, field: str) -> Entry | None:
    """`picklist_choice` of a value, or of `{"id", "name"}` whose two must name one entry."""
    if not isinstance(value, dict):
        return picklist_choice(config, name, value, field=field)
    by_id = picklist_choice(config, name, value.get("id"), field=f"{field}_id")
    by_name = picklist_choice(config, name, value.get("name"), field=field)
    if by_id is not None and by_name is not None and by_id.id != by_name.id:
        raise invalid(
            field,
            f"{field}: id {by_id.id} is {by_id.name!r}, not {value['name'][:60]!r}.",
            "mismatch",
        )
    return by_id or by_name


def priority_for(config: OrgConfig, impact_id: int, urgency_id: int) -> choices.Choice:
    """The priority the organization's matrix gives an impact and an urgency."""
    choices.priority_for(impact_id, urgency_id)  # the ids themselves are checked here
    priority_id = config.catalogue.matrix.get((impact_id, urgency_id))
    if priority_id is None:
        priority_id = choices.PRIORITY_MATRIX[impact_id, urgency_id]
    return choices.PRIORITIES.by_id(priority_id)


# --- custom fields --------------------------------------------------------------------------


def custom_fields(
    config: OrgConfig, incident_type_id: int, data: dict, *, field: str = "custom_field_data"
) -> tuple[dict, list[dict] | None]:
    """(the checked values, the representation's `custom_field` list) of `data`.

    Without custom field definitions the organization keeps free data, and the
    `custom_field` list is its own (None: leave it as given).
    """
    if not config.catalogue.fields:
        return data, None
    definitions = {d.key: d for d in config.catalogue.fields_for(incident_type_id)}
    checked = {}
    for key, value in data.items():
        definition = definitions.get(key)
        if definition is None:
            raise invalid(
                f"{field}.{key}",
                "No such custom field for this incident type (custom-fields/ of /ux/sd/org/).",
                "unknown_field",
            )
        checked[key] = _custom_value(definition, value, f"{field}.{key}")
    for definition in definitions.values():
        if definition.required and _blank_value(checked.get(definition.key)):
            raise invalid(
                f"{field}.{definition.key}", f"{definition.label} is required.", "required"
            )
    listed = [
        {
            "key": d.key,
            "label": d.label,
            "type": d.type,
            "required": d.required,
            "value": checked.get(d.key),
        }
        for d in definitions.values()
    ]
    return checked, listed


def _blank_value(value: Any) -> bool:
    return value is None or value == "" or value == []


def _custom_value(definition: FieldDef, value: Any, field: str) -> Any:
    if value is None:
        return None
    kind = definition.type
    if kind == "text":
        if not isinstance(value, str) or len(value) > TEXT_MAX:
            raise invalid(field, f"Expected text of at most {TEXT_MAX} characters.", "invalid")
        return value
    if kind == "number":
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise invalid(field, "Expected a number.", "invalid")
        return value
    if kind == "checkbox":
        if not isinstance(value, bool):
            raise invalid(field, "Expected true or false.", "invalid")
        return value
    if kind == "date":
        if isinstance(value, str) and len(value) == 10:
            try:
                return dt.date.fromisoformat(value).isoformat()
            except ValueError:
                pass
        raise invalid(field, "Expected a date, YYYY-MM-DD.", "invalid")
    options = ", ".join(definition.options)
    if kind == "select":
        if value not in definition.options:
            raise invalid(field, f"Expected one of {options}.", "invalid_choice")
        return value
    if (
        not isinstance(value, list)
        or any(not isinstance(item, str) or item not in definition.options for item in value)
        or len(set(value)) != len(value)
    ):
        raise invalid(field, f"Expected a list of distinct values of {options}.", "invalid_choice")
    return value

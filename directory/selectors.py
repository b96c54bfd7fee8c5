"""Directory reads: an organization's agents and groups as one snapshot per request.

Incidents look agents and groups up by id, name or email on most writes; the
snapshot (`directory_of`) is two queries, kept by the worker while the
organization's configuration does not change (servicedesk.orgcache).
"""

from dataclasses import dataclass, field

from bson import ObjectId

from directory.documents import AUTO_NONE, Agent, Group
from servicedesk import orgcache
from servicedesk.configuration import References, name_key


@dataclass(frozen=True)
class AgentRef:
    id: str
    name: str
    email: str
    active: bool
    group_ids: frozenset[str]


@dataclass(frozen=True)
class GroupRef:
    id: str
    name: str
    active: bool
    auto_assign: str
    member_ids: tuple[str, ...]  # every member, by name, then id


@dataclass(frozen=True)
class Directory:
    """An organization's agents and groups, found by id, name or (agents) email."""

    agents: dict[str, AgentRef] = field(default_factory=dict)
    groups: dict[str, GroupRef] = field(default_factory=dict)

    def agent(self, ref: str) -> AgentRef | None:
        return _find(self.agents, ref, by_email=True)

    def group(self, ref: str) -> GroupRef | None:
        return _find(self.groups, ref)

    def active_members(self, group: GroupRef) -> list[AgentRef]:
        members = (self.agents.get(agent_id) for agent_id in group.member_ids)
        return [agent for agent in members if agent is not None and agent.active]


def _find(entries: dict, ref: str, *, by_email: bool = False):
    if not isinstance(ref, str) or not ref.strip():
        return None
    ref = ref.strip()
    if ref.lower() in entries:
        return entries[ref.lower()]
    key = name_key(ref)
    for entry in entries.values():
        if name_key(entry.name) == key or (by_email and entry.email == ref.lower()):
            return entry
    return None


def load_directory(organization_id: ObjectId) -> Directory:
    agents = Agent.objects(organization_id=organization_id).order_by("name_key", "id")
    members: dict[str, list[str]] = {}
    found_agents = {}
    for agent in agents.only("id", "name", "email", "active", "group_ids"):
        agent_id = str(agent.id)
        group_ids = frozenset(str(group_id) for group_id in agent.group_ids)
        found_agents[agent_id] = AgentRef(
            agent_id, agent.name, agent.email, agent.active, group_ids
        )
        for group_id in group_ids:
            members.setdefault(group_id, []).append(agent_id)
    found_groups = {}
    groups = Group.objects(organization_id=organization_id)
    for group in groups.only("id", "name", "active", "auto_assign"):
        group_id = str(group.id)
        found_groups[group_id] = GroupRef(
            group_id,
            group.name,
            group.active,
            group.auto_assign or AUTO_NONE,
            tuple(members.get(group_id, ())),
        )
    return Directory(found_agents, found_groups)


def directory_of(*, organization_id: ObjectId) -> Directory:
    """The organization's directory, as this request (or worker, see orgcache) knows it."""
    return orgcache.kept("directory", organization_id, lambda: load_directory(organization_id))


# --- for the configuration API and other apps ---------------------------------------------

# Whether something refers to an agent or a group, by its id (a string): incidents and the
# catalogue plug their checks in from their AppConfig.ready() (register_reference_check).
references = References("agent", "group")
register_reference_check = references.register


def is_referenced(*, kind: str, organization_id: ObjectId, object_id: ObjectId) -> bool:
    return references.any(kind, organization_id, str(object_id))


def active_agent_id(organization_id: ObjectId, email: str) -> ObjectId | None:
    """The id of the organization's active agent with this email (API keys acting for one)."""
    agent = (
        Agent.objects(organization_id=organization_id, email=email.strip().lower(), active=True)
        .only("id")
        .first()
    )
    return agent.id if agent is not None else None


def members_of(*, organization_id: ObjectId, group_ids: list[ObjectId]) -> dict[str, list[str]]:
    """Group id -> its members' ids (the agents naming it), by name, then id."""
    members: dict[str, list[str]] = {str(group_id): [] for group_id in group_ids}
    agents = Agent.objects(organization_id=organization_id, group_ids__in=group_ids)
    for agent in agents.only("id", "group_ids").order_by("name_key", "id"):
        for group_id in agent.group_ids:
            if str(group_id) in members:
                members[str(group_id)].append(str(agent.id))
    return members


def states_of(document: type, organization_id: ObjectId, ids: list[ObjectId]) -> dict:
    """Id -> `active` of those of `ids` the organization has (agents or groups)."""
    found = document.objects(organization_id=organization_id, id__in=ids).only("id", "active")
    return {item.id: item.active for item in found}

"""Directory writes: agents and groups (the configuration API), round-robin turns.

Membership is stored on the agents (`Agent.group_ids`): a group's `member_ids`
are written as one `$addToSet` and one `$pull` over the agents concerned.
Ids in bodies name objects of the caller's organization only: any other id is
"unknown" (400 naming the field), whether or not another organization has it.
"""

from bson import ObjectId
from pymongo import ReturnDocument

from directory import selectors
from directory.documents import MAX_GROUPS_PER_AGENT, Agent, Group
from servicedesk import configuration, orgcache
from servicedesk.errors import Conflict, invalid
from servicedesk.tenancy.services import api_keys_revoke_for_agent
from servicedesk.timeutil import now

AGENT_UNIQUE = ("name_key", "email")
GROUP_UNIQUE = ("name_key",)


def group_take_turn(*, organization_id: ObjectId, group_id: str) -> int:
    """The group's next round-robin turn (1, 2, ...): each number is handed out once, by
    one atomic `$inc`."""
    doc = Group._get_collection().find_one_and_update(
        {"_id": ObjectId(group_id), "organization_id": organization_id},
        {"$inc": {"turn": 1}},
        projection={"turn": 1},
        return_document=ReturnDocument.AFTER,
    )
    if doc is None:
        raise Conflict("The group was deleted meanwhile.", code="group_gone")
    return doc["turn"]


def _chosen(
    document: type, label: str, field: str, given: list[str], organization_id, current=()
) -> list[ObjectId]:
    """The ids `given` for `field`, each the organization's and active (unless already
    chosen before: `current`), without repeats; else a 400 naming `field.<index>`."""
    ids = [ObjectId(value) for value in given]
    active = selectors.states_of(document, organization_id, ids)
    chosen: list[ObjectId] = []
    for index, object_id in enumerate(ids):
        if object_id not in active:
            raise invalid(f"{field}.{index}", f"No {label} with this id.", "unknown")
        if not active[object_id] and object_id not in current:
            raise invalid(
                f"{field}.{index}", f"This {label} is inactive: it cannot be chosen.", "inactive"
            )
        if object_id not in chosen:
            chosen.append(object_id)
    return chosen


# --- agents --------------------------------------------------------------------------------


def agent_create(*, organization_id: ObjectId, data: dict) -> Agent:
    group_ids = _chosen(Group, "support group", "group_ids", data["group_ids"], organization_id)
    agent = Agent(
        organization_id=organization_id,
        **configuration.changes_of(data, skip=("group_ids",)),
        group_ids=group_ids,
    )
    return configuration.insert(agent, kind="agent", unique=AGENT_UNIQUE)


def agent_update(*, agent: Agent, data: dict) -> Agent:
    changes = configuration.changes_of(data, skip=("group_ids",))
    if "group_ids" in data:
        changes["group_ids"] = _chosen(
            Group,
            "support group",
            "group_ids",
            data["group_ids"],
            agent.organization_id,
            current=set(agent.group_ids),
        )
    updated = configuration.update(agent, changes, kind="agent", unique=AGENT_UNIQUE)
    if agent.active and not updated.active:
        api_keys_revoke_for_agent(organization_id=agent.organization_id, agent_id=agent.id)
    return updated


def agent_delete(*, agent: Agent) -> bool:
    """Deletes the agent, or deactivates it when something refers to it (True: deleted)."""
    referenced = selectors.is_referenced(
        kind="agent", organization_id=agent.organization_id, object_id=agent.id
    )
    deleted = configuration.delete_or_deactivate(agent, referenced=referenced)
    api_keys_revoke_for_agent(organization_id=agent.organization_id, agent_id=agent.id)
    return deleted


# --- groups --------------------------------------------------------------------------------


def _members(organization_id: ObjectId, given: list[str], current: set) -> list[ObjectId]:
    """The agents `given` as `member_ids` (see `_chosen`), each with room for one more group."""
    members = _chosen(Agent, "agent", "member_ids", given, organization_id, current)
    joining = [agent_id for agent_id in members if agent_id not in current]
    if not joining:
        return members
    # Those whose list already holds the most groups an agent may be in.
    full = Agent.objects(
        organization_id=organization_id,
        id__in=joining,
        __raw__={f"group_ids.{MAX_GROUPS_PER_AGENT - 1}": {"$exists": True}},
    )
    full_ids = {agent.id for agent in full.only("id")}
    for index, value in enumerate(given):
        if ObjectId(value) in full_ids:
            raise invalid(
                f"member_ids.{index}",
                f"This agent is already in {MAX_GROUPS_PER_AGENT} groups.",
                "too_many_groups",
            )
    return members


def _set_members(group: Group, members: list[ObjectId]) -> None:
    agents = Agent.objects(organization_id=group.organization_id)
    moment = now()
    if members:
        agents.filter(id__in=members, group_ids__ne=group.id).update(
            add_to_set__group_ids=group.id, set__updated_at=moment
        )
    agents.filter(group_ids=group.id, id__nin=members).update(
        pull__group_ids=group.id, set__updated_at=moment
    )
    orgcache.changed(group.organization_id)


def group_create(*, organization_id: ObjectId, data: dict) -> Group:
    members = _members(organization_id, data["member_ids"], set())
    group = Group(
        organization_id=organization_id, **configuration.changes_of(data, skip=("member_ids",))
    )
    configuration.insert(group, kind="group", unique=GROUP_UNIQUE)
    if members:
        _set_members(group, members)
    return group


def group_update(*, group: Group, data: dict) -> Group:
    members = None
    if "member_ids" in data:
        stored = selectors.members_of(organization_id=group.organization_id, group_ids=[group.id])
        current = {ObjectId(agent_id) for agent_id in stored[str(group.id)]}
        members = _members(group.organization_id, data["member_ids"], current)
    changes = configuration.changes_of(data, skip=("member_ids",))
    group = configuration.update(group, changes, kind="group", unique=GROUP_UNIQUE)
    if members is not None:
        _set_members(group, members)
    return group


def group_delete(*, group: Group) -> bool:
    """Deletes the group (and the agents' membership of it), or deactivates it when
    something refers to it (True: deleted)."""
    referenced = selectors.is_referenced(
        kind="group", organization_id=group.organization_id, object_id=group.id
    )
    if not referenced:
        Agent.objects(organization_id=group.organization_id, group_ids=group.id).update(
            pull__group_ids=group.id, set__updated_at=now()
        )
    return configuration.delete_or_deactivate(group, referenced=referenced)

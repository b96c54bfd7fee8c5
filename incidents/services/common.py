"""The compare-and-set write every incident change goes through (servicedesk.cas).

A change is planned against the incident as read (`plan(current) -> Change`)
and written with one atomic update that also pushes its history entries; a
lost race re-reads the incident and plans again, so concurrent edits of
different fields both survive and a status change is checked against the
status it really leaves.
"""

import builtins
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from incidents import hooks
from incidents.documents import HistoryEntry, Incident
from incidents.transitions import Move
from servicedesk import cas
from servicedesk.errors import NotFound
from servicedesk.mongo import Work
from servicedesk.tenancy.principal import Principal
from servicedesk.timeutil import now


class IncidentGone(NotFound):
    """The incident disappeared (deleted, or never existed for this organization)."""


@dataclass
class Change:
    """What one request does to one incident: `$set` paths and history entries."""

    set: dict[str, Any] = field(default_factory=dict)
    inc: dict[str, int] = field(default_factory=dict)
    history: list[dict] = field(default_factory=list)
    # What happened beside the fields, for the planners of incidents.hooks (not stored):
    # "responded" (a public outbound conversation).
    facts: builtins.set[str] = field(default_factory=builtins.set)

    def record(self, *, action: str, field_name: str = "", old=None, new=None) -> None:
        self.history.append({"action": action, "field": field_name, "old": old, "new": new})

    def put(self, path: str, old, new, *, action: str = "updated") -> None:
        """Set `path` to `new` and record the change, if it is one."""
        if old == new:
            return
        self.set[path] = new
        self.record(action=action, field_name=path, old=old, new=new)

    def move(self, move: Move, *, action: str | None = None) -> None:
        """Apply a planned workflow move (transitions.plan_move), recorded as its action."""
        self.set.update(move.set)
        for path, step in move.inc.items():
            self.inc[path] = self.inc.get(path, 0) + step
        self.record(
            action=action or move.recorded_as,
            field_name="basic_info.status_id",
            old=move.from_status_id,
            new=move.transition.to_status_id,
        )

    @property
    def empty(self) -> bool:
        return not (self.set or self.inc or self.history)


def _filter(*, principal: Principal, incident_id, deleted: bool = False) -> dict:
    return {"_id": incident_id, "organization_id": principal.organization_id, "is_deleted": deleted}


def load(*, principal: Principal, incident_id, deleted: bool = False, session=None) -> Incident:
    raw = Incident._get_collection().find_one(
        _filter(principal=principal, incident_id=incident_id, deleted=deleted),
        projection={"history": 0},
        session=session,
    )
    if raw is None:
        raise IncidentGone
    return Incident._from_son(raw)


def commit(
    *,
    principal: Principal,
    incident: Incident,
    plan: Callable[[Incident], Change],
    expected_version: int | None = None,
    deleted: bool = False,
    work: Work | None = None,
) -> tuple[Incident, Change]:
    """Apply `plan` to `incident` atomically; returns the stored incident and the change.

    `plan` raises domain errors (validation, workflow) to refuse. `deleted`
    selects incidents in the trash (for restore). `work`: the write is one of a change
    to several documents (servicedesk.mongo.all_or_nothing); the change's listeners are
    told once that change is committed.
    """
    work = work or Work()
    planned: list[Change] = []

    def update_of(current: Incident) -> dict | None:
        change = plan(current)
        planned[:] = [change]
        if change.empty:
            return None
        moment = now()
        before = current.to_mongo().to_dict()
        change.set.update(
            hooks.planned_sets(
                principal=principal,
                before=before,
                after=hooks.apply_set(before, change.set),
                change=change,
                moment=moment,
            )
        )
        entries = [
            HistoryEntry(at=moment, actor_id=principal.actor_id, **item).to_mongo()
            for item in change.history
        ]
        update: dict = {
            "$set": {**change.set, "last_update_time": moment, "updated_by_id": principal.actor_id},
            "$push": {"history": {"$each": entries}},
        }
        if change.inc:
            update["$inc"] = change.inc
        return update

    raw, current = cas.commit(
        collection=Incident._get_collection(),
        scope=_filter(principal=principal, incident_id=incident.id, deleted=deleted),
        current=incident,
        plan=update_of,
        load=lambda: load(
            principal=principal, incident_id=incident.id, deleted=deleted, session=work.session
        ),
        expected_version=expected_version,
        busy_message="The incident is being changed by others; try again.",
        session=work.session,
    )
    if raw is None:
        return current, planned[0]
    raw.pop("history", None)
    stored = Incident._from_son(raw)
    change = planned[0]
    work.after_commit(lambda: hooks.changed(principal=principal, incident=stored, change=change))
    return stored, change

"""What the relations app (merges, parent/child/related links) writes on incidents.

Incidents own their documents and their workflow; the relations app decides what a merge
or a link means and hands its plan (`Change`) to `incident_commit`, the same
compare-and-set every incident change goes through. Closing a merged duplicate is a move
of the workflow (`transitions.plan_merge_close`).
"""

from collections.abc import Callable

from incidents import choices, transitions
from incidents.documents import Incident
from incidents.services.common import Change, commit
from incidents.services.events import incident_changed
from servicedesk.errors import invalid
from servicedesk.mongo import Work
from servicedesk.tenancy.principal import Principal
from servicedesk.timeutil import now


def incident_commit(
    *,
    principal: Principal,
    incident: Incident,
    plan: Callable[[Incident], Change],
    announce: bool = True,
    work: Work | None = None,
) -> tuple[Incident, Change]:
    """Apply `plan` with one compare-and-set; `announce`: send the change's event too (once
    `work`, the change to several documents this write is part of, is committed)."""
    work = work or Work()
    stored, change = commit(principal=principal, incident=incident, plan=plan, work=work)
    if announce:
        work.after_commit(
            lambda: incident_changed(principal=principal, incident=stored, change=change)
        )
    return stored, change


def incident_close_merged(
    *,
    principal: Principal,
    incident: Incident,
    merged_into: dict,
    closure_note: str,
    work: Work | None = None,
) -> tuple[Incident, bool]:
    """Close `incident` as a Duplicate of `merged_into` (`{incident_id, display_id}`).

    Done once: if it is already merged into that incident, nothing is written and the
    answer is `(incident, False)`. Sends `incident.closed` when it closes it (once `work`
    is committed).
    """

    def plan(current: Incident) -> Change:
        change = Change()
        done = current.close_info.merged_into
        if done is not None and done.incident_id == merged_into["incident_id"]:
            return change
        change.move(
            transitions.plan_merge_close(
                from_status_id=current.basic_info.status_id,
                merged_into=merged_into,
                closure_note=closure_note,
                actor=principal.actor_id,
                moment=now(),
            )
        )
        return change

    stored, change = incident_commit(principal=principal, incident=incident, plan=plan, work=work)
    return stored, not change.empty


def own_references(*, given: list, stored: list) -> list:
    """`reference[]` as a create, PUT or PATCH sets it: the client's own entries as given,
    the entries of merges and relations as stored (a client cannot forge or drop them)."""
    own = [entry for entry in given if not choices.is_managed_reference(entry)]
    if len(own) > choices.MAX_OWN_REFERENCES:
        raise invalid(
            "reference",
            f"At most {choices.MAX_OWN_REFERENCES} references besides those of merges and "
            "relations.",
            code="max_length",
        )
    return [entry for entry in stored if choices.is_managed_reference(entry)] + own


# --- resolving a parent: what follows it (the relations app resolves its children) --------

Follower = Callable[..., dict]
_FOLLOWERS: dict[str, Follower] = {}
_FIELDS: dict[str, Callable[[], dict]] = {}


def register_resolve_follower(
    name: str, follow: Follower, fields: Callable[[], dict] | None = None
) -> None:
    """After `inci_resolve/` resolves an incident, `follow(principal=..., incident=...)` runs
    and the keys it answers join that incident's result; `fields()` answers
    `{key: serializer field}` of those keys (for the OpenAPI schema)."""
    _FOLLOWERS[name] = follow
    if fields is not None:
        _FIELDS[name] = fields


def resolve_followers(*, principal: Principal, incident: Incident) -> dict:
    out: dict = {}
    for follow in _FOLLOWERS.values():
        out.update(follow(principal=principal, incident=incident))
    return out


def resolve_follower_fields() -> dict:
    out: dict = {}
    for fields in _FIELDS.values():
        out.update(fields())
    return out

"""Merge: duplicate incidents (the sources) folded into one (the target).

The order of writes, each of which can run again without doing anything twice:

1. the merge record (relations.documents), keyed by organization, target and sources:
   a retry of the same call finds it and resumes, or answers what it answered;
2. one claim per source (a unique `_id`): of concurrent merges naming the same source,
   exactly one merges it; the others answer `already_merged` for it;
3. the target, in one compare-and-set: a `merged` entry in `reference[]` per source,
   `is_merge_incident`, the sources' requesters as watchers, a history entry per source;
4. per source: its conversations and attachments moved to the target (two updates each,
   whatever their number), then the source closed as a Duplicate naming the target
   (compare-and-set; `incident.closed` once committed). On a server with transactions
   (servicedesk.mongo.transactions: DocumentDB, MongoDB replica sets) these writes of
   one source are one transaction: all of them or none, and a source that fails leaves
   nothing moved. The embedded store has no transactions: there each write lands alone,
   in this order, so a process killed anywhere leaves no source closed whose
   conversations are not on the target, and the resume (same call, or the
   `relations.resume_merges` job) moves the rest. Then, for all sources at once, a look
   for what was written on them between their move and their close, moved too;
5. a public reply on the target that records the merge (once per record: `noted`), the
   event `incident.merged`, and the record marked done with its answer.
"""

import hashlib
import html
from dataclasses import dataclass

from mongoengine.errors import NotUniqueError
from pymongo.errors import BulkWriteError, DuplicateKeyError

from attachments import public as attachments
from conversations import public as conversations
from incidents import public as incidents
from relations.documents import (
    CLAIMED,
    DONE,
    PENDING,
    REFUSED,
    RUNNING,
    MergeClaim,
    MergeRecord,
    MergeSource,
)
from relations.services.common import entry, error_data, names
from relations.services.events import merged_event
from servicedesk import mongo
from servicedesk.errors import Conflict, DomainError, NotFound, invalid
from servicedesk.tenancy.principal import Principal
from servicedesk.timeutil import now
from servicedesk.webhooks.services import endpoints_looked_up_once

MAX_SOURCES = 100
NOTE_MAX = 10_000
# Watchers the target may have (incidents.api.serializers.MAX_WATCHERS): requesters of
# the sources are added while there is room.
MAX_WATCHERS = 100


@dataclass
class MergeOutcome:
    target: dict  # the target's representation after the merge
    results: list[dict]  # per source as named: {incident_id, ok, error? | incident?}
    replayed: bool  # the answer of an earlier, finished, identical call


def merge_incidents(
    *, principal: Principal, target_ref: str, source_refs: list[str], note: str = ""
) -> MergeOutcome:
    """Merge the incidents `source_refs` name into the one `target_ref` names.

    Raises NotFound (404) for a target that is not the organization's, Conflict (409,
    `target_closed` / `target_deleted`) for a target that is Closed, Cancelled or in the
    trash. Each source is refused on its own (its result says why).
    """
    target = _target(principal, target_ref)
    found = incidents.incidents_by_refs(principal=principal, refs=source_refs, deleted=None)
    record = _record(principal, target, source_refs, found, note)
    if record.state == DONE:
        return _answer(record, replayed=True)
    with endpoints_looked_up_once():
        return run_merge(principal, record, target, found)


def _target(principal: Principal, ref: str):
    target = incidents.incidents_by_refs(principal=principal, refs=[ref], deleted=None).get(ref)
    if target is None:
        raise NotFound("No such incident.", field="target")
    if target.is_deleted:
        raise Conflict("The target incident is in the trash.", code="target_deleted")
    if incidents.is_final(target.basic_info.status_id):
        raise Conflict(
            f"The target incident is {target.basic_info.status}: nothing can be merged into it.",
            code="target_closed",
        )
    return target


def _key(principal: Principal, target, refs: list[str], found: dict) -> str:
    named = sorted({str(found[ref].id) if ref in found else ref.upper() for ref in refs})
    digest = hashlib.sha256(f"{target.id}:{','.join(named)}".encode()).hexdigest()
    return f"{principal.organization_id}:{digest}"


def _check(index: int, ref: str, source, target, seen: set) -> DomainError | None:
    """Why `source` cannot be merged into `target` (None: it can, as far as we can tell)."""
    field = f"sources.{index}"
    if source is None:
        return NotFound("No such incident.", field=field)
    if source.id in seen:
        return invalid(field, "This incident is named twice.", code="duplicate")
    seen.add(source.id)
    if source.id == target.id:
        return invalid(field, "An incident cannot be merged into itself.", code="same_as_target")
    if source.is_deleted:
        return Conflict("This incident is in the trash.", code="source_deleted", field=field)
    merged_into = source.close_info.merged_into
    if merged_into is not None and merged_into.incident_id != str(target.id):
        return Conflict(
            f"Already merged into {merged_into.display_id}.", code="already_merged", field=field
        )
    if merged_into is None and incidents.is_final(source.basic_info.status_id):
        return Conflict(
            f"This incident is {source.basic_info.status}: it cannot be merged.",
            code="source_closed",
            field=field,
        )
    return None


def _record(principal: Principal, target, refs: list[str], found: dict, note: str):
    """The record of this call: new, or the one an earlier identical call left."""
    key = _key(principal, target, refs, found)
    existing = MergeRecord.objects(key=key).first()
    if existing is not None:
        return existing
    seen: set = set()
    sources = []
    for index, ref in enumerate(refs):
        source = found.get(ref)
        refused = _check(index, ref, source, target, seen)
        sources.append(
            MergeSource(
                ref=ref,
                incident_id=source.id if source is not None else None,
                state=REFUSED if refused else PENDING,
                error=error_data(refused) if refused else None,
            )
        )
    record = MergeRecord(
        key=key,
        organization_id=principal.organization_id,
        target_id=target.id,
        note=note,
        actor_id=principal.actor_id,
        key_id=principal.key_id,
        organization_slug=principal.organization_slug,
        scope=principal.scope,
        agent_id=principal.agent_id,
        state=RUNNING,
        sources=sources,
    )
    try:
        record.save(force_insert=True)
    except (DuplicateKeyError, NotUniqueError):  # an identical call wrote it first: resume it
        return MergeRecord.objects.get(key=key)
    return record


def _claim_key(principal: Principal, incident_id) -> str:
    return f"{principal.organization_id}:{incident_id}"


def _claim(principal: Principal, record: MergeRecord) -> None:
    """Claim every pending source for this record; a source another record holds is
    refused (`already_merged`). One insert for all, one read when some are held."""
    pending = [s for s in record.sources if s.state == PENDING]
    if not pending:
        return
    keys = [_claim_key(principal, s.incident_id) for s in pending]
    collection = MergeClaim._get_collection()
    held: set[int] = set()
    try:
        collection.insert_many(
            [{"_id": key, "merge_key": record.key, "at": now()} for key in keys], ordered=False
        )
    except BulkWriteError as exc:
        errors = exc.details.get("writeErrors", [])
        if any(error.get("code") != 11000 for error in errors):
            raise
        held = {error["index"] for error in errors}
    holders = {}
    if held:
        holders = {
            raw["_id"]: raw["merge_key"]
            for raw in collection.find({"_id": {"$in": [keys[i] for i in held]}})
        }
    for index, source in enumerate(pending):
        if index in held and holders.get(keys[index]) != record.key:
            source.state = REFUSED
            source.error = error_data(
                Conflict(
                    "Another merge has taken this incident.",
                    code="already_merged",
                    field=f"sources.{record.sources.index(source)}",
                )
            )
        else:
            source.state = CLAIMED
    MergeRecord.objects(key=record.key).update_one(set__sources=record.sources)


def release_merge(principal: Principal, record: MergeRecord) -> None:
    """Nothing was merged (the target refused): the sources are free again, the record
    gone, so that a later call decides afresh."""
    mine = [_claim_key(principal, s.incident_id) for s in record.sources if s.state == CLAIMED]
    MergeClaim._get_collection().delete_many({"_id": {"$in": mine}, "merge_key": record.key})
    MergeRecord.objects(key=record.key).delete()


def _origin(incident) -> dict:
    return {"incident_id": str(incident.id), "display_id": incident.display_id}


def _plan_target(claimed: list):
    def plan(current):
        change = incidents.Change()
        new = [s for s in claimed if not names(current, incidents.REFERENCE_MERGED, s.id)]
        if not new:
            return change
        if incidents.is_final(current.basic_info.status_id):
            raise Conflict(
                f"The target incident is {current.basic_info.status}: nothing can be "
                "merged into it.",
                code="target_closed",
            )
        references = [dict(item) for item in current.reference]
        references += [entry(incidents.REFERENCE_MERGED, source) for source in new]
        change.set["reference"] = references
        for source in new:
            change.record(action="merged", field_name="reference", new=source.display_id)
        watchers = list(current.current_watcher)
        for source in new:
            email = (source.requester.email or "").strip().lower()
            if "@" in email and email not in watchers and len(watchers) < MAX_WATCHERS:
                watchers.append(email)
        change.put("current_watcher", list(current.current_watcher), watchers, action="merged")
        change.put("is_merge_incident", current.is_merge_incident, True, action="merged")
        return change

    return plan


def _move(principal: Principal, source, target, session=None) -> None:
    for move in (conversations.conversations_move, attachments.attachments_move):
        move(
            organization_id=principal.organization_id,
            from_incident_id=source.id,
            to_incident_id=target.id,
            origin=_origin(source),
            session=session,
        )


def _merge_source(principal: Principal, record: MergeRecord, source, target):
    """Step 4 for one source: move what it holds to the target and close it; the source as
    stored after. All or nothing where the server has transactions; on the embedded store
    (mongomock has none) write by write, each safe to run again (see the module doc)."""

    def change(work: mongo.Work):
        _move(principal, source, target, session=work.session)
        stored, _ = incidents.incident_close_merged(
            principal=principal,
            incident=source,
            merged_into=_origin(target),
            closure_note=_closure_note(record, target),
            work=work,
        )
        return stored

    return mongo.all_or_nothing(change)


def _done_ids(states: list) -> set:
    return {state.incident_id for state in states if state.state == DONE}


def _move_stragglers(principal: Principal, sources: list, target) -> None:
    """Move what was written on a source between its move and its close: two reads for all
    sources, and moves only for those that have something left (rarely any)."""
    ids = [source.id for source in sources]
    if not ids:
        return
    left = conversations.incidents_with_conversations(
        organization_id=principal.organization_id, incident_ids=ids
    ) | attachments.incidents_with_attachments(
        organization_id=principal.organization_id, incident_ids=ids
    )
    for source in sources:
        if source.id in left:
            _move(principal, source, target)


def _closure_note(record: MergeRecord, target) -> str:
    text = f"<p>Merged into {html.escape(target.display_id)}.</p>"
    if record.note:
        text += f"<p>{html.escape(record.note)}</p>"
    return text


def run_merge(principal: Principal, record: MergeRecord, target, found: dict) -> MergeOutcome:
    """Steps 2 to 5 (see above) for `record`, from wherever an earlier run stopped: each
    step is skipped or harmless when it was done. `found`: the sources by reference."""
    _claim(principal, record)
    by_id = {incident.id: incident for incident in found.values()}
    for position, source in enumerate(record.sources):
        if source.state == CLAIMED and source.incident_id not in by_id:  # deleted for good
            source.state = REFUSED
            source.error = error_data(NotFound("No such incident.", field=f"sources.{position}"))
    claimed = [s for s in record.sources if s.state == CLAIMED]
    sources = [by_id[s.incident_id] for s in claimed]
    if sources:
        try:
            target, _ = incidents.incident_commit(
                principal=principal, incident=target, plan=_plan_target(sources), announce=False
            )
        except incidents.IncidentGone:
            release_merge(principal, record)
            raise Conflict("The target incident is in the trash.", code="target_deleted") from None
        except DomainError:
            release_merge(principal, record)
            raise
    merged = []
    for state, source in zip(claimed, sources, strict=True):
        try:
            stored = _merge_source(principal, record, source, target)
        except DomainError as exc:
            state.state = REFUSED
            state.error = error_data(exc, attr=f"sources.{record.sources.index(state)}")
            continue
        state.state = DONE
        state.incident = incidents.incident_data(stored)
        merged.append(_origin(stored))
    _move_stragglers(principal, [s for s in sources if s.id in _done_ids(claimed)], target)
    if merged:
        _note(principal, record, target, merged)
        merged_event(principal=principal, target=target, sources=merged)
    record.target = incidents.incident_data(
        incidents.incident_get(principal=principal, value=str(target.id))
    )
    record.state = DONE
    record.finished_at = now()
    MergeRecord.objects(key=record.key).update_one(
        set__sources=record.sources,
        set__target=record.target,
        set__state=DONE,
        set__finished_at=record.finished_at,
    )
    return _answer(record, replayed=False)


def _note(principal: Principal, record: MergeRecord, target, merged: list[dict]) -> None:
    """The public reply on the target that records the merge, written once per record."""
    taken = MergeRecord._get_collection().update_one(
        {"_id": record.key, "noted": {"$ne": True}}, {"$set": {"noted": True}}
    )
    if not taken.modified_count:  # an earlier run of this record wrote it
        return
    listed = ", ".join(html.escape(item["display_id"]) for item in merged)
    body = f"<p>Merged into this incident: {listed}.</p>"
    if record.note:
        body += f"<p>{html.escape(record.note)}</p>"
    current = incidents.incident_get(principal=principal, value=str(target.id))
    conversations.conversation_create(
        principal=principal,
        incident=current,
        data={"kind": "reply", "direction": "outbound", "body": body},
    )


def _answer(record: MergeRecord, *, replayed: bool) -> MergeOutcome:
    results = []
    for source in record.sources:
        if source.state == DONE:
            results.append({"incident_id": source.ref, "ok": True, "incident": source.incident})
        else:
            results.append({"incident_id": source.ref, "ok": False, "error": source.error})
    return MergeOutcome(target=record.target or {}, results=results, replayed=replayed)

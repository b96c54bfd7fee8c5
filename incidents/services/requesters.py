"""The organization's requester directory, kept from its incidents by a job.

A create, or an edit that changes the requester, marks the incident as owing the
directory an update (`directory_pending`: the moment of that write) in the same
insert or compare-and-set that writes the requester: the incident and its debt
are stored together or not at all, and the request sends nothing more. (Writing
the directory in the request cost a create a fourth round trip; a transaction
around both, a fifth with its commit.) The job `incidents.requester_directory`
(every few seconds, so search and the mail name lookup see a new requester within
seconds) pays each debt exactly once:

- on servers with transactions (MongoDB replica sets, DocumentDB), it clears the
  incident's mark and upserts the directory entry in one transaction: both or
  neither;
- without them (the embedded store, a standalone MongoDB) it clears the mark
  first, which claims the debt for one runner, and then upserts the entry. A
  process that dies between the two loses that one update (the entry misses one
  count and name until the requester's next incident); none is ever paid twice.

Clearing is conditional on the mark and the requester being still those read, so
a debt incurred meanwhile is paid by a later run; several debts of one incident
before a run collapse into one, for its requester as it is then. An entry per
(organization, email): `incident_count` counts the paid debts (a create, an edit
of the requester), `last_seen` is the latest of their moments, and name, phone and
requester id are those of the latest paid. Incidents in the trash still pay
theirs; an incident deleted for good takes its debt along.
"""

import logging
from collections.abc import Callable
from functools import partial

from pymongo.errors import PyMongoError

from incidents.documents import Incident, RequesterEntry
from incidents.selectors import incidents_owing_directory
from incidents.services.common import Change
from servicedesk import mongo
from servicedesk.errors import Conflict
from servicedesk.indexes import key_of
from servicedesk.timeutil import now

log = logging.getLogger(__name__)

BATCH = 200  # debts read at once
MAX_BATCHES = 10  # per run: the next run goes on


def owes_directory(email: str) -> bool:
    """Whether a requester with this email belongs in the directory (an address)."""
    return "@" in (email or "")


def owe_directory(change: Change, requester) -> None:
    """Mark `change` as owing the directory an update when it changes the requester
    (`requester`: as stored before) to one with an address."""
    if not any(path.startswith("requester.") for path in change.set):
        return
    if owes_directory(change.set.get("requester.email", requester.email)):
        change.set["directory_pending"] = now()


def requester_directory_apply(
    *, organization_id=None, should_stop: Callable[[], bool] = lambda: False
) -> int:
    """Pay the directory's debts, oldest first: of every organization, or of
    `organization_id`'s only (each debt updates the entry of its incident's own
    organization). Answers how many entries were updated."""
    paid = 0
    for _ in range(MAX_BATCHES):
        owed = incidents_owing_directory(organization_id=organization_id, limit=BATCH)
        for raw in owed:
            if should_stop():
                return paid
            try:
                paid += mongo.all_or_nothing(partial(_pay, raw), wait=0)
            except (PyMongoError, Conflict) as exc:  # a write conflict, an outage: retried
                # by the next run
                log.warning("requester directory: incident %s not applied: %s", raw["_id"], exc)
        if len(owed) < BATCH:
            break
    return paid


def _still_owed(raw: dict) -> dict:
    """The incident as read: its debt, and the requester it names, unchanged since."""
    requester = raw.get("requester") or {}
    return {
        "_id": raw["_id"],
        "organization_id": raw["organization_id"],
        "directory_pending": raw["directory_pending"],
        **{f"requester.{name}": requester.get(name) for name in ("id", "name", "email", "phone")},
    }


CLEAR = {"$unset": {"directory_pending": ""}}


def _pay(raw: dict, work: mongo.Work) -> int:
    """Clear the incident's mark, then update its entry: in `work`'s transaction, or
    (without one) the clearing claims the debt and a crash before the entry loses it."""
    session = {"session": work.session} if work.session is not None else {}
    cleared = Incident._get_collection().update_one(_still_owed(raw), CLEAR, **session)
    if cleared.modified_count != 1:  # paid by another runner, or owed anew
        return 0
    return _upsert(raw, **session)


def _upsert(raw: dict, **session) -> int:
    requester = raw.get("requester") or {}
    email = requester.get("email") or ""
    if not owes_directory(email):  # changed to no address before it was paid
        return 0
    RequesterEntry._get_collection().update_one(
        {"organization_id": raw["organization_id"], "email": email},
        {
            "$set": {
                "name": requester.get("name") or "",
                "phone": requester.get("phone") or "",
                "requester_id": requester.get("id") or "",
            },
            "$max": {"last_seen": raw["directory_pending"]},
            "$inc": {"incident_count": 1},
            "$setOnInsert": {"key": key_of(raw["organization_id"], email)},
        },
        upsert=True,
        **session,
    )
    return 1

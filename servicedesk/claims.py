"""Claims: "only one of us does this", portable to every MongoDB-compatible server.

A claim is a document whose `_id` names the thing to do (`incident:<id>:v7`:
"write version 7 of this incident"). Inserting it succeeds for exactly one
caller; the others get a duplicate-key error. MongoDB would give the same
guarantee through one atomic `findAndModify`, but FerretDB 1.x runs that as a
read followed by a write, so two writers can both pass a version check there;
unique inserts, on the other hand, are decided by the unique index everywhere.

A claim whose holder died is taken over once it is older than `stale_after`.
Old claims are swept by the `claims.sweep` job (servicedesk.housekeeping;
FerretDB has no TTL indexes).
"""

from datetime import timedelta

import mongoengine as me
from pymongo.errors import BulkWriteError, DuplicateKeyError

from servicedesk.timeutil import now

STALE_AFTER = timedelta(seconds=30)
KEEP_FOR = timedelta(hours=1)


class Claim(me.Document):
    key = me.StringField(primary_key=True)
    at = me.DateTimeField(required=True)

    meta = {
        "collection": "claims",
        "auto_create_index": False,
        "indexes": [{"fields": ["at"], "name": "at"}],
    }


def take(key: str, *, stale_after: timedelta = STALE_AFTER) -> bool:
    """True for exactly one caller per key (until the claim goes stale)."""
    collection = Claim._get_collection()
    moment = now()
    try:
        collection.insert_one({"_id": key, "at": moment})
        return True
    except DuplicateKeyError:
        pass
    held = collection.find_one({"_id": key})
    if held is None or held["at"].replace(tzinfo=moment.tzinfo) > moment - stale_after:
        return False
    collection.delete_one({"_id": key, "at": held["at"]})  # its holder is gone
    try:
        collection.insert_one({"_id": key, "at": moment})
        return True
    except DuplicateKeyError:
        return False


def take_all(keys: list[str], *, stale_after: timedelta = STALE_AFTER) -> list[bool]:
    """`take` of each key, in one round trip when none of them is held."""
    moment = now()
    try:
        Claim._get_collection().insert_many(
            [{"_id": key, "at": moment} for key in keys], ordered=False
        )
        return [True] * len(keys)
    except BulkWriteError as exc:
        errors = exc.details.get("writeErrors", [])
        if any(error.get("code") != 11000 for error in errors):
            raise
        held = {error["index"] for error in errors}
    return [
        index not in held or take(key, stale_after=stale_after) for index, key in enumerate(keys)
    ]


def sweep(*, older_than: timedelta = KEEP_FOR) -> int:
    return Claim._get_collection().delete_many({"at": {"$lt": now() - older_than}}).deleted_count

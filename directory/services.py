"""Directory writes."""

from bson import ObjectId
from pymongo import ReturnDocument

from directory.documents import Group
from servicedesk import claims, mongo
from servicedesk.errors import Conflict

MAX_TURN_DRAWS = 50


def group_take_turn(*, organization_id: ObjectId, group_id: str) -> int:
    """The group's next round-robin turn (1, 2, ...): each number is handed out once.

    One `$inc` decides on MongoDB; where `findAndModify` is read-then-write
    (FerretDB 1.x) a unique-insert claim per number decides, and a number drawn
    twice is drawn again.
    """
    collection = Group._get_collection()
    for _ in range(MAX_TURN_DRAWS):
        doc = collection.find_one_and_update(
            {"_id": ObjectId(group_id), "organization_id": organization_id},
            {"$inc": {"turn": 1}},
            # (No projection: FerretDB 1.x does not support one on findAndModify.)
            return_document=ReturnDocument.AFTER,
        )
        if doc is None:
            raise Conflict("The group was deleted meanwhile.", code="group_gone")
        turn = doc["turn"]
        if mongo.atomic_updates() or claims.take(f"groups:{group_id}:turn:{turn}"):
            return turn
    raise Conflict("Could not take a round-robin turn; try again.", code="busy")

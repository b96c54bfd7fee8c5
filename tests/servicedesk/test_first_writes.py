"""mongo.update_by_id: a counter's first write races without an _id upsert."""

import threading

import pytest
from pymongo.errors import DuplicateKeyError, OperationFailure

from servicedesk import mongo
from servicedesk.errors import Conflict


@pytest.fixture
def collection(clean_db):
    return clean_db["first_writes"]


def test_a_missing_document_is_created_as_its_first_version(collection):
    doc = mongo.update_by_id(collection, "c", {"$inc": {"n": 1}}, first={"n": 1})
    assert doc == {"_id": "c", "n": 1}
    assert collection.find_one({"_id": "c"}) == {"_id": "c", "n": 1}


def test_an_existing_document_is_updated_and_returned_as_after(collection):
    collection.insert_one({"_id": "c", "n": 41, "keep": "me"})
    doc = mongo.update_by_id(collection, "c", {"$inc": {"n": 1}}, first={"n": 1})
    assert doc == {"_id": "c", "n": 42, "keep": "me"}


class Racing:
    """A collection whose first inserts lose to another writer, as a server reports it."""

    def __init__(self, collection, errors):
        self.collection = collection
        self.errors = list(errors)

    def find_one_and_update(self, *args, **kwargs):
        return self.collection.find_one_and_update(*args, **kwargs)

    def insert_one(self, document):
        if self.errors:
            error = self.errors.pop(0)
            self.collection.insert_one({**document, "n": 1})  # the other writer's first version
            raise error
        return self.collection.insert_one(document)


@pytest.mark.parametrize(
    "error",
    [
        DuplicateKeyError("E11000 duplicate key", 11000),
        OperationFailure("write conflict", 112),
    ],
    ids=["duplicate-key", "write-conflict"],
)
def test_an_insert_that_loses_the_race_updates_what_the_winner_made(collection, error):
    racing = Racing(collection, [error])
    doc = mongo.update_by_id(racing, "c", {"$inc": {"n": 1}}, first={"n": 1})
    assert doc["n"] == 2  # the winner's 1, then ours
    assert collection.count_documents({}) == 1


def test_another_server_error_is_not_taken_for_a_race(collection):
    racing = Racing(collection, [OperationFailure("bad", 2)])
    with pytest.raises(OperationFailure):
        mongo.update_by_id(racing, "c", {"$inc": {"n": 1}}, first={"n": 1})


def test_losing_every_attempt_is_a_busy_conflict(collection):
    class AlwaysLosing(Racing):
        def find_one_and_update(self, *args, **kwargs):
            return None  # the document vanishes again each time (never on a real server)

        def insert_one(self, document):
            raise DuplicateKeyError("E11000 duplicate key", 11000)

    with pytest.raises(Conflict) as raised:
        mongo.update_by_id(AlwaysLosing(collection, []), "c", {"$inc": {"n": 1}}, first={"n": 1})
    assert raised.value.code == "busy"


def test_many_threads_count_exactly_from_a_missing_document(collection):
    def bump():
        for _ in range(25):
            mongo.update_by_id(collection, "c", {"$inc": {"n": 1}}, first={"n": 1})

    threads = [threading.Thread(target=bump) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert collection.find_one({"_id": "c"})["n"] == 200


def test_error_code_reads_through_mongoengine_wrapping():
    try:
        try:
            raise OperationFailure("write conflict", 112)
        except OperationFailure as exc:
            raise RuntimeError(f"Could not save document ({exc})")  # noqa: B904 (as mongoengine)
    except RuntimeError as wrapped:
        assert mongo.error_code(wrapped) == 112
        assert mongo.is_write_conflict(wrapped)

"""mongo.transactions() and all_or_nothing: several writes, all of them or none.

On the embedded store (mongomock has no transactions) a change runs write by write and
its after-commit actions run at once; on a server with transactions (DocumentDB,
MongoDB replica sets) an exception leaves none of the change's writes and runs none of
its after-commit actions.
"""

import mongoengine
import pytest

from servicedesk import mongo


class Boom(Exception):
    pass


@pytest.fixture
def things(clean_db):
    collection = mongoengine.get_db()["transaction_things"]
    collection.insert_one({"_id": "kept", "n": 0})
    yield collection
    collection.drop()


def test_the_embedded_store_has_no_transactions_and_runs_each_write_alone(things):
    if not mongo.is_embedded():
        pytest.skip("the embedded store only")
    told = []

    def change(work):
        assert work.session is None
        things.insert_one({"_id": "a"}, session=work.session)
        work.after_commit(lambda: told.append("now"))
        assert told == ["now"]  # no transaction: at once
        raise Boom

    assert mongo.transactions() is False
    with pytest.raises(Boom):
        mongo.all_or_nothing(change)
    assert things.find_one({"_id": "a"}) == {"_id": "a"}  # nothing to roll it back


def test_a_change_that_fails_leaves_none_of_its_writes(things):
    if not mongo.transactions():
        pytest.skip("needs a server with transactions")
    told = []

    def change(work):
        things.insert_one({"_id": "a"}, session=work.session)
        things.update_one({"_id": "kept"}, {"$inc": {"n": 1}}, session=work.session)
        work.after_commit(lambda: told.append("committed"))
        raise Boom

    with pytest.raises(Boom):
        mongo.all_or_nothing(change)
    assert sorted(doc["_id"] for doc in things.find()) == ["kept"]
    assert things.find_one({"_id": "kept"})["n"] == 0
    assert told == []


def test_a_change_that_succeeds_keeps_every_write_and_then_acts(things):
    if not mongo.transactions():
        pytest.skip("needs a server with transactions")
    told = []

    def change(work):
        things.insert_one({"_id": "a"}, session=work.session)
        things.update_one({"_id": "kept"}, {"$inc": {"n": 1}}, session=work.session)
        work.after_commit(lambda: told.append(things.find_one({"_id": "a"}) is not None))
        assert told == []  # not before the commit
        return "done"

    assert mongo.all_or_nothing(change) == "done"
    assert things.find_one({"_id": "kept"})["n"] == 1
    assert told == [True]  # after the commit, which others can see


def _held(things):
    """A transaction that has written `kept` and stays open (as one of a process that
    died mid-change): it holds the document until it ends."""
    session = mongoengine.get_db().client.start_session()
    session.start_transaction()
    things.update_one({"_id": "kept"}, {"$inc": {"n": 10}}, session=session)
    return session


def test_a_change_waits_for_a_transaction_that_holds_its_document(things):
    if not mongo.transactions():
        pytest.skip("needs a server with transactions")
    holder = _held(things)
    attempts = []

    def change(work):
        attempts.append(1)
        if len(attempts) == 2:
            holder.abort_transaction()  # the server dropped the dead one meanwhile
        things.update_one({"_id": "kept"}, {"$inc": {"n": 1}}, session=work.session)

    try:
        mongo.all_or_nothing(change)
    finally:
        holder.end_session()
    assert len(attempts) >= 2
    assert things.find_one({"_id": "kept"})["n"] == 1  # the dead one's write is gone


def test_a_change_held_up_past_the_wait_is_a_409_busy(things, monkeypatch):
    if not mongo.transactions():
        pytest.skip("needs a server with transactions")
    from servicedesk.errors import Conflict

    monkeypatch.setattr(mongo, "TRANSACTION_WAIT_SECONDS", 0.3)
    holder = _held(things)

    def change(work):
        things.update_one({"_id": "kept"}, {"$inc": {"n": 1}}, session=work.session)

    try:
        with pytest.raises(Conflict) as raised:
            mongo.all_or_nothing(change)
    finally:
        holder.abort_transaction()
        holder.end_session()
    assert raised.value.code == "busy"
    assert things.find_one({"_id": "kept"})["n"] == 0

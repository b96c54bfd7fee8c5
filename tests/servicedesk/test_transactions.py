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

"""Claims: exactly one taker per key; several keys in one insert."""

from datetime import timedelta

from servicedesk import claims
from servicedesk.claims import Claim
from servicedesk.timeutil import now


def stored():
    return sorted(doc["_id"] for doc in Claim._get_collection().find())


def test_a_key_is_taken_once(clean_db):
    assert claims.take("job:1") is True
    assert claims.take("job:1") is False
    assert stored() == ["job:1"]


def test_take_all_takes_every_free_key(clean_db):
    assert claims.take_all(["a", "b", "c"]) == [True, True, True]
    assert stored() == ["a", "b", "c"]


def test_take_all_reports_each_held_key_and_takes_the_others(clean_db):
    claims.take("b")
    assert claims.take_all(["a", "b", "c"]) == [True, False, True]
    assert claims.take_all(["a", "b", "c"]) == [False, False, False]
    assert stored() == ["a", "b", "c"]


def test_take_all_takes_over_a_stale_claim(clean_db):
    Claim._get_collection().insert_one({"_id": "b", "at": now() - timedelta(minutes=5)})
    assert claims.take_all(["a", "b"]) == [True, True]
    assert claims.take_all(["b"], stale_after=timedelta(minutes=10)) == [False]

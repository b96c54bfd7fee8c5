"""Management commands against the store: create, list, revoke, rotate, indexes."""

import io
import json

import pytest
from bson import ObjectId
from django.core.management import CommandError, call_command
from pymongo.errors import DuplicateKeyError
from rest_framework.test import APIClient

from servicedesk.tenancy.documents import ApiKey, Organization

LIST = "/ux/sd/inci/incident/"


def run(*args) -> dict:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return json.loads(out.getvalue())


def client(key: str) -> APIClient:
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=key)
    return c


def test_create_org_and_key_then_use_it(clean_db):
    org = run("create_org", "initech", "--name", "Initech")
    assert org["slug"] == "initech" and org["name"] == "Initech"
    created = run("create_api_key", "initech", "--name", "ci", "--scope", "read")
    assert created["key"].startswith("sdk_") and created["scope"] == "read"
    assert client(created["key"]).get(LIST).status_code == 200
    assert Organization.objects.count() == 1


def test_create_org_twice_is_an_error(clean_db):
    run("create_org", "initech")
    with pytest.raises(CommandError, match="already exists"):
        run("create_org", "initech")


def test_create_key_for_unknown_org_is_an_error_unless_asked(clean_db):
    with pytest.raises(CommandError, match="No organization"):
        run("create_api_key", "nobody")
    assert run("create_api_key", "nobody", "--create-org")["organization"] == "nobody"


def test_list_never_prints_secrets(clean_db):
    created = run("create_api_key", "initech", "--create-org")
    out = io.StringIO()
    call_command("list_api_keys", "initech", stdout=out)
    listing = out.getvalue()
    assert created["key"] not in listing
    stored_hash = ApiKey.objects.get(id=created["id"]).key_hash
    assert stored_hash not in listing
    (entry,) = json.loads(listing)["keys"]
    assert entry["id"] == created["id"] and entry["prefix"] == created["key"][:10]


def test_revoked_key_gets_401(clean_db):
    created = run("create_api_key", "initech", "--create-org")
    assert client(created["key"]).get(LIST).status_code == 200
    revoked = run("revoke_api_key", created["id"])
    assert revoked["revoked_at"] is not None
    response = client(created["key"]).get(LIST)
    assert response.status_code == 401
    assert response.json()["errors"][0]["code"] == "revoked_api_key"
    active = run("list_api_keys", "--active")
    assert active["keys"] == []


def test_rotate_gives_a_new_key_and_revokes_the_old(clean_db):
    created = run("create_api_key", "initech", "--create-org", "--scope", "admin")
    rotated = run("rotate_api_key", created["id"])
    assert rotated["replaces"] == created["id"]
    assert rotated["scope"] == "admin" and rotated["key"] != created["key"]
    assert client(rotated["key"]).get(LIST).status_code == 200
    assert client(created["key"]).get(LIST).status_code == 401
    with pytest.raises(CommandError, match="revoked"):
        run("rotate_api_key", created["id"])


def test_unknown_key_id_is_an_error(clean_db):
    with pytest.raises(CommandError, match="No API key"):
        run("revoke_api_key", "0" * 24)
    with pytest.raises(CommandError, match="No API key"):
        run("revoke_api_key", "not-an-id")


def test_expiry_in_days(clean_db):
    created = run("create_api_key", "initech", "--create-org", "--expires-in-days", "1")
    assert created["expires_at"] is not None
    with pytest.raises(CommandError):
        run("create_api_key", "initech", "--expires-in-days", "0")


def test_ensure_indexes_then_check_reports_none_missing(clean_db):
    db = clean_db
    for name in db.list_collection_names():
        db.drop_collection(name)
    out = io.StringIO()
    with pytest.raises(CommandError, match="missing"):
        call_command("ensure_indexes", "--check", stdout=out)
    assert "Incident: missing" in out.getvalue()
    call_command("ensure_indexes", stdout=io.StringIO())
    out = io.StringIO()
    call_command("ensure_indexes", "--check", stdout=out)
    assert "All declared indexes are present." in out.getvalue()
    names = {index["name"] for index in db["incidents"].list_indexes()}
    assert {"number_key_unique", "org_sort_created", "org_status_created"} <= names


def test_upgrading_fills_the_new_unique_key_then_drops_the_index_it_replaces(clean_db):
    """The compound unique index on incident numbers gave way to `number_key_unique`:
    incidents stored before it get their key, once, on the first ensure_indexes."""
    db = clean_db
    call_command("ensure_indexes", stdout=io.StringIO())
    org = ObjectId()
    old = [{"_id": ObjectId(), "organization_id": org, "display_id": f"INCI-{n}"} for n in (1, 2)]
    db["incidents"].insert_many(old)  # as an earlier version stored them: no number_key
    db["incidents"].drop_index("number_key_unique")
    db["incidents"].create_index(
        [("organization_id", 1), ("display_id", 1)], unique=True, name="org_display_id_unique"
    )
    call_command("ensure_indexes", stdout=io.StringIO())
    names = {index["name"] for index in db["incidents"].list_indexes()}
    assert "org_display_id_unique" not in names
    assert {"number_key_unique", "org_display_id"} <= names
    keys = sorted(doc["number_key"] for doc in db["incidents"].find({}, {"number_key": 1}))
    assert keys == [f"{org}:INCI-1", f"{org}:INCI-2"]
    with pytest.raises(DuplicateKeyError):
        db["incidents"].insert_one({"organization_id": org, "number_key": f"{org}:INCI-1"})

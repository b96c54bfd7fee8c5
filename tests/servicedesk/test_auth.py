"""API-key authentication and scopes, as a client sees them."""

from datetime import timedelta

import pytest
from rest_framework.test import APIClient

from servicedesk.tenancy import keys, services
from servicedesk.tenancy.documents import ApiKey
from servicedesk.timeutil import now

LIST = "/ux/sd/inci/incident/"


def client_with(header: str | None) -> APIClient:
    client = APIClient()
    if header is not None:
        client.credentials(HTTP_AUTHORIZATION=header)
    return client


def assert_401(response, code: str) -> None:
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'ApiKey realm="servicedesk"'
    body = response.json()
    assert body["type"] == "client_error"
    assert body["errors"][0]["code"] == code
    assert body["errors"][0]["detail"]


@pytest.mark.parametrize("scheme", ["{key}", "Bearer {key}", "Api-Key {key}", "bearer {key}"])
def test_key_is_accepted_in_every_documented_form(tenant, scheme):
    response = client_with(scheme.format(key=tenant.keys["read"])).get(LIST)
    assert response.status_code == 200
    assert response.json() == []


def test_missing_key_is_401(anon):
    assert_401(anon.get(LIST), "not_authenticated")


@pytest.mark.parametrize(
    "header",
    [
        "",
        "   ",
        "short",
        "Bearer",
        "Basic dXNlcjpwYXNz",
        "Bearer a b",
        "x" * 31,
        "x" * 257,
        "sdk_" + "é" * 40,
        "sdk_abc$def" + "x" * 30,
        "Token " + "x" * 40,
        "\x00" * 40,
    ],
)
def test_no_bad_header_gives_500(clean_db, header):
    response = client_with(header).get(LIST)
    assert response.status_code == 401
    assert response.json()["errors"][0]["code"] in {"malformed_api_key", "not_authenticated"}


def test_malformed_key_is_named(clean_db):
    assert_401(client_with("not a key at all").get(LIST), "malformed_api_key")


def test_unknown_key_is_401(clean_db):
    assert_401(client_with(keys.generate_key()).get(LIST), "unknown_api_key")


def test_revoked_key_is_401(tenant):
    doc = ApiKey.objects.get(key_hash=keys.hash_key(tenant.keys["write"]))
    services.api_key_revoke(key=doc)
    assert_401(tenant.writer.get(LIST), "revoked_api_key")


def test_expired_key_is_401_and_key_valid_until_then(tenant):
    org = tenant.org
    _, live = services.api_key_create(org=org, name="t", expires_at=now() + timedelta(minutes=5))
    _, dead = services.api_key_create(org=org, name="t", expires_at=now() - timedelta(seconds=1))
    assert client_with(live).get(LIST).status_code == 200
    assert_401(client_with(dead).get(LIST), "expired_api_key")


def test_key_in_query_string_is_refused(tenant):
    response = APIClient().get(LIST, {"api_key": tenant.keys["read"]})
    assert_401(response, "api_key_in_query")


def test_read_key_cannot_write(tenant):
    response = tenant.reader.post(LIST, {"summary": "x"}, format="json")
    assert response.status_code == 403
    assert response.json()["errors"][0]["code"] == "insufficient_scope"


def test_write_key_cannot_list_trash_but_admin_can(tenant):
    denied = tenant.writer.get(LIST, {"deleted": "true"})
    assert denied.status_code == 403
    assert denied.json()["errors"][0]["code"] == "insufficient_scope"
    assert tenant.admin.get(LIST, {"deleted": "true"}).status_code == 200


def test_only_hash_is_stored(tenant):
    key = tenant.keys["write"]
    stored = ApiKey.objects.get(key_hash=keys.hash_key(key))
    raw = ApiKey._get_collection().find_one({"_id": stored.id})
    assert key not in str(raw)
    assert raw["display_prefix"] == key[:10]


def test_generated_keys_have_a_scannable_prefix_and_are_unique():
    generated = {keys.generate_key() for _ in range(100)}
    assert len(generated) == 100
    assert all(k.startswith("sdk_") and keys.is_valid_key(k) for k in generated)


def test_last_used_is_recorded(tenant):
    key = tenant.keys["read"]
    assert ApiKey.objects.get(key_hash=keys.hash_key(key)).last_used_at is None
    tenant.reader.get(LIST)
    assert ApiKey.objects.get(key_hash=keys.hash_key(key)).last_used_at is not None


def test_routes_outside_the_api_need_no_key(anon):
    assert anon.get("/healthz").status_code == 200
    assert anon.get("/api/schema/").status_code == 200

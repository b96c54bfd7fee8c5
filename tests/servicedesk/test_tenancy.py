"""Two organizations: each key sees only its own organization's incidents."""

import pytest

from servicedesk.startup import on_start
from servicedesk.tenancy.documents import ApiKey, Organization

LIST = "/ux/sd/inci/incident/"


def create(client, summary):
    response = client.post(LIST, {"summary": summary}, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def test_each_key_sees_only_its_organization(tenant, other_tenant):
    mine = create(tenant.writer, "mine")
    theirs = create(other_tenant.writer, "theirs")

    assert [i["incident_id"] for i in tenant.reader.get(LIST).json()] == [mine["incident_id"]]
    assert [i["incident_id"] for i in other_tenant.reader.get(LIST).json()] == [
        theirs["incident_id"]
    ]
    # Display ids are per organization: both start at 1.
    assert mine["display_id"] == theirs["display_id"] == "INCI-1"


@pytest.mark.parametrize("by", ["incident_id", "display_id"])
def test_foreign_incident_is_404_not_403(tenant, other_tenant, by):
    theirs = create(other_tenant.writer, "theirs")
    response = tenant.admin.get(f"{LIST}{theirs[by]}/")
    assert response.status_code == 404
    assert response.json()["errors"][0]["code"] == "not_found"
    assert "theirs" not in response.content.decode()


def test_bootstrap_keys_for_two_organizations(clean_db, settings, monkeypatch):
    a_key = "a" * 40
    b_key = "B_" + "b" * 38
    settings.SERVICEDESK_BOOTSTRAP_API_KEYS = f"alpha:write:{a_key}, beta:read:{b_key}"
    on_start()
    on_start()  # idempotent: a restart registers nothing twice
    assert sorted(o.slug for o in Organization.objects) == ["alpha", "beta"]
    assert ApiKey.objects.count() == 2

    from rest_framework.test import APIClient

    alpha, beta = APIClient(), APIClient()
    alpha.credentials(HTTP_AUTHORIZATION=a_key)
    beta.credentials(HTTP_AUTHORIZATION=f"Bearer {b_key}")
    created = create(alpha, "alpha's")
    assert [i["incident_id"] for i in alpha.get(LIST).json()] == [created["incident_id"]]
    assert beta.get(LIST).json() == []
    assert beta.get(f"{LIST}{created['incident_id']}/").status_code == 404
    assert beta.post(LIST, {"summary": "x"}, format="json").status_code == 403


@pytest.mark.parametrize(
    "spec",
    [
        "alpha:write:short",
        "alpha:write:" + "a" * 31,
        "alpha:owner:" + "a" * 40,
        "alpha:" + "a" * 40,
        "Alpha Corp:write:" + "a" * 40,
        "alpha:write:" + "a" * 39 + "!",
    ],
)
def test_weak_or_malformed_bootstrap_stops_start_up(clean_db, settings, spec):
    from django.core.exceptions import ImproperlyConfigured

    settings.SERVICEDESK_BOOTSTRAP_API_KEYS = spec
    with pytest.raises(ImproperlyConfigured, match="SERVICEDESK_BOOTSTRAP_API_KEYS"):
        on_start()
    assert ApiKey.objects.count() == 0


def test_embedded_start_without_keys_prints_a_demo_key(clean_db, settings, capsys):
    settings.SERVICEDESK_BOOTSTRAP_API_KEYS = ""
    settings.MONGODB_URI = ""  # start-up as on the embedded store, on the test database
    on_start()
    printed = capsys.readouterr().err
    key = next(word for word in printed.split() if word.startswith("sdk_"))
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=key)
    assert client.get(LIST).status_code == 200
    assert client.post(LIST, {"summary": "demo"}, format="json").status_code == 201

"""`/ux/sd/org/mail-settings/`: read keys read, admin keys write, the password never shows."""

import logging

import pytest

from mail.documents import MailSettings
from servicedesk.tenancy import services as tenancy

URL = "/ux/sd/org/mail-settings/"
FULL = {
    "from_address": "Help@Acme.test",
    "from_name": "Acme IT",
    "inbound_addresses": ["help@acme.test", "Support@acme.test", "help@acme.test"],
    "imap": {"host": "imap.acme.test", "username": "help", "password": "hunter2-imap"},
}


def errors_of(response) -> dict:
    return {error["attr"]: error["code"] for error in response.json()["errors"]}


def test_unset_settings_read_blank(tenant):
    response = tenant.reader.get(URL)
    assert response.status_code == 200
    assert response.json() == {
        "from_address": "",
        "from_name": "",
        "inbound_addresses": [],
        "imap": None,
        "smtp_configured": False,
        "updated_at": None,
    }


def test_put_stores_normalized_settings_and_never_shows_the_password(tenant, caplog):
    caplog.set_level(logging.DEBUG)
    response = tenant.admin.put(URL, FULL, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["from_address"] == "help@acme.test"
    assert body["inbound_addresses"] == ["help@acme.test", "support@acme.test"]
    assert body["imap"] == {
        "host": "imap.acme.test",
        "port": 993,
        "security": "ssl",
        "username": "help",
        "password_set": True,
        "folder": "INBOX",
        "enabled": True,
    }
    assert tenant.reader.get(URL).json() == body
    assert "hunter2-imap" not in response.content.decode()
    assert "hunter2-imap" not in caplog.text
    stored = MailSettings.objects.get(organization_id=tenant.org.id)
    assert stored.imap.password == "hunter2-imap"


def test_a_password_left_out_is_kept_and_an_empty_one_clears_it(tenant):
    tenant.admin.put(URL, FULL, format="json")
    kept = {**FULL, "imap": {"host": "imap2.acme.test", "username": "help"}}
    assert tenant.admin.put(URL, kept, format="json").json()["imap"]["password_set"] is True
    assert MailSettings.objects.get(organization_id=tenant.org.id).imap.password == "hunter2-imap"
    cleared = {**FULL, "imap": {"host": "imap2.acme.test", "username": "help", "password": ""}}
    assert tenant.admin.put(URL, cleared, format="json").json()["imap"]["password_set"] is False


def test_put_replaces_the_whole_settings(tenant):
    tenant.admin.put(URL, FULL, format="json")
    response = tenant.admin.put(URL, {"from_address": "desk@acme.test"}, format="json")
    assert response.status_code == 200
    assert response.json()["inbound_addresses"] == []
    assert response.json()["imap"] is None


@pytest.mark.parametrize("scope", ["read", "write"])
def test_only_admin_keys_write(tenant, scope):
    response = tenant.clients[scope].put(URL, FULL, format="json")
    assert response.status_code == 403
    assert not MailSettings.objects(organization_id=tenant.org.id).count()


def test_a_mail_key_reads_nothing(tenant):
    _, key = tenancy.api_key_create(org=tenant.org, name="mta", scope="mail")
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=key)
    assert client.get(URL).status_code == 403
    assert client.get("/ux/sd/inci/incident/").status_code == 403


@pytest.mark.parametrize(
    ("body", "attr"),
    [
        ({"from_address": "not an address"}, "from_address"),
        ({"from_address": 42}, "from_address"),
        ({"from_name": "Acme\r\nBcc: victim@example.com"}, "from_name"),
        ({"from_name": "x" * 201}, "from_name"),
        ({"from_address": "", "inbound_addresses": "help@acme.test"}, "inbound_addresses"),
        ({"from_address": "", "inbound_addresses": ["nope"]}, "inbound_addresses.0"),
        ({"imap": {"host": "imap.acme.test"}}, "imap.username"),
        ({"imap": {"host": "bad host!", "username": "u"}}, "imap.host"),
        ({"imap": {"host": "h", "username": "u", "port": 0}}, "imap.port"),
        ({"imap": {"host": "h", "username": "u", "port": 65536}}, "imap.port"),
        ({"imap": {"host": "h", "username": "u", "security": "tls9"}}, "imap.security"),
        ({"imap": {"host": "h", "username": "u", "folder": 'IN"BOX'}}, "imap.folder"),
        ({"imap": {"host": "h", "username": "a\r\nb"}}, "imap.username"),
        ({"imap": {"host": "h", "username": "u", "enabled": "yes"}}, "imap.enabled"),
        ({"from_address": {"$ne": ""}}, "from_address"),
    ],
)
def test_bad_input_is_400_naming_the_field_and_writes_nothing(tenant, body, attr):
    response = tenant.admin.put(URL, body, format="json")
    assert response.status_code == 400, response.content
    assert attr in errors_of(response)
    assert not MailSettings.objects(organization_id=tenant.org.id).count()


def test_inbound_addresses_at_the_limit_and_one_past(tenant):
    addresses = [f"box{index}@acme.test" for index in range(21)]
    response = tenant.admin.put(
        URL, {"from_address": "", "inbound_addresses": addresses[:20]}, format="json"
    )
    assert response.status_code == 200
    assert len(response.json()["inbound_addresses"]) == 20
    response = tenant.admin.put(
        URL, {"from_address": "", "inbound_addresses": addresses}, format="json"
    )
    assert response.status_code == 400
    assert "inbound_addresses" in errors_of(response)


def test_another_organizations_inbound_address_is_409(tenant, other_tenant):
    assert other_tenant.admin.put(URL, FULL, format="json").status_code == 200
    response = tenant.admin.put(
        URL, {"from_address": "", "inbound_addresses": ["help@acme.test"]}, format="json"
    )
    assert response.status_code == 409
    assert [error["code"] for error in response.json()["errors"]] == ["address_taken"]
    assert "help@acme.test" in response.json()["errors"][0]["detail"]
    assert tenant.reader.get(URL).json()["inbound_addresses"] == []
    # Its own addresses again are fine.
    assert other_tenant.admin.put(URL, FULL, format="json").status_code == 200


def test_each_organization_reads_only_its_own_settings(tenant, other_tenant):
    other_tenant.admin.put(URL, FULL, format="json")
    assert tenant.reader.get(URL).json()["from_address"] == ""


def test_an_address_let_go_can_be_taken_by_another_organization(tenant, other_tenant):
    assert other_tenant.admin.put(URL, FULL, format="json").status_code == 200
    other_tenant.admin.put(
        URL, {"from_address": "", "inbound_addresses": ["support@acme.test"]}, format="json"
    )
    body = {"from_address": "", "inbound_addresses": ["help@acme.test"]}
    assert tenant.admin.put(URL, body, format="json").status_code == 200
    # ... and a refused PUT claims none of its addresses.
    body = {"from_address": "", "inbound_addresses": ["new@acme.test", "support@acme.test"]}
    assert tenant.admin.put(URL, body, format="json").status_code == 409
    body = {"from_address": "", "inbound_addresses": ["new@acme.test"]}
    assert other_tenant.admin.put(URL, body, format="json").status_code == 200
    assert other_tenant.reader.get(URL).json()["inbound_addresses"] == ["new@acme.test"]


def test_two_organizations_claiming_one_address_at_once_one_wins(tenant, other_tenant):
    import threading

    statuses = []

    def claim(client):
        body = {"from_address": "", "inbound_addresses": ["race@acme.test"]}
        statuses.append(client.put(URL, body, format="json").status_code)

    threads = [threading.Thread(target=claim, args=(t.admin,)) for t in (tenant, other_tenant)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200, 409]
    holders = [t for t in (tenant, other_tenant) if t.reader.get(URL).json()["inbound_addresses"]]
    assert len(holders) == 1


def test_a_put_without_a_body_is_400_naming_from_address(tenant):
    tenant.admin.put(URL, FULL, format="json")
    response = tenant.admin.put(URL)
    assert response.status_code == 400
    assert errors_of(response) == {"from_address": "required"}
    assert tenant.reader.get(URL).json()["from_address"] == "help@acme.test"

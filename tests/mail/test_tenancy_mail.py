"""Another organization's mail is out of reach: its settings, its threads, its incidents.

In the style of tests/test_tenancy_config.py (tests/support/tenancy.py). The owner
(other_tenant) has mail settings with an inbound address and an incident that came in
by mail; the attacker (tenant) sends, with its own admin key: a read and a write of
the mail settings, a claim of the owner's inbound address, and inbound mail that
replies to the owner's Message-ID, names the owner's `[INCI-n]`, or is addressed to
the owner's inbound address. None of it lands at the owner: the owner sees exactly
what it saw before. The same request by the owner succeeds (a reply threads there).

tests/test_tenancy_routes.py's coverage test counts these cases too.
"""

from dataclasses import dataclass

import pytest

from conversations.documents import Conversation
from incidents.documents import Incident
from mail.documents import InboundAddress, MailMessage, MailSettings
from tests.mail import corpus
from tests.support.tenancy import SECRET, Case, no_leak, params, run_case

SETTINGS = "/ux/sd/org/mail-settings/"
INBOUND = "/ux/sd/inci/mail/inbound/"
OWNER_ADDRESS = f"{SECRET}@owner.test"


@dataclass
class World:
    attacker: object
    owner: object
    theirs: dict
    victim: dict


@pytest.fixture
def world(tenant, other_tenant):
    owner = other_tenant.admin
    body = {
        "from_address": OWNER_ADDRESS,
        "from_name": SECRET,
        "inbound_addresses": [OWNER_ADDRESS],
        "imap": {"host": "imap.owner.test", "username": SECRET, "password": SECRET},
    }
    assert owner.put(SETTINGS, body, format="json").status_code == 200
    raw = corpus.plain(
        f"{SECRET} body", to=OWNER_ADDRESS, message_id="<owner-1@owner.test>", subject=SECRET
    )
    first = owner.post(INBOUND, raw, content_type="message/rfc822")
    assert first.status_code == 201, first.content
    return World(attacker=tenant, owner=other_tenant, theirs=first.json(), victim={})


def snapshot(w: World) -> dict:
    admin = w.owner.admin
    org = {"organization_id": w.owner.org.id}
    stored = {
        document.__name__: list(document._get_collection().find(org).sort("_id", 1))
        for document in (MailSettings, InboundAddress, MailMessage, Incident, Conversation)
    }
    return {
        "settings": admin.get(SETTINGS).json(),
        "incidents": admin.get("/ux/sd/inci/incident/").json(),
        "conversations": admin.get("/ux/sd/inci/conversation/").json(),
        "stored": stored,
    }


def own_settings(w, ref, response):
    assert response.status_code == 200, response.content
    no_leak(response)


def address_taken(w, ref, response):
    assert response.status_code == 409, response.content
    assert response.json()["errors"][0]["code"] == "address_taken"


def landed_at_home(w, ref, response):
    """The attacker's mail becomes the attacker's own new incident, never the owner's."""
    assert response.status_code == 201, response.content
    answer = response.json()
    assert answer["created_incident"] is True
    assert answer["incident_id"] != w.theirs["incident_id"]
    assert Incident.objects.get(id=answer["incident_id"]).organization_id == w.attacker.org.id


def threaded_at_owner(w, ref, response):
    assert response.status_code == 201, response.content
    assert response.json()["incident_id"] == w.theirs["incident_id"]
    assert response.json()["created_incident"] is False


def ignored_as(reason):
    def check(w, ref, response):
        assert response.status_code == 200, response.content
        assert response.json() == {"ignored": reason}

    return check


def put_settings(w, r, c):
    return c.put(SETTINGS, {"from_address": "desk@mine.test"}, format="json")


def claim_their_address(w, r, c):
    return c.put(
        SETTINGS, {"from_address": "", "inbound_addresses": [OWNER_ADDRESS]}, format="json"
    )


def deliver(raw):
    return lambda w, r, c: c.post(INBOUND, raw, content_type="message/rfc822")


def owner_ok(status):
    def check(w, ref, response):
        assert response.status_code == status, response.content

    return check


REPLY_BY_ID = corpus.reply_with_quote(
    in_reply_to="<owner-1@owner.test>", to=OWNER_ADDRESS, message_id="<a1@x>"
)
REPLY_BY_TAG = corpus.plain("more", subject="Re: [INCI-1] x", to=OWNER_ADDRESS, message_id="<a2@x>")

CASES = [
    Case(
        SETTINGS.lstrip("/"),
        "get",
        "read",
        lambda w, r, c: c.get(SETTINGS),
        own_settings,
        owner_ok(200),
        by_ref=False,
    ),
    Case(
        SETTINGS.lstrip("/"),
        "put",
        "replace",
        put_settings,
        own_settings,
        owner_ok(200),
        by_ref=False,
    ),
    Case(
        SETTINGS.lstrip("/"),
        "put",
        "claim their inbound address",
        claim_their_address,
        address_taken,
        owner_ok(200),
        by_ref=False,
    ),
    Case(
        "mail/inbound/",
        "post",
        "reply to their Message-ID",
        deliver(REPLY_BY_ID),
        landed_at_home,
        threaded_at_owner,
        by_ref=False,
    ),
    Case(
        "mail/inbound/",
        "post",
        "reply naming their [INCI-n]",
        deliver(REPLY_BY_TAG),
        landed_at_home,
        threaded_at_owner,
        by_ref=False,
    ),
]


@pytest.mark.parametrize(("case", "form"), params(CASES))
def test_foreign_mail_is_out_of_reach(world, case, form):
    run_case(world, case, form, snapshot)


def test_a_mail_key_of_one_organization_delivers_only_to_it(world, mail_client):
    """An MTA's key decides the organization: the owner's thread is never reached."""
    response = mail_client.post(INBOUND, REPLY_BY_ID, content_type="message/rfc822")
    landed_at_home(world, "", response)

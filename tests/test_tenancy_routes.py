"""Another organization's conversations, webhooks and deliveries are out of reach.

The companion of `tests/incidents/test_tenancy_matrix.py`, in the same style, for every
(route, method) of the API that is not under `incident/`: `conversation/`, `webhook/`
and `delivery/`. Each case:

1. sets up both organizations: the owner (other_tenant) has an endpoint, incidents
   (whose creation logged deliveries) and a conversation on its victim incident; the
   attacker (tenant) has one of each of its own,
2. sends the request with the attacker's admin key (the strongest scope), naming the
   owner's object (or incident, by incident_id and by display_id),
3. checks the answer: 404, or a list of the attacker's own objects only, with nothing
   of the owner's in it,
4. checks the owner sees exactly what it saw before (lists, bodies, ETags, the stored
   documents),
5. sends the same request as the owner, which succeeds: the refusal above was about
   tenancy, not a malformed request.

A last test walks the URL resolver: every route and method under `ux/sd/` must be
covered by this matrix, the incident matrix or the configuration matrix
(tests/test_tenancy_config.py).
"""

from dataclasses import dataclass

import pytest

from conversations.documents import Conversation
from incidents.documents import Incident
from servicedesk.webhooks.documents import Delivery, WebhookEndpoint
from tests.incidents.test_tenancy_matrix import CASES as INCIDENT_CASES
from tests.incidents.test_tenancy_matrix import incident_routes
from tests.mail.test_tenancy_mail import CASES as MAIL_CASES
from tests.support.tenancy import (
    API_PREFIX,
    SECRET,
    Case,
    api_routes,
    create,
    is_404,
    no_leak,
    ok,
    params,
    refused_404,
    run_case,
)
from tests.test_tenancy_config import CASES as CONFIG_CASES

ROOT = "/" + API_PREFIX
INCIDENTS = ROOT + "incident/"
CONVERSATIONS = ROOT + "conversation/"
WEBHOOKS = ROOT + "webhook/"
DELIVERIES = ROOT + "delivery/"
PAGE = {"items_per_page": 100}


# --- the world: an attacker and an owner ---------------------------------------------


@dataclass
class World:
    attacker: object
    owner: object
    victim: dict  # the owner's incident the conversation and the delivery are about
    conversation: dict  # the owner's
    webhook: dict  # the owner's
    delivery: dict  # the owner's, about the victim
    mine: dict  # the attacker's own: incident, conversation, webhook, delivery ids

    @property
    def vid(self) -> str:
        return self.victim["incident_id"]


def register(client, description):
    body = {
        "url": f"http://127.0.0.1:9/{description}-hook",
        "events": ["incident.created"],
        "description": description,
    }
    response = client.post(WEBHOOKS, body, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def note(client, ref, text):
    body = {"incident_id": ref, "kind": "note", "body": f"<p>{text}</p>"}
    response = client.post(CONVERSATIONS, body, format="json")
    assert response.status_code == 201, response.content
    return response.json()


@pytest.fixture
def world(tenant, other_tenant, settings):
    """The owner has INCI-1..3, the victim being INCI-3, and the attacker only INCI-1, so
    the victim's display id is not also one of the attacker's own."""
    # No send of the deliveries behind the test's back (tests/conftest.py keeps background
    # jobs off); the endpoints are local addresses, allowed for this test only.
    settings.SERVICEDESK_WEBHOOK_ALLOW_PRIVATE = True

    webhook = register(other_tenant.admin, f"{SECRET}-endpoint")
    my_webhook = register(tenant.admin, "mine")
    create(other_tenant.writer, "owner one")
    create(other_tenant.writer, "owner two")
    victim = create(other_tenant.writer, f"{SECRET} victim", description=f"{SECRET} text")
    assert victim["display_id"] == "INCI-3"
    mine = create(tenant.writer, "mine")
    assert mine["display_id"] == "INCI-1"

    conversation = note(other_tenant.writer, victim["incident_id"], f"{SECRET} note")
    my_conversation = note(tenant.writer, mine["incident_id"], "my note")

    (delivery,) = other_tenant.admin.get(DELIVERIES, {"incident_id": victim["incident_id"]}).json()
    assert len(other_tenant.admin.get(DELIVERIES).json()) == 3  # one per incident created
    (my_delivery,) = tenant.admin.get(DELIVERIES).json()
    return World(
        attacker=tenant,
        owner=other_tenant,
        victim=victim,
        conversation=conversation,
        webhook=webhook,
        delivery=delivery,
        mine={
            "incident_id": mine["incident_id"],
            "conversation_id": my_conversation["conversation_id"],
            "webhook_id": my_webhook["webhook_id"],
            "delivery_id": my_delivery["delivery_id"],
        },
    )


def conversation_url(w: World) -> str:
    return f"{CONVERSATIONS}{w.conversation['conversation_id']}/"


def webhook_url(w: World) -> str:
    return f"{WEBHOOKS}{w.webhook['webhook_id']}/"


def delivery_url(w: World) -> str:
    return f"{DELIVERIES}{w.delivery['delivery_id']}/"


def stored(document, w: World) -> list:
    """The owner's stored documents of a collection, as they are in the database."""
    collection = document._get_collection()
    return list(collection.find({"organization_id": w.owner.org.id}).sort("_id", 1))


def snapshot(w: World) -> dict:
    """Everything the owner can see of its conversations, endpoints and deliveries."""
    admin = w.owner.admin

    def seen(url, query=None):
        response = admin.get(url, query)
        return (response.status_code, response.get("ETag"), response.json())

    return {
        "conversations": seen(CONVERSATIONS, PAGE),
        "conversation": seen(conversation_url(w)),
        "webhooks": seen(WEBHOOKS, PAGE),
        "webhook": seen(webhook_url(w)),
        "deliveries": seen(DELIVERIES, PAGE),
        "delivery": seen(delivery_url(w)),
        "incident": seen(f"{INCIDENTS}{w.vid}/"),
        "history": seen(f"{INCIDENTS}{w.vid}/history/"),
        "stored": [stored(doc, w) for doc in (Conversation, WebhookEndpoint, Delivery, Incident)],
    }


# --- the answers ------------------------------------------------------------------------


def only_mine(key):
    """A list answer (or several) with the attacker's own object alone in it."""

    def check(w, ref, responses):
        for response in responses if isinstance(responses, list) else [responses]:
            assert response.status_code == 200, response.content
            assert [item[key] for item in response.json()] == [w.mine[key]]
            assert response["X-Total-Count"] == "1"
            no_leak(response)

    return check


def owners(key, attr):
    """A list answer (or several) with the owner's object in it."""

    def check(w, ref, responses):
        for response in responses if isinstance(responses, list) else [responses]:
            assert response.status_code == 200, response.content
            assert getattr(w, attr)[key] in [item[key] for item in response.json()]

    return check


# --- conversation/ ------------------------------------------------------------------------


CONVERSATION = "conversation/(?P<id>[0-9a-fA-F]{24})/"


def conversations_listed(w, ref, response):
    assert response.status_code == 200, response.content
    ids = [c["conversation_id"] for c in response.json()]
    assert ids == [w.conversation["conversation_id"]]


def conversation_list_send(w, ref, client):
    queries = [PAGE, {"kind": "note"}, {"direction": "outbound"}, {"sort_order": "desc"}]
    return [client.get(CONVERSATIONS, query) for query in queries]


def conversation_create_refused(w, ref, response):
    is_404(response)
    assert Conversation.objects(organization_id=w.attacker.org.id).count() == 1


def conversation_put_body(ref):
    return {"incident_id": ref, "kind": "note", "body": "<p>changed by PUT</p>"}


# --- webhook/ -----------------------------------------------------------------------------


WEBHOOK = "webhook/(?P<id>[0-9a-fA-F]{24})/"
NEW_HOOK = {"url": "http://127.0.0.1:9/new-hook", "events": ["incident.created"]}


def webhook_create_refused(w, ref, response):
    # A create only ever registers an endpoint of the caller's own organization: the
    # attacker lists it, the owner does not (the snapshot after this proves the latter),
    # and the owner's next incident is not sent to it.
    assert response.status_code == 201, response.content
    created = response.json()["webhook_id"]
    mine = [h["webhook_id"] for h in w.attacker.admin.get(WEBHOOKS).json()]
    assert mine == [w.mine["webhook_id"], created]
    owner_endpoints = [h["webhook_id"] for h in w.owner.admin.get(WEBHOOKS).json()]
    assert created not in owner_endpoints
    assert WebhookEndpoint.objects.get(id=created).organization_id == w.attacker.org.id


def webhook_create_allowed(w, ref, response):
    assert response.status_code == 201, response.content
    created = response.json()["webhook_id"]
    owner_endpoints = [h["webhook_id"] for h in w.owner.admin.get(WEBHOOKS).json()]
    assert owner_endpoints == [w.webhook["webhook_id"], created]


# --- delivery/ ----------------------------------------------------------------------------


DELIVERY = "delivery/(?P<id>[0-9a-fA-F]{24})/"


def delivery_list_send(w, ref, client):
    queries = [PAGE, {"event": "incident.created"}, {"status": "pending"}]
    return [client.get(DELIVERIES, query) for query in queries]


def deliveries_of_victim(w, ref, response):
    assert response.status_code == 200, response.content
    assert [d["delivery_id"] for d in response.json()] == [w.delivery["delivery_id"]]


def delivery_list_by_id_refused(w, ref, response):
    """A 24-hex incident id the caller cannot see is answered like an unknown one.

    Not a 404: `delivery/?incident_id=` keeps listing the deliveries of an incident
    deleted for good, so an id that matches none of the caller's incidents is looked up
    in the caller's own delivery log, where another organization's incident has none.
    What matters is that the answer is exactly that of an id no one has.
    """
    assert response.status_code == 200, response.content
    assert response.json() == []
    assert response["X-Total-Count"] == "0"
    no_leak(response)
    unknown = w.attacker.admin.get(DELIVERIES, {"incident_id": "0" * 24})
    assert (unknown.status_code, unknown.json()) == (200, [])


def delivery_list_by_ref_refused(w, ref, response):
    if ref == w.vid:
        delivery_list_by_id_refused(w, ref, response)
    else:
        is_404(response)


# --- the matrix ---------------------------------------------------------------------------


CASES = [
    # conversation/
    Case(
        "conversation/",
        "get",
        "list of an incident",
        lambda w, r, c: c.get(CONVERSATIONS, {"incident_id": r}),
        refused_404,
        conversations_listed,
    ),
    Case(
        "conversation/",
        "get",
        "list of every incident",
        conversation_list_send,
        only_mine("conversation_id"),
        owners("conversation_id", "conversation"),
        by_ref=False,
    ),
    Case(
        "conversation/",
        "post",
        "add a note",
        lambda w, r, c: c.post(
            CONVERSATIONS, {"incident_id": r, "kind": "note", "body": "<p>x</p>"}, format="json"
        ),
        conversation_create_refused,
        ok(201),
    ),
    Case(
        "conversation/",
        "post",
        "add an inbound reply",
        lambda w, r, c: c.post(
            CONVERSATIONS,
            {"incident_id": r, "kind": "reply", "direction": "inbound", "body": "<p>hi</p>"},
            format="json",
        ),
        conversation_create_refused,
        ok(201),
    ),
    # conversation/{id}/
    Case(
        CONVERSATION,
        "get",
        "read",
        lambda w, r, c: c.get(conversation_url(w)),
        refused_404,
        ok(200),
        by_ref=False,
    ),
    Case(
        CONVERSATION,
        "put",
        "replace",
        lambda w, r, c: c.put(conversation_url(w), conversation_put_body(r), format="json"),
        refused_404,
        ok(200),
    ),
    Case(
        CONVERSATION,
        "patch",
        "change the body",
        lambda w, r, c: c.patch(
            conversation_url(w), {"body": "<p>changed by PATCH</p>"}, format="json"
        ),
        refused_404,
        ok(200),
        by_ref=False,
    ),
    Case(
        CONVERSATION,
        "patch",
        "change with If-Match",
        lambda w, r, c: c.patch(
            conversation_url(w),
            {"body": "<p>changed</p>"},
            format="json",
            HTTP_IF_MATCH=w.owner.reader.get(conversation_url(w))["ETag"],
        ),
        refused_404,
        ok(200),
        by_ref=False,
    ),
    Case(
        CONVERSATION,
        "delete",
        "delete",
        lambda w, r, c: c.delete(conversation_url(w)),
        refused_404,
        ok(204),
        by_ref=False,
    ),
    # webhook/
    Case(
        "webhook/",
        "get",
        "list",
        lambda w, r, c: c.get(WEBHOOKS, PAGE),
        only_mine("webhook_id"),
        owners("webhook_id", "webhook"),
        by_ref=False,
    ),
    Case(
        "webhook/",
        "post",
        "register",
        lambda w, r, c: c.post(WEBHOOKS, NEW_HOOK, format="json"),
        webhook_create_refused,
        webhook_create_allowed,
        by_ref=False,
    ),
    # webhook/{id}/
    Case(
        WEBHOOK,
        "get",
        "read",
        lambda w, r, c: c.get(webhook_url(w)),
        refused_404,
        ok(200),
        by_ref=False,
    ),
    Case(
        WEBHOOK,
        "put",
        "replace",
        lambda w, r, c: c.put(webhook_url(w), NEW_HOOK, format="json"),
        refused_404,
        ok(200),
        by_ref=False,
    ),
    Case(
        WEBHOOK,
        "patch",
        "deactivate",
        lambda w, r, c: c.patch(webhook_url(w), {"active": False}, format="json"),
        refused_404,
        ok(200),
        by_ref=False,
    ),
    Case(
        WEBHOOK,
        "patch",
        "redirect",
        lambda w, r, c: c.patch(webhook_url(w), {"url": NEW_HOOK["url"]}, format="json"),
        refused_404,
        ok(200),
        by_ref=False,
    ),
    Case(
        WEBHOOK,
        "delete",
        "delete",
        lambda w, r, c: c.delete(webhook_url(w)),
        refused_404,
        ok(204),
        by_ref=False,
    ),
    # delivery/
    Case(
        "delivery/",
        "get",
        "log",
        delivery_list_send,
        only_mine("delivery_id"),
        owners("delivery_id", "delivery"),
        by_ref=False,
    ),
    Case(
        "delivery/",
        "get",
        "log of an incident",
        lambda w, r, c: c.get(DELIVERIES, {"incident_id": r}),
        delivery_list_by_ref_refused,
        deliveries_of_victim,
    ),
    # delivery/{id}/
    Case(
        DELIVERY,
        "get",
        "read",
        lambda w, r, c: c.get(delivery_url(w)),
        refused_404,
        ok(200),
        by_ref=False,
    ),
]

PARAMS = params(CASES)


@pytest.mark.parametrize(("case", "form"), PARAMS)
def test_foreign_object_is_out_of_reach(world, case, form):
    run_case(world, case, form, snapshot)


def test_attackers_endpoint_is_not_sent_the_owners_events(world):
    """An endpoint the attacker registers hears only of the attacker's incidents."""
    attacker, owner = world.attacker.admin, world.owner.admin
    before = attacker.get(DELIVERIES).json()
    create(world.owner.writer, f"{SECRET} after")
    assert attacker.get(DELIVERIES).json() == before
    assert len(owner.get(DELIVERIES).json()) == 4


# --- coverage ---------------------------------------------------------------------------------


def test_every_api_route_is_in_a_tenancy_matrix():
    routes = api_routes("ux/sd/")
    assert incident_routes() <= routes
    assert {case.key for case in CASES}.isdisjoint(incident_routes())
    matrices = (INCIDENT_CASES, CASES, CONFIG_CASES, MAIL_CASES)
    covered = {case.key for cases in matrices for case in cases}
    print(f"tenancy matrix: {len(covered)} route/method pairs covered")
    assert routes - covered == set(), "routes no tenancy matrix covers"
    assert covered - routes == set(), "matrix cases for routes that no longer exist"

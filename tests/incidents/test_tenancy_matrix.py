"""Another organization's incident is out of reach on every incident route and method.

The matrix below has one case per (route, method) of `incident/...`; a coverage test
walks the URL resolver and fails when a route exists that no case covers (or a case
covers a route that is gone). Each case:

1. puts the owner's incident in the state where the request would succeed,
2. sends the request with the attacker's admin key (the strongest scope), naming the
   owner's incident by incident_id and by display_id,
3. checks the answer (404, `[]`, or a bulk result with ok=false and status 404) and
   that nothing of the owner's leaked into it,
4. checks the owner sees exactly what it saw before (body, ETag, history length,
   live and trashed lists, requester directory, stored document),
5. sends the same request as the owner, which succeeds: the refusal above was about
   tenancy, not a malformed request.
"""

import base64
from dataclasses import dataclass

import pytest
from bson import ObjectId
from django.test import override_settings

from incidents.documents import Incident
from tests.support.directory import directory_job
from tests.support.tenancy import (
    API_PREFIX,
    SECRET,
    Case,
    api_routes,
    create,
    no_leak,
    ok,
    params,
    refused_404,
    run_case,
)

INCIDENT_PREFIX = "incident/"
LIST = "/" + API_PREFIX + INCIDENT_PREFIX
DELIVERIES = "/" + API_PREFIX + "delivery/"


# --- the world: an attacker and an owner ---------------------------------------------


@dataclass
class World:
    attacker: object
    owner: object
    victim: dict
    mine: dict
    attachment: dict | None = None
    delivery: dict | None = None

    @property
    def vid(self) -> str:
        return self.victim["incident_id"]


@pytest.fixture
def world(tenant, other_tenant):
    """The owner (other_tenant) has INCI-1..3, the victim being INCI-3; the attacker
    (tenant) has only INCI-1, so the victim's display id is not also one of its own."""
    # No job runner sends the owner's deliveries (and changes what the owner sees) while
    # a case runs: tests/conftest.py keeps background jobs off.
    create(other_tenant.writer, "owner one")
    create(other_tenant.writer, "owner two")
    victim = create(
        other_tenant.writer,
        f"{SECRET} victim",
        description=f"{SECRET} description",
        status_id=2,
        assignee=f"{SECRET}-agent",
        support_group=f"{SECRET}-group",
        tag=[f"{SECRET}-tag"],
        requester_email=f"victim@{SECRET}.example",
        requester_name=f"{SECRET} requester",
        assets=[f"{SECRET}-laptop"],
    )
    assert victim["display_id"] == "INCI-3"
    mine = create(tenant.writer, "mine")
    assert mine["display_id"] == "INCI-1"
    directory_job()  # the owner's requester directory holds the victim's requester
    return World(attacker=tenant, owner=other_tenant, victim=victim, mine=mine)


def snapshot(w: World) -> dict:
    """Everything the owner can see of its incidents, and the stored document."""
    owner = w.owner
    detail = owner.admin.get(f"{LIST}{w.vid}/")
    history = owner.admin.get(f"{LIST}{w.vid}/history/")
    return {
        "detail": (detail.status_code, detail.json(), detail.get("ETag")),
        "history": (history.status_code, history.get("X-Total-Count"), history.json()),
        "live": owner.admin.get(LIST, {"items_per_page": 100}).json(),
        "trash": owner.admin.get(LIST, {"deleted": "true", "items_per_page": 100}).json(),
        "directory": owner.admin.get(LIST + "requester_search/", {"q": "@"}).json(),
        "attachments": owner.admin.get(LIST + "attachment/", {"incident_id": w.vid}).json(),
        "feedback": owner.admin.get(LIST + "feedback/", {"incident_id": w.vid}).json(),
        "deliveries": owner.admin.get(DELIVERIES, {"items_per_page": 100}).json(),
        "stored": Incident._get_collection().find_one({"_id": ObjectId(w.vid)}),
    }


def refused_in_bulk(response, ref):
    assert response.status_code == 200, response.content
    (result,) = response.json()["results"]
    assert result["incident_id"] == ref
    assert result["ok"] is False
    assert (result["error"]["status"], result["error"]["code"]) == (404, "not_found")
    assert "incident" not in result and "allowed" not in result
    no_leak(response)


def succeeded_in_bulk(response):
    assert response.status_code == 200, response.content
    (result,) = response.json()["results"]
    assert result["ok"] is True, result


# --- the steps the owner takes to make a request meaningful ----------------------------


def resolve_as_owner(w: World):
    body = {"incident_id": w.vid, "resolution_type": "Fixed", "closure_note": "Done."}
    succeeded_in_bulk(w.owner.writer.post(LIST + "inci_resolve/", body, format="json"))


def trash_as_owner(w: World):
    assert w.owner.writer.delete(f"{LIST}{w.vid}/").status_code == 204


def upload(ref, name="notes.txt"):
    content = base64.b64encode(f"{SECRET} file content".encode()).decode()
    return {"incident_id": ref, "files": [{"file_name": name, "content_base64": content}]}


def attach_as_owner(w: World):
    response = w.owner.writer.post(LIST + "add-attachment/", upload(w.vid), format="json")
    assert response.status_code == 201, response.content
    (w.attachment,) = response.json()


def feedback_as_owner(w: World):
    resolve_as_owner(w)
    body = {"incident_id": w.vid, "rating": 2, "comment": f"{SECRET} feedback"}
    response = w.owner.writer.post(LIST + "feedback/", body, format="json")
    assert response.status_code == 201, response.content


def undelivered_as_owner(w: World):
    """An endpoint of the owner and a delivery about the victim that is not delivered yet.

    The endpoint is a local address, allowed only while it is registered: every send is
    then refused before any connection is made, so nothing leaves the machine.
    """
    with override_settings(SERVICEDESK_WEBHOOK_ALLOW_PRIVATE=True):
        body = {"url": "http://127.0.0.1:9/hook", "events": ["incident.updated"]}
        response = w.owner.admin.post("/" + API_PREFIX + "webhook/", body, format="json")
        assert response.status_code == 201, response.content
    changed = w.owner.writer.patch(
        f"{LIST}{w.vid}/", {"basic_info": {"summary": f"{SECRET} changed"}}, format="json"
    )
    assert changed.status_code == 200, changed.content
    (w.delivery,) = w.owner.admin.get(DELIVERIES).json()


# --- the matrix ---------------------------------------------------------------------------


DETAIL = "incident/(?P<id>[^/]+)/"
ATTACHMENT = "incident/attachment/(?P<attachment_id>[0-9a-fA-F]{24})/"


def attachment_url(w: World) -> str:
    return f"{LIST}attachment/{w.attachment['attachment_id']}/"


def detail_url(ref):
    return f"{LIST}{ref}/"


def refused_bulk(w, ref, response):
    refused_in_bulk(response, ref)


def allowed_bulk(w, ref, response):
    succeeded_in_bulk(response)


def put_body(w):
    body = w.owner.reader.get(detail_url(w.vid)).json()
    body["basic_info"]["summary"] = "changed by PUT"
    return body


def bulk(route, extra=None):
    return lambda w, ref, client: client.post(
        LIST + route, {"incident_ids": [ref], **(extra or {})}, format="json"
    )


# Filters that each select the victim alone in the owner's organization.
def victim_filters(w):
    return [
        {"q": SECRET},
        {"q": w.victim["display_id"]},
        {"assignee": f"{SECRET}-agent"},
        {"support_group": f"{SECRET}-group"},
        {"tag": f"{SECRET}-tag"},
        {"requester_email": f"victim@{SECRET}.example"},
        {"status_id": 2},
    ]


def list_send(w, ref, client):
    return [client.get(LIST, query) for query in victim_filters(w)]


def list_refused(w, ref, responses):
    for response in responses:
        assert response.status_code == 200, response.content
        assert response["X-Total-Count"] == "0"
        assert response.json() == []


def list_allowed(w, ref, responses):
    for response in responses:
        assert [i["incident_id"] for i in response.json()] == [w.vid]


def trash_list_send(w, ref, client):
    return [client.get(LIST, {"deleted": "true", **query}) for query in victim_filters(w)]


def create_send(w, ref, client):
    body = {
        "summary": "refers to another incident",
        "reference": [{"incident_id": ref}],
        "requester_email": f"victim@{SECRET}.example",
        "support_group": f"{SECRET}-group",
    }
    return client.post(LIST, body, format="json")


def create_refused(w, ref, response):
    # A create only ever makes an incident of the caller's own organization.
    assert response.status_code == 201, response.content
    assert response.json()["display_id"] == "INCI-2"  # the attacker's counter, not the owner's
    mine = [i["incident_id"] for i in w.attacker.reader.get(LIST).json()]
    assert response.json()["incident_id"] in mine


def create_allowed(w, ref, response):
    assert response.status_code == 201, response.content
    assert response.json()["display_id"] == "INCI-4"


def search_refused(w, ref, response):
    assert response.status_code == 200, response.content
    assert response.json() == []


def search_allowed(w, ref, response):
    assert [e["email"] for e in response.json()] == [f"victim@{SECRET}.example"]


def feedback_listed(w, ref, response):
    assert response.status_code == 200, response.content
    assert [f["comment"] for f in response.json()] == [f"{SECRET} feedback"]


def retry_by_incident(w, ref, client):
    return client.post(LIST + "bulk_retry_api/", {"incident_ids": [ref]}, format="json")


def retry_by_delivery(w, ref, client):
    body = {"delivery_ids": [w.delivery["delivery_id"]]}
    return client.post(LIST + "bulk_retry_api/", body, format="json")


def retry_refused(w, ref, response):
    assert response.status_code == 200, response.content
    (result,) = response.json()["results"]
    if ref:
        assert (result["incident_id"], result["delivery_id"]) == (ref, None)
    else:
        assert result["delivery_id"] == w.delivery["delivery_id"]
    assert result["ok"] is False
    assert (result["error"]["status"], result["error"]["code"]) == (404, "not_found")
    assert "status" not in result and "response_status" not in result
    no_leak(response)


def retry_allowed(w, ref, response):
    # The owner's retry is queued (the delivery job sends it), not a 404.
    assert response.status_code == 200, response.content
    (result,) = response.json()["results"]
    assert result["delivery_id"] == w.delivery["delivery_id"]
    assert result["incident_id"] == w.vid
    assert result["status"] == "pending" and result["queued"] is True and "error" not in result


def options_refused(w, ref, response):
    assert response.status_code == 200, response.content
    no_leak(response)


def options_allowed(w, ref, response):
    body = response.json()
    assert f"{SECRET}-group" in [group["name"] for group in body["support_groups"]]
    assert f"{SECRET}-tag" in body["tags"]


# --- merges and relations (the relations app) ---------------------------------------------

RELATIONS = "incident/(?P<id>[^/]+)/relations/"
RELATION = RELATIONS + "(?P<other>[^/]+)/"


def merge_send(target, sources):
    return lambda w, ref, client: client.post(
        LIST + "merge/",
        {"target": target(ref), "sources": [source(ref) for source in sources]},
        format="json",
    )


def merged_one(w, ref, response):
    assert response.status_code == 200, response.content
    (result,) = response.json()["results"]
    assert result["ok"] is True, result


def relate_as_owner(w: World):
    body = {"type": "related", "incident": "INCI-1"}
    response = w.owner.writer.post(f"{LIST}{w.vid}/relations/", body, format="json")
    assert response.status_code == 200, response.content


def relate_send(path_ref, other_ref, kind="related"):
    return lambda w, ref, client: client.post(
        f"{LIST}{path_ref(ref)}/relations/",
        {"type": kind, "incident": other_ref(ref)},
        format="json",
    )


def victim(ref):
    return ref


def first(ref):
    return "INCI-1"  # the caller's own: the owner's "owner one", the attacker's "mine"


CASES = [
    # incident/
    Case("incident/", "get", "list filters", list_send, list_refused, list_allowed, by_ref=False),
    Case(
        "incident/",
        "get",
        "trash list filters",
        trash_list_send,
        list_refused,
        list_allowed,
        setup=trash_as_owner,
        by_ref=False,
    ),
    Case("incident/", "post", "create", create_send, create_refused, create_allowed),
    # incident/{id}/
    Case(DETAIL, "get", "read", lambda w, r, c: c.get(detail_url(r)), refused_404, ok(200)),
    Case(
        DETAIL,
        "put",
        "replace",
        lambda w, r, c: c.put(detail_url(r), put_body(w), format="json"),
        refused_404,
        ok(200),
    ),
    Case(
        DETAIL,
        "patch",
        "change",
        lambda w, r, c: c.patch(
            detail_url(r), {"basic_info": {"summary": "changed by PATCH"}}, format="json"
        ),
        refused_404,
        ok(200),
    ),
    Case(
        DETAIL,
        "patch",
        "change status",
        lambda w, r, c: c.patch(detail_url(r), {"basic_info": {"status_id": 3}}, format="json"),
        refused_404,
        ok(200),
    ),
    Case(
        DETAIL,
        "patch",
        "change with If-Match",
        lambda w, r, c: c.patch(
            detail_url(r),
            {"basic_info": {"summary": "changed"}},
            format="json",
            HTTP_IF_MATCH=w.owner.reader.get(detail_url(w.vid))["ETag"],
        ),
        refused_404,
        ok(200),
    ),
    Case(DETAIL, "delete", "trash", lambda w, r, c: c.delete(detail_url(r)), refused_404, ok(204)),
    # incident/{id}/history/
    Case(
        "incident/(?P<id>[^/]+)/history/",
        "get",
        "history",
        lambda w, r, c: c.get(f"{LIST}{r}/history/"),
        refused_404,
        ok(200),
    ),
    # bulk actions
    Case(
        "incident/inci_resolve/",
        "post",
        "resolve",
        bulk("inci_resolve/", {"resolution_type": "Fixed", "closure_note": "Done."}),
        refused_bulk,
        allowed_bulk,
    ),
    Case(
        "incident/inci_reopen/",
        "post",
        "reopen",
        bulk("inci_reopen/", {"reason": "Back again."}),
        refused_bulk,
        allowed_bulk,
        setup=resolve_as_owner,
    ),
    Case(
        "incident/close_inci_request/",
        "post",
        "close",
        bulk("close_inci_request/", {"closure_note": "Closing."}),
        refused_bulk,
        allowed_bulk,
        setup=resolve_as_owner,
    ),
    Case(
        "incident/close_inci_request/",
        "post",
        "cancel",
        bulk("close_inci_request/", {"reason": "Not needed."}),
        refused_bulk,
        allowed_bulk,
    ),
    Case(
        "incident/delete_incident/",
        "post",
        "trash",
        bulk("delete_incident/"),
        refused_bulk,
        allowed_bulk,
    ),
    Case(
        "incident/delete_incident/",
        "post",
        "permanent",
        bulk("delete_incident/", {"permanent": True}),
        refused_bulk,
        allowed_bulk,
    ),
    Case(
        "incident/delete_incident/",
        "post",
        "permanent from the trash",
        bulk("delete_incident/", {"permanent": True}),
        refused_bulk,
        allowed_bulk,
        setup=trash_as_owner,
    ),
    Case(
        "incident/restore_incident/",
        "post",
        "restore",
        bulk("restore_incident/"),
        refused_bulk,
        allowed_bulk,
        setup=trash_as_owner,
    ),
    Case(
        "incident/workflow_options_map/",
        "post",
        "next statuses",
        bulk("workflow_options_map/"),
        refused_bulk,
        allowed_bulk,
    ),
    Case(
        "incident/inci_resolve/",
        "post",
        "resolve, single incident_id",
        lambda w, r, c: c.post(
            LIST + "inci_resolve/",
            {"incident_id": r, "resolution_type": "Fixed", "closure_note": "Done."},
            format="json",
        ),
        refused_bulk,
        allowed_bulk,
    ),
    # feedback
    Case(
        "incident/feedback/",
        "post",
        "give feedback",
        lambda w, r, c: c.post(LIST + "feedback/", {"incident_id": r, "rating": 5}, format="json"),
        refused_404,
        ok(201),
        setup=resolve_as_owner,
    ),
    Case(
        "incident/feedback/",
        "get",
        "read feedback",
        lambda w, r, c: c.get(LIST + "feedback/", {"incident_id": r}),
        refused_404,
        feedback_listed,
        setup=feedback_as_owner,
    ),
    # outbound API calls of the incident, or one of them by its id
    Case(
        "incident/bulk_retry_api/",
        "post",
        "retry by incident",
        retry_by_incident,
        retry_refused,
        retry_allowed,
        setup=undelivered_as_owner,
    ),
    Case(
        "incident/bulk_retry_api/",
        "post",
        "retry by delivery id",
        retry_by_delivery,
        retry_refused,
        retry_allowed,
        setup=undelivered_as_owner,
        by_ref=False,
    ),
    # query ids
    Case(
        "incident/workflow_status/",
        "get",
        "workflow status",
        lambda w, r, c: c.get(LIST + "workflow_status/", {"incident_id": r}),
        refused_404,
        ok(200),
    ),
    Case(
        "incident/impacted_asset/",
        "get",
        "impacted assets",
        lambda w, r, c: c.get(LIST + "impacted_asset/", {"incident_id": r}),
        refused_404,
        ok(200),
    ),
    Case(
        "incident/incident-data/(?P<ref>[^/]+)/",
        "get",
        "detail page data",
        lambda w, r, c: c.get(f"{LIST}incident-data/{r}/"),
        refused_404,
        ok(200),
    ),
    Case(
        "incident/process-rich-text/",
        "get",
        "read rich text",
        lambda w, r, c: c.get(
            LIST + "process-rich-text/", {"incident_id": r, "field": "description"}
        ),
        refused_404,
        ok(200),
    ),
    # body ids of single-incident actions
    Case(
        "incident/save-rich-text/",
        "post",
        "store rich text",
        lambda w, r, c: c.post(
            LIST + "save-rich-text/",
            {"incident_id": r, "field": "description", "html": "<p>changed</p>"},
            format="json",
        ),
        refused_404,
        ok(200),
    ),
    # attachments: the incident named in the body or query, or the attachment's own id
    Case(
        "incident/add-attachment/",
        "post",
        "upload",
        lambda w, r, c: c.post(LIST + "add-attachment/", upload(r), format="json"),
        refused_404,
        ok(201),
    ),
    Case(
        "incident/attachment/",
        "get",
        "list attachments",
        lambda w, r, c: c.get(LIST + "attachment/", {"incident_id": r}),
        refused_404,
        ok(200),
        setup=attach_as_owner,
    ),
    Case(
        ATTACHMENT,
        "get",
        "attachment metadata",
        lambda w, r, c: c.get(attachment_url(w)),
        refused_404,
        ok(200),
        setup=attach_as_owner,
        by_ref=False,
    ),
    Case(
        ATTACHMENT,
        "delete",
        "delete attachment",
        lambda w, r, c: c.delete(attachment_url(w)),
        refused_404,
        ok(204),
        setup=attach_as_owner,
        by_ref=False,
    ),
    Case(
        ATTACHMENT + "download/",
        "get",
        "download attachment",
        lambda w, r, c: c.get(attachment_url(w) + "download/"),
        refused_404,
        ok(200),
        setup=attach_as_owner,
        by_ref=False,
    ),
    # incident/merge/ and incident/{id}/relations/ (the relations app)
    Case(
        "incident/merge/",
        "post",
        "merge into the victim",
        merge_send(victim, [first]),
        refused_404,
        merged_one,
    ),
    Case(
        "incident/merge/",
        "post",
        "merge the victim",
        merge_send(first, [victim]),
        refused_bulk,
        merged_one,
    ),
    Case(
        RELATIONS,
        "post",
        "relate the victim",
        relate_send(victim, first),
        refused_404,
        ok(200),
    ),
    Case(
        RELATIONS,
        "post",
        "make the victim a parent",
        relate_send(first, victim, kind="parent"),
        refused_404,
        ok(200),
    ),
    Case(
        RELATION,
        "delete",
        "unrelate the victim",
        lambda w, r, c: c.delete(f"{LIST}{r}/relations/INCI-1/"),
        refused_404,
        ok(204),
        setup=relate_as_owner,
    ),
    Case(
        RELATION,
        "delete",
        "unrelate from the victim",
        lambda w, r, c: c.delete(f"{LIST}INCI-1/relations/{r}/"),
        refused_404,
        ok(204),
        setup=relate_as_owner,
    ),
    # no ids: the owner's data must not show up
    Case(
        "incident/requester_search/",
        "get",
        "requester search",
        lambda w, r, c: c.get(LIST + "requester_search/", {"q": SECRET}),
        search_refused,
        search_allowed,
        by_ref=False,
    ),
    Case(
        "incident/options/",
        "get",
        "options in use",
        lambda w, r, c: c.get(LIST + "options/"),
        options_refused,
        options_allowed,
        by_ref=False,
    ),
]

PARAMS = params(CASES)


@pytest.mark.parametrize(("case", "form"), PARAMS)
def test_foreign_incident_is_out_of_reach(world, case, form):
    run_case(world, case, form, snapshot)


# --- coverage ---------------------------------------------------------------------------------


def incident_routes() -> set[tuple[str, str]]:
    """(pattern under API_PREFIX, method) of every route the resolver has under incident/."""
    return api_routes(API_PREFIX + INCIDENT_PREFIX)


def test_matrix_covers_every_incident_route_and_method():
    routes = incident_routes()
    covered = {case.key for case in CASES}
    print(f"tenancy matrix: {len(covered)} (route, method) pairs covered by {len(PARAMS)} runs")
    assert routes - covered == set(), "routes the tenancy matrix does not cover"
    assert covered - routes == set(), "matrix cases for routes that no longer exist"


# --- next to the matrix ------------------------------------------------------------------------


def test_same_display_id_in_two_organizations_reads_the_callers_own(world):
    owner_first = world.owner.reader.get(f"{LIST}INCI-1/").json()
    response = world.attacker.reader.get(f"{LIST}INCI-1/")
    assert response.status_code == 200
    assert response.json()["incident_id"] == world.mine["incident_id"]
    assert response.json()["incident_id"] != owner_first["incident_id"]


def test_bulk_mixes_own_and_foreign_ids_without_spoiling_either(world):
    refs = [world.mine["incident_id"], world.vid, world.victim["display_id"]]
    response = world.attacker.admin.post(
        LIST + "workflow_options_map/", {"incident_ids": refs}, format="json"
    )
    results = response.json()["results"]
    assert [(r["incident_id"], r["ok"]) for r in results] == [
        (refs[0], True),
        (refs[1], False),
        (refs[2], False),
    ]
    assert [r["error"]["status"] for r in results[1:]] == [404, 404]


def test_bulk_resolve_of_own_and_foreign_ids_changes_only_the_own(world):
    before = snapshot(world)
    body = {
        "incident_ids": [world.vid, world.mine["incident_id"]],
        "resolution_type": "Fixed",
        "closure_note": "Done.",
    }
    results = world.attacker.writer.post(LIST + "inci_resolve/", body, format="json").json()
    assert [r["ok"] for r in results["results"]] == [False, True]
    assert snapshot(world) == before
    mine = world.attacker.reader.get(f"{LIST}{world.mine['incident_id']}/").json()
    assert mine["basic_info"]["status_id"] == 5

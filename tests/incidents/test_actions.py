"""Workflow actions in bulk, and the same incident changed by several agents at once."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from rest_framework.test import APIClient

from incidents.documents import Incident

LIST = "/ux/sd/inci/incident/"


def create(client, **fields):
    response = client.post(LIST, {"summary": "s", **fields}, format="json")
    assert response.status_code == 201
    return response.json()


def act(client, name, body):
    response = client.post(f"{LIST}{name}/", body, format="json")
    assert response.status_code == 200, response.content
    return response.json()["results"]


RESOLVE = {"resolution_type": "Fixed", "closure_note": "rebooted"}


def test_resolve_records_who_and_when(tenant):
    incident = create(tenant.writer)
    (result,) = act(
        tenant.writer, "inci_resolve", {"incident_id": incident["incident_id"], **RESOLVE}
    )
    assert result["ok"] is True and result["incident_id"] == incident["incident_id"]
    close = result["incident"]["close_info"]
    assert (close["resolution_type"], close["closure_note"]) == ("Fixed", "rebooted")
    assert close["resolved_by"] == result["incident"]["updated_by_id"]
    assert close["resolved_at"].endswith("Z")
    assert result["incident"]["basic_info"]["status"] == "Resolved"


@pytest.mark.parametrize(
    ("body", "attr"),
    [
        ({"resolution_type": "Fixed"}, "closure_note"),
        ({"resolution_type": "Fixed", "closure_note": "  "}, "closure_note"),
        ({"closure_note": "x"}, "resolution_type"),
        ({"resolution_type": {"$ne": 1}, "closure_note": "x"}, "resolution_type"),
        ({"resolution_type": "Fixed", "closure_note": "x", "incident_ids": []}, "incident_ids"),
        (
            {"resolution_type": "Fixed", "closure_note": "x", "incident_ids": "INCI-1"},
            "incident_ids",
        ),
        (
            {"resolution_type": "Fixed", "closure_note": "x", "incident_ids": [{"$ne": 1}]},
            "incident_ids",
        ),
    ],
)
def test_resolve_input_errors_are_400(tenant, body, attr):
    create(tenant.writer)
    body = {"incident_id": "INCI-1", **body} if "incident_ids" not in body else body
    response = tenant.writer.post(f"{LIST}inci_resolve/", body, format="json")
    assert response.status_code == 400, response.content
    attrs = [error["attr"] for error in response.json()["errors"]]
    assert any(a == attr or a.startswith(f"{attr}.") for a in attrs), attrs
    assert Incident.objects.get(display_id="INCI-1").basic_info.status_id == 1


@pytest.mark.parametrize("given", [{"resolution_type": 1}, {}])
def test_a_malformed_resolution_type_refuses_the_whole_request_naming_it(tenant, given):
    create(tenant.writer)
    body = {"incident_id": "INCI-1", "closure_note": "x", **given}
    response = tenant.writer.post(f"{LIST}inci_resolve/", body, format="json")
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["attr"] == "resolution_type"
    assert Incident.objects.get(display_id="INCI-1").basic_info.status_id == 1


@pytest.mark.parametrize(
    ("given", "attr"),
    [
        ({"resolution_type": "Magic"}, "resolution_type"),
        ({"resolution_type_id": 99}, "resolution_type_id"),
        ({"resolution_type": "Fixed", "resolution_type_id": 2}, "resolution_type"),
    ],
)
def test_an_unknown_resolution_type_is_refused_per_incident_naming_it(tenant, given, attr):
    """Resolution types are the organization's own (issue 17): checked per incident."""
    create(tenant.writer)
    body = {"incident_id": "INCI-1", "closure_note": "x", **given}
    response = tenant.writer.post(f"{LIST}inci_resolve/", body, format="json")
    assert response.status_code == 200, response.content
    (result,) = response.json()["results"]
    assert (result["ok"], result["error"]["status"], result["error"]["attr"]) == (False, 400, attr)
    assert Incident.objects.get(display_id="INCI-1").basic_info.status_id == 1


@pytest.mark.parametrize(
    "given", [{"resolution_type_id": 2}, {"resolution_type": "workaround", "resolution_type_id": 2}]
)
def test_the_resolution_type_may_be_sent_by_id(tenant, given):
    create(tenant.writer)
    (result,) = act(
        tenant.writer, "inci_resolve", {"incident_id": "INCI-1", "closure_note": "x", **given}
    )
    assert result["ok"] is True
    assert result["incident"]["close_info"]["resolution_type"] == "Workaround"


def test_bulk_results_follow_the_order_given_and_one_bad_id_spoils_nothing(tenant, other_tenant):
    first, second = create(tenant.writer), create(tenant.writer)
    foreign = create(other_tenant.writer)
    refs = [
        second["display_id"],
        "INCI-404",
        foreign["incident_id"],
        "garbage",
        first["incident_id"],
    ]
    results = act(tenant.writer, "inci_resolve", {"incident_ids": refs, **RESOLVE})
    assert [r["incident_id"] for r in results] == refs
    assert [r["ok"] for r in results] == [True, False, False, False, True]
    assert {r["error"]["status"] for r in results if not r["ok"]} == {404}
    assert Incident.objects.get(id=foreign["incident_id"]).basic_info.status_id == 1


def test_bulk_limit_is_500(tenant):
    create(tenant.writer)
    at_limit = act(tenant.writer, "inci_resolve", {"incident_ids": ["INCI-1"] * 500, **RESOLVE})
    assert len(at_limit) == 500
    assert [r["ok"] for r in at_limit].count(True) == 1
    over = tenant.writer.post(
        f"{LIST}inci_resolve/", {"incident_ids": ["INCI-1"] * 501, **RESOLVE}, format="json"
    )
    assert over.status_code == 400
    assert over.json()["errors"][0]["attr"] == "incident_ids"


def test_resolving_twice_is_a_conflict_with_one_history_entry(tenant):
    create(tenant.writer)
    act(tenant.writer, "inci_resolve", {"incident_id": "INCI-1", **RESOLVE})
    (again,) = act(tenant.writer, "inci_resolve", {"incident_id": "INCI-1", **RESOLVE})
    assert again["ok"] is False and again["error"]["status"] == 409
    history = Incident.objects.get(display_id="INCI-1").history
    assert [e.action for e in history].count("resolved") == 1


def test_reopen_needs_a_resolved_incident_and_a_reason(tenant):
    create(tenant.writer)
    (open_one,) = act(tenant.writer, "inci_reopen", {"incident_id": "INCI-1", "reason": "x"})
    assert open_one["ok"] is False and open_one["error"]["code"] == "invalid_transition"
    act(tenant.writer, "inci_resolve", {"incident_id": "INCI-1", **RESOLVE})
    missing = tenant.writer.post(f"{LIST}inci_reopen/", {"incident_id": "INCI-1"}, format="json")
    assert missing.status_code == 400 and missing.json()["errors"][0]["attr"] == "reason"
    for count in (1, 2):
        (reopened,) = act(
            tenant.writer, "inci_reopen", {"incident_id": "INCI-1", "reason": "still broken"}
        )
        assert reopened["ok"] is True
        close = reopened["incident"]["close_info"]
        assert close["reopen_count"] == count and close["last_reopen_reason"] == "still broken"
        assert close["resolved_at"] is None
        assert reopened["incident"]["basic_info"]["status"] == "In Progress"
        act(tenant.writer, "inci_resolve", {"incident_id": "INCI-1", **RESOLVE})


def test_close_resolved_and_cancel_open(tenant):
    create(tenant.writer)
    create(tenant.writer)
    act(tenant.writer, "inci_resolve", {"incident_id": "INCI-1", **RESOLVE})
    no_reason = act(tenant.writer, "close_inci_request", {"incident_ids": ["INCI-1", "INCI-2"]})
    assert [r["ok"] for r in no_reason] == [True, False]
    assert no_reason[0]["incident"]["basic_info"]["status"] == "Closed"
    assert no_reason[1]["error"]["attr"] == "reason"
    (cancelled,) = act(
        tenant.writer, "close_inci_request", {"incident_id": "INCI-2", "reason": "dup"}
    )
    assert cancelled["incident"]["basic_info"]["status"] == "Cancelled"
    assert cancelled["incident"]["close_info"]["cancel_reason"] == "dup"
    final = act(tenant.writer, "inci_reopen", {"incident_ids": ["INCI-1", "INCI-2"], "reason": "x"})
    assert [r["ok"] for r in final] == [False, False]


def test_delete_in_bulk_and_permanent_needs_admin(tenant):
    create(tenant.writer)
    create(tenant.writer)
    trashed = act(tenant.writer, "delete_incident", {"incident_ids": ["INCI-1"]})
    assert trashed == [{"incident_id": "INCI-1", "ok": True}]
    assert Incident.objects.get(display_id="INCI-1").is_deleted is True
    denied = tenant.writer.post(
        f"{LIST}delete_incident/", {"incident_ids": ["INCI-2"], "permanent": True}, format="json"
    )
    assert denied.status_code == 403
    gone = act(
        tenant.admin, "delete_incident", {"incident_ids": ["INCI-1", "INCI-2"], "permanent": True}
    )
    assert [r["ok"] for r in gone] == [True, True]
    assert Incident.objects.count() == 0


def test_restore_of_a_live_incident_fails(tenant):
    create(tenant.writer)
    (result,) = act(tenant.writer, "restore_incident", {"incident_id": "INCI-1"})
    assert result["ok"] is False and result["error"]["status"] == 404


def test_read_key_cannot_act(tenant):
    create(tenant.writer)
    for name in (
        "inci_resolve",
        "inci_reopen",
        "close_inci_request",
        "delete_incident",
        "restore_incident",
    ):
        response = tenant.reader.post(f"{LIST}{name}/", {"incident_id": "INCI-1"}, format="json")
        assert response.status_code == 403, name


def clients(tenant, count):
    made = []
    for _ in range(count):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=tenant.keys["write"])
        made.append(client)
    return made


def test_concurrent_creates_from_8_threads_get_unique_display_ids(tenant):
    workers = clients(tenant, 8)

    def burst(client):
        return [client.post(LIST, {"summary": "load"}, format="json") for _ in range(25)]

    with ThreadPoolExecutor(8) as pool:
        responses = [r for batch in pool.map(burst, workers) for r in batch]
    assert [r.status_code for r in responses] == [201] * 200
    display_ids = {r.json()["display_id"] for r in responses}
    assert len(display_ids) == 200
    assert display_ids == {f"INCI-{n}" for n in range(1, 201)}
    assert Incident.objects.count() == 200


def test_two_agents_resolving_at_once_get_one_success(tenant):
    for _ in range(10):
        incident = create(tenant.writer)
        barrier = threading.Barrier(2)

        def resolve(client, ref=incident["incident_id"], barrier=barrier):
            barrier.wait()
            return act(client, "inci_resolve", {"incident_id": ref, **RESOLVE})[0]

        with ThreadPoolExecutor(2) as pool:
            results = list(pool.map(resolve, clients(tenant, 2)))
        assert sorted(r["ok"] for r in results) == [False, True]
        loser = next(r for r in results if not r["ok"])
        assert loser["error"]["status"] == 409
        history = Incident.objects.get(id=incident["incident_id"]).history
        assert [e.action for e in history].count("resolved") == 1


def test_concurrent_patches_with_one_if_match_get_exactly_one_success(tenant):
    incident = create(tenant.writer)
    etag = tenant.reader.get(f"{LIST}{incident['incident_id']}/")["ETag"]
    barrier = threading.Barrier(10)

    def edit(args):
        client, n = args
        barrier.wait()
        return client.patch(
            f"{LIST}{incident['incident_id']}/",
            {"basic_info": {"summary": f"edit {n}"}},
            format="json",
            HTTP_IF_MATCH=etag,
        ).status_code

    with ThreadPoolExecutor(10) as pool:
        codes = list(pool.map(edit, zip(clients(tenant, 10), range(10), strict=True)))
    assert sorted(codes) == [200] + [412] * 9
    assert Incident.objects.get(id=incident["incident_id"]).version == 2

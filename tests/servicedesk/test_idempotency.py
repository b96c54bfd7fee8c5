"""Idempotency-Key: a retried POST gets the first answer, never a duplicate."""

import threading
from concurrent.futures import ThreadPoolExecutor

from rest_framework.test import APIClient

from incidents.documents import Incident

LIST = "/ux/sd/inci/incident/"


def post(client, body, key, path=LIST):
    return client.post(path, body, format="json", HTTP_IDEMPOTENCY_KEY=key)


def test_a_retry_replays_the_first_answer(tenant):
    first = post(tenant.writer, {"summary": "printer"}, "k-1")
    again = post(tenant.writer, {"summary": "printer"}, "k-1")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert again["ETag"] == first["ETag"]
    assert Incident.objects.count() == 1


def test_the_same_key_with_another_body_is_422(tenant):
    post(tenant.writer, {"summary": "printer"}, "k-1")
    other = post(tenant.writer, {"summary": "scanner"}, "k-1")
    assert other.status_code == 422
    assert other.json()["errors"][0]["code"] == "idempotency_key_reused"
    assert Incident.objects.count() == 1


def test_keys_are_per_organization(tenant, other_tenant):
    post(tenant.writer, {"summary": "a"}, "shared")
    theirs = post(other_tenant.writer, {"summary": "a"}, "shared")
    assert theirs.status_code == 201 and "Idempotent-Replayed" not in theirs
    assert Incident.objects.count() == 2


def test_key_length_limit(tenant):
    assert post(tenant.writer, {"summary": "a"}, "k" * 255).status_code == 201
    too_long = post(tenant.writer, {"summary": "a"}, "k" * 256)
    assert too_long.status_code == 400
    assert too_long.json()["errors"][0]["code"] == "invalid_idempotency_key"


def test_errors_are_replayed_too_but_not_server_errors(tenant):
    bad = post(tenant.writer, {"summary": ""}, "k-bad")
    assert bad.status_code == 400
    assert post(tenant.writer, {"summary": ""}, "k-bad")["Idempotent-Replayed"] == "true"


def test_twenty_parallel_identical_creates_make_one_incident(tenant):
    def create(_):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=tenant.keys["write"])
        return post(client, {"summary": "once"}, "burst")

    with ThreadPoolExecutor(20) as pool:
        answers = list(pool.map(create, range(20)))
    assert [a.status_code for a in answers] == [201] * 20
    assert len({a.content for a in answers}) == 1
    assert sum(a.get("Idempotent-Replayed") == "true" for a in answers) == 19
    assert Incident.objects.count() == 1


def test_a_repeat_while_the_first_runs_is_409(tenant, settings, monkeypatch):
    from incidents import services

    settings.SERVICEDESK_IDEMPOTENCY_WAIT_SECONDS = 0.2
    started, release = threading.Event(), threading.Event()
    real = services.incident_create

    def slow_create(**kwargs):
        started.set()
        release.wait(10)
        return real(**kwargs)

    monkeypatch.setattr(services, "incident_create", slow_create)
    with ThreadPoolExecutor(1) as pool:
        first = pool.submit(post, tenant.writer, {"summary": "slow"}, "k-slow")
        assert started.wait(10)
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=tenant.keys["write"])
        second = post(client, {"summary": "slow"}, "k-slow")
        release.set()
        assert first.result().status_code == 201
    assert second.status_code == 409
    assert second.json()["errors"][0]["code"] == "idempotency_in_progress"
    assert Incident.objects.count() == 1


def test_bulk_actions_and_conversations_honour_the_key(tenant):
    post(tenant.writer, {"summary": "x"}, "create-1")
    body = {"incident_id": "INCI-1", "resolution_type": "Fixed", "closure_note": "done"}
    first = post(tenant.writer, body, "resolve-1", f"{LIST}inci_resolve/")
    again = post(tenant.writer, body, "resolve-1", f"{LIST}inci_resolve/")
    assert first.json()["results"][0]["ok"] is True
    assert again.json() == first.json() and again["Idempotent-Replayed"] == "true"
    note = {"incident_id": "INCI-1", "kind": "note", "body": "<p>n</p>"}
    c1 = post(tenant.writer, note, "conv-1", "/ux/sd/inci/conversation/")
    c2 = post(tenant.writer, note, "conv-1", "/ux/sd/inci/conversation/")
    assert c1.status_code == c2.status_code == 201 and c1.json() == c2.json()

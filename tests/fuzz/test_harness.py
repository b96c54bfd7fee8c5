"""The fuzz tests' own ground: no network, and seeded objects of every kind."""

from datetime import timedelta

from servicedesk.timeutil import now
from servicedesk.webhooks import services, transport
from servicedesk.webhooks.documents import Delivery
from tests.fuzz.conftest import API, FAKE_ADDRESS, Seed


def test_names_resolve_without_dns_and_nothing_connects_out(seeded: Seed):
    assert transport.resolve_safely("hooks.example.com", 443) == FAKE_ADDRESS
    outcome = transport.post("https://hooks.example.com/servicedesk", b"{}", {})
    assert not outcome.ok
    assert "fuzz tests do not connect" in outcome.error
    # A retry through the API queues; the sender then records a failed attempt, without a
    # packet sent.
    delivery_id = seeded.pools["delivery"][0]
    answer = seeded.tenant.admin.post(
        f"{API}incident/bulk_retry_api/", {"delivery_ids": [delivery_id]}, format="json"
    )
    assert answer.status_code == 200
    [result] = answer.json()["results"]
    assert result["queued"] is True
    # (The seeding's failed sends slowed the endpoint down: look from past its pause.)
    services.deliver_due(clock=lambda: now() + timedelta(hours=1))
    attempted = Delivery.objects(attempt_count__gt=0)
    assert attempted.count() >= 1
    assert all("fuzz tests do not connect" in d.attempts[-1].error for d in attempted)


def test_seed_has_every_kind(seeded: Seed):
    assert set(seeded.pools) == {
        "incident",
        "conversation",
        "attachment",
        "webhook",
        "delivery",
        *("agent", "group", "service", "custom_field", "template", "calendar", "sla_policy"),
    }
    assert all(seeded.pools.values())

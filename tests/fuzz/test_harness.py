"""The fuzz tests' own ground: no network, and seeded objects of every kind."""

from servicedesk.webhooks import transport
from tests.fuzz.conftest import API, FAKE_ADDRESS, Seed


def test_names_resolve_without_dns_and_nothing_connects_out(seeded: Seed):
    assert transport.resolve_safely("hooks.example.com", 443) == FAKE_ADDRESS
    outcome = transport.post("https://hooks.example.com/servicedesk", b"{}", {})
    assert not outcome.ok
    assert "fuzz tests do not connect" in outcome.error
    # A retry through the API records a failed attempt, without a packet sent.
    delivery_id = seeded.pools["delivery"][0]
    answer = seeded.tenant.admin.post(
        f"{API}incident/bulk_retry_api/", {"delivery_ids": [delivery_id]}, format="json"
    )
    assert answer.status_code == 200
    [result] = answer.json()["results"]
    assert result["ok"] is False
    assert "fuzz tests do not connect" in result["error"]["detail"]


def test_seed_has_every_kind(seeded: Seed):
    assert set(seeded.pools) == {
        "incident",
        "conversation",
        "attachment",
        "webhook",
        "delivery",
        *("agent", "group", "service", "custom_field", "template"),
    }
    assert all(seeded.pools.values())

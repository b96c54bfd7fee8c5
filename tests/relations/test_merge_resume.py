"""A merge killed between two writes, and merges racing each other.

A merge writes many documents. Killed after any write, it must leave no source closed
whose conversations are not on the target, and the same call again must finish it. Of
20 merges of overlapping sets run at once, each source is merged exactly once.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from rest_framework.test import APIClient

from conversations.documents import Conversation
from incidents.documents import Incident
from relations.services import merge as merge_service
from tests.relations.helpers import conversations_of, create, merged, note, read, refs_of


class Killed(BaseException):
    """The process dies here (not an error any handler would catch)."""


# Every write a merge makes after its record, in the order it makes them.
STEPS = [
    (merge_service, "_claim"),
    (merge_service.incidents, "incident_commit"),
    (merge_service, "_move"),
    (merge_service.incidents, "incident_close_merged"),
    (merge_service, "_note"),
    (merge_service, "merged_event"),
]


def kill_at(monkeypatch, when: int) -> list:
    """Let `when` writes happen, then die before the next one; answers the steps done."""
    done = []
    for owner, name in STEPS:
        real = getattr(owner, name)

        def step(*args, _real=real, _name=name, **kwargs):
            if len(done) == when:
                raise Killed(_name)
            done.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(owner, name, step)
    return done


def assert_nothing_lost(client, target, sources):
    """No closed source keeps conversations; each source's note is on one of the two."""
    for source in sources:
        shown = read(client, source["incident_id"])
        left = conversations_of(client, source["incident_id"])
        if shown["basic_info"]["state"] == "Closed":
            assert left == [], (source["display_id"], "closed with its conversations")
    on_target = {c["body_text"] for c in conversations_of(client, target["incident_id"])}
    for source in sources:
        left = {c["body_text"] for c in conversations_of(client, source["incident_id"])}
        assert f"note {source['display_id']}" in on_target | left


# 1 claim + 1 target + per source (move, close) + note + event: 8 writes for 2 sources
@pytest.mark.parametrize("when", range(8))
def test_a_merge_killed_after_any_write_is_finished_by_the_same_call(tenant, monkeypatch, when):
    client = tenant.writer
    target = create(client, "target")
    sources = [create(client, f"dup {n}") for n in (1, 2)]
    for source in sources:
        note(client, source["incident_id"], f"note {source['display_id']}")
    refs = [s["display_id"] for s in sources]

    done = kill_at(monkeypatch, when)
    with pytest.raises(Killed):
        merge_service.merge_incidents(
            principal=principal_of(tenant), target_ref="INCI-1", source_refs=refs, note=""
        )
    assert len(done) == when
    assert_nothing_lost(client, target, sources)
    monkeypatch.undo()

    body = merged(client, "INCI-1", refs)
    assert [r["ok"] for r in body["results"]] == [True, True]
    shown = read(client, target["incident_id"])
    assert [e["display_id"] for e in refs_of(shown, "merged")] == refs
    bodies = [c["body_text"] for c in conversations_of(client, target["incident_id"])]
    assert sorted(b for b in bodies if b.startswith("note")) == ["note INCI-2", "note INCI-3"]
    assert sum(b.startswith("Merged into this incident") for b in bodies) == 1
    for source in sources:
        assert read(client, source["incident_id"])["close_info"]["merged_into"]["display_id"] == (
            "INCI-1"
        )
        history = Incident.objects.get(id=source["incident_id"]).history
        assert [e.action for e in history].count("merged_into") == 1
    history = Incident.objects.get(id=target["incident_id"]).history
    assert [e.action for e in history if e.field == "reference"].count("merged") == 2
    # ... and once finished, the same call answers the same.
    assert merged(client, "INCI-1", refs) == body


def principal_of(tenant):
    from servicedesk.tenancy.documents import ApiKey
    from servicedesk.tenancy.principal import Principal

    key = ApiKey.objects.get(organization_id=tenant.org.id, scope="write")
    return Principal(
        key_id=key.id,
        organization_id=tenant.org.id,
        organization_slug=tenant.org.slug,
        scope="write",
    )


def test_20_parallel_merges_of_overlapping_sets_merge_each_source_once(tenant):
    client = tenant.writer
    targets = [create(client, f"target {n}") for n in range(4)]
    sources = [create(client, f"source {n}") for n in range(30)]
    for source in sources:
        note(client, source["incident_id"], f"note {source['display_id']}")
    # Call i merges a window of 8 sources into target i % 4: windows overlap.
    calls = [
        (targets[i % 4]["display_id"], [s["display_id"] for s in sources[i : i + 8]])
        for i in range(0, 20)
    ]
    barrier = threading.Barrier(20)

    def run(call):
        worker = APIClient()
        worker.credentials(HTTP_AUTHORIZATION=tenant.keys["write"])
        barrier.wait()
        return worker.post(
            "/ux/sd/inci/incident/merge/",
            {"target": call[0], "sources": call[1]},
            format="json",
        )

    with ThreadPoolExecutor(20) as pool:
        responses = list(pool.map(run, calls))
    assert [r.status_code for r in responses] == [200] * 20
    wins: dict[str, list[str]] = {}
    for (target, _), response in zip(calls, responses, strict=True):
        for result in response.json()["results"]:
            if result["ok"]:
                wins.setdefault(result["incident_id"], []).append(target)
            else:
                assert result["error"]["code"] == "already_merged", result
    named = {ref for _, refs in calls for ref in refs}
    assert set(wins) == named
    assert all(len(won) == 1 for won in wins.values()), wins
    for ref, (target,) in wins.items():
        source = read(client, ref)
        assert source["close_info"]["merged_into"]["display_id"] == target
        history = Incident.objects.get(id=source["incident_id"]).history
        assert [e.action for e in history].count("merged_into") == 1
        mine = Conversation.objects(body_text=f"note {ref}")
        assert [str(c.incident_id) for c in mine] == [read(client, target)["incident_id"]]
    referenced = [
        entry["display_id"]
        for t in targets
        for entry in refs_of(read(client, t["display_id"]), "merged")
    ]
    assert sorted(referenced) == sorted(named)


def test_a_merge_nobody_sends_again_is_finished_by_the_resume_job(tenant, monkeypatch):
    from datetime import timedelta

    from relations.documents import MergeRecord
    from relations.jobs import resume_merges
    from servicedesk.jobs import registry
    from servicedesk.timeutil import now

    assert "relations.resume_merges" in [job.name for job in registry.all()]
    client = tenant.writer
    target = create(client, "target")
    sources = [create(client, f"dup {n}") for n in (1, 2)]
    for source in sources:
        note(client, source["incident_id"], f"note {source['display_id']}")
    kill_at(monkeypatch, 4)  # the first source is closed, the second not moved
    with pytest.raises(Killed):
        merge_service.merge_incidents(
            principal=principal_of(tenant),
            target_ref="INCI-1",
            source_refs=[s["display_id"] for s in sources],
        )
    monkeypatch.undo()
    assert resume_merges() == 0  # a merge under way is left to its call for a while
    MergeRecord.objects.update(set__created_at=now() - timedelta(minutes=3))
    assert resume_merges() == 1
    for source in sources:
        shown = read(client, source["incident_id"])
        assert shown["close_info"]["merged_into"]["display_id"] == "INCI-1"
    bodies = [c["body_text"] for c in conversations_of(client, target["incident_id"])]
    assert sorted(b for b in bodies if b.startswith("note")) == ["note INCI-2", "note INCI-3"]
    assert MergeRecord.objects.get().state == "done"
    assert resume_merges() == 0
    # The call sent again answers what the job finished.
    assert [r["ok"] for r in merged(client, "INCI-1", ["INCI-2", "INCI-3"])["results"]] == [
        True,
        True,
    ]


def test_the_same_call_sent_twice_at_once_merges_once(tenant):
    client = tenant.writer
    target = create(client, "target")
    sources = [create(client, f"dup {n}") for n in range(5)]
    body = {"target": target["display_id"], "sources": [s["display_id"] for s in sources]}
    barrier = threading.Barrier(4)

    def run(_):
        worker = APIClient()
        worker.credentials(HTTP_AUTHORIZATION=tenant.keys["write"])
        barrier.wait()
        return worker.post("/ux/sd/inci/incident/merge/", body, format="json")

    with ThreadPoolExecutor(4) as pool:
        responses = list(pool.map(run, range(4)))
    assert [r.status_code for r in responses] == [200] * 4
    for response in responses:
        assert [r["ok"] for r in response.json()["results"]] == [True] * 5
    shown = read(client, target["incident_id"])
    assert len(refs_of(shown, "merged")) == 5
    notes = [c for c in conversations_of(client, target["incident_id"]) if c["kind"] == "reply"]
    assert len(notes) == 1
    for source in sources:
        history = Incident.objects.get(id=source["incident_id"]).history
        assert [e.action for e in history].count("merged_into") == 1


def test_what_is_written_on_a_source_while_it_is_merged_follows_it(tenant, monkeypatch):
    """A reply that lands on a source between the move of its conversations and its
    close is moved too, not left on the closed duplicate."""
    client = tenant.writer
    target = create(client, "target")
    source = create(client, "dup")
    note(client, source["incident_id"], "before")
    real = merge_service.incidents.incident_close_merged

    def close_after_a_late_reply(**kwargs):
        note(client, source["incident_id"], "late")
        return real(**kwargs)

    monkeypatch.setattr(merge_service.incidents, "incident_close_merged", close_after_a_late_reply)
    merged(client, target["display_id"], [source["display_id"]])
    assert conversations_of(client, source["incident_id"]) == []
    moved = {
        c["body_text"]: c["merged_from"]["display_id"]
        for c in conversations_of(client, target["incident_id"])
        if c["merged_from"]
    }
    assert moved == {"before": "INCI-2", "late": "INCI-2"}

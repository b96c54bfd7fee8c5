"""Merges against the real server with 2 worker processes: a merge killed between two
writes and finished by the same call, and 20 merges of overlapping sets at once."""

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.integration.conftest import ROOT

MERGE = "/ux/sd/inci/incident/merge/"
CONVERSATIONS = "/ux/sd/inci/conversation/"


def note(api, ref, text):
    reply = api.call(
        "POST", CONVERSATIONS, {"incident_id": ref, "kind": "note", "body": f"<p>{text}</p>"}
    )
    assert reply.status == 201, reply.describe()


def thread_of(api, ref) -> list[dict]:
    reply = api.call("GET", f"{CONVERSATIONS}?incident_id={ref}&items_per_page=100")
    assert reply.status == 200, reply.describe()
    return reply.body


def created(api, summary) -> dict:
    reply = api.create(summary)
    assert reply.status == 201, reply.describe()
    return reply.body


def run_killed(service_env, when, target, sources):
    import os
    import subprocess
    import sys

    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"MONGODB_URI", "MONGODB_DB", "SERVICEDESK_BOOTSTRAP_API_KEYS"}
    }
    env.update(service_env)
    return subprocess.run(  # noqa: S603 - our interpreter, fixed arguments
        [sys.executable, "-m", "tests.integration.merge_kill", str(when), target, *sources],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# 1 claim + 1 target + per source (move, close) + note + event: 8 writes for 2 sources;
# killed after the claim, after the first source's move (before its close), after its
# close, after the second source's close, and before the event.
@pytest.mark.parametrize("when", [1, 3, 4, 6, 7])
def test_a_merge_killed_between_two_writes_is_finished_by_the_same_call(service, service_env, when):
    api = service.api
    target = created(api, "target")
    sources = [created(api, f"dup {n}") for n in (1, 2)]
    for source in sources:
        note(api, source["incident_id"], f"note {source['display_id']}")
    refs = [source["display_id"] for source in sources]

    killed = run_killed(service_env, when, target["display_id"], refs)
    assert killed.returncode == 17, killed.stdout + killed.stderr

    for source in sources:
        shown = api.get(source["incident_id"]).body
        if shown["basic_info"]["state"] == "Closed":
            assert thread_of(api, source["incident_id"]) == [], "closed with its conversations"

    # Killed inside a source's transaction (DocumentDB), the merge left it open: it holds
    # that source's documents until the server drops it (30 s), and the call waits.
    reply = api.call("POST", MERGE, {"target": target["display_id"], "sources": refs}, timeout=90)
    assert reply.status == 200, reply.describe() + service.log_tail()
    assert [r["ok"] for r in reply.body["results"]] == [True, True], reply.body["results"]
    bodies = [c["body_text"] for c in thread_of(api, target["incident_id"])]
    assert sorted(b for b in bodies if b.startswith("note")) == ["note INCI-2", "note INCI-3"]
    assert sum(b.startswith("Merged into this incident") for b in bodies) == 1
    merged = [e for e in api.get(target["incident_id"]).body["reference"] if e["type"] == "merged"]
    assert [e["display_id"] for e in merged] == refs
    for source in sources:
        shown = api.get(source["incident_id"]).body
        assert shown["close_info"]["merged_into"]["display_id"] == target["display_id"]
        assert thread_of(api, source["incident_id"]) == []


def test_20_parallel_merges_of_overlapping_sets_merge_each_source_once(service):
    api = service.api
    targets = [created(api, f"target {n}") for n in range(4)]
    sources = [created(api, f"source {n}") for n in range(30)]
    for source in sources:
        note(api, source["incident_id"], f"note {source['display_id']}")
    calls = [
        (targets[i % 4]["display_id"], [s["display_id"] for s in sources[i : i + 8]])
        for i in range(20)
    ]
    start = threading.Barrier(20)

    def run(call):
        start.wait(timeout=30)
        return api.call("POST", MERGE, {"target": call[0], "sources": call[1]}, timeout=120)

    with ThreadPoolExecutor(20) as pool:
        replies = list(pool.map(run, calls))
    statuses = Counter(reply.status for reply in replies)
    assert statuses == {200: 20}, [r.describe() for r in replies if r.status != 200][:3]
    wins: dict[str, list[str]] = {}
    for (target, _), reply in zip(calls, replies, strict=True):
        for result in reply.body["results"]:
            if result["ok"]:
                wins.setdefault(result["incident_id"], []).append(target)
            else:
                assert result["error"]["code"] == "already_merged", result
    named = {ref for _, refs in calls for ref in refs}
    assert set(wins) == named
    assert all(len(won) == 1 for won in wins.values()), wins
    referenced = Counter()
    for target in targets:
        for item in api.get(target["incident_id"]).body["reference"]:
            referenced[item["display_id"]] += 1
    assert referenced == Counter(named)
    for ref, (target,) in wins.items():
        shown = api.get(ref).body
        assert shown["close_info"]["merged_into"]["display_id"] == target
        assert thread_of(api, shown["incident_id"]) == []
        history = service.db["incidents"].find_one({"display_id": ref})["history"]
        assert [e["action"] for e in history].count("merged_into") == 1

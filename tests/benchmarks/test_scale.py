"""The scale benchmark (`python -m benchmarks --only scale`) runs end to end on tiny sizes,
so it cannot rot between the runs on a real server."""

import random
import time

import pytest

from benchmarks import cases, env, report, scale, seed

SIZES = (50, 200)
COLUMNS = [key for key, _, _ in scale.TARGETS]


@pytest.fixture
def ctx(clean_db, settings):
    settings.ROOT_URLCONF = "benchmarks.floor"  # as `python -m benchmarks` runs: the floor views
    tenant = env.Tenant("bench")
    templates = seed.make_templates(tenant.principal, random.Random(1))
    context = cases.Context(
        plan=cases.Plan(embedded=env.is_embedded(), quick=True, max_reps=2),
        wsgi=env.Wsgi(tenant.key),
        tenant=tenant,
        templates=templates,
    )
    context.state["db"] = clean_db.name
    return context


def machine() -> dict:
    return {
        "date": "today",
        "nproc": 2,
        "cpu": "cpu",
        "python": "CPython",
        "os": "Linux",
        "store": "store",
        "server": "server",
        "versions": "versions",
        "commit": "commit",
        "elapsed": 1.0,
        "mode": "--only scale --scale 50,200",
        "seed": 12,
        "seed_seconds": 0.1,
    }


def test_each_size_is_seeded_measured_and_tabled(ctx):
    scale.run(ctx, SIZES)

    results = ctx.state["scale"]
    assert [result.size for result in results] == list(SIZES)
    for result in results:
        assert sorted(result.medians) == sorted(COLUMNS)
        assert all(a > 0 and b > 0 for a, b in result.medians.values())
    # the organization holds what was seeded, plus the incidents the create rows made
    query = {"organization_id": ctx.state["scale_org"], "is_deleted": False}
    assert ctx.collection.count_documents(query) >= SIZES[-1]
    text = report.render(ctx, machine())
    assert "### Scale: app beside raw pymongo at each size" in text
    lines = [line for line in text.splitlines() if line.startswith(("| 50 |", "| 200 |"))]
    assert len(lines) == 2
    assert all(line.count("x") >= len(COLUMNS) for line in lines)
    # the growth target applies beyond the smallest size, with a verdict
    assert "≤ 2x" in lines[1].split("|")[-2]
    assert "≤ 2x" not in lines[0].split("|")[-2]
    targets = [row.title for row in ctx.rows if row.target is not None]
    assert "first page of 50, newest first (200)" in targets
    assert "create one incident (200)" in targets


def test_seeding_stops_at_the_deadline_and_measures_the_size_reached(ctx, monkeypatch):
    monkeypatch.setattr(scale, "SEED_BATCH", 20)

    scale.run(ctx, SIZES, seed_until=time.time() - 1)  # already past: one batch, then stop

    assert [result.size for result in ctx.state["scale"]] == [20]
    assert any("stopped at the --seed-until time with 20 of the 50" in n for n in ctx.notes)


def test_seeding_with_two_threads_numbers_every_incident_once(ctx):
    organization = env.Tenant("bench-threads")
    inserted = seed.clone(organization.principal, ctx.templates, 53, batch_size=5, threads=2)

    assert inserted == 53
    numbers = sorted(
        doc["display_number"]
        for doc in ctx.collection.find({"organization_id": organization.org.id})
    )
    assert numbers == list(range(1, 54))
    counter = ctx.collection.database["counters"].find_one(
        {"_id": f"{organization.org.id}:incident"}
    )
    assert counter["seq"] == 53

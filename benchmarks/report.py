"""The table of results, printed and saved in RESULTS.md (one section per store)."""

import re
from pathlib import Path

from benchmarks.harness import EN_DASH, fmt_ns, fmt_samples

MARK = {True: "met", False: "**missed**", None: ""}

HEADER = """# Benchmark results

Made by `make bench` (`python -m benchmarks`); see `benchmarks/__main__.py`. Each
measurement alternates the app (A) and its baseline (B) in one process on one
store; a time is the median with [p25\u2013p75], a ratio is the ratio of the
medians with [p25\u2013p75] of the per-pair ratios. One section per store; a run
replaces its own section.
"""

NOTES_EMBEDDED = """\
- **The embedded store (mongomock) is a correctness double, not a performance proxy.**
  Every query there scans every stored document in Python and copies every match
  (the whole organization for a sorted list, before skip/limit), so database time
  grows with the store and dwarfs the app on list requests; ratios against the raw
  path mostly compare mongomock with itself. Use the server section for decisions.
- Round trips cannot be counted here: mongomock publishes no command events.
- Fewer repetitions than on a server (mongomock list requests take seconds); the
  100k growth step runs only with `--full` (25 to 40 s per list request); the
  memory child serves its list requests from a store of 200 incidents.
"""

NOTES_COMMON = """\
- Rate-limit windows of an hour (`SERVICEDESK_RATE_LIMIT_WINDOW_SECONDS=3600`): a
  worker keeps keys and webhook endpoints for a window
  (`servicedesk/tenancy/keycache.py`, `webhooks.services._subscribed`), so the times
  and counts are those of its steady state; its first request in a window
  adds the key lookup, and its first write the endpoint read.
- Requests go through Django's WSGIHandler in-process (environ built by RequestFactory
  before the clock starts; the body is read and the response closed inside it), with
  the full middleware stack, an admin key in `Authorization` and rate limiting on
  (limits raised so the benchmark is never refused). LOG_LEVEL=WARNING: the
  one-line-per-request log is not written.
- Raw baselines: pymongo on the same store plus a hand-written projection
  (`benchmarks/projection.py`) and `orjson.dumps`; the raw list also counts
  (`count_documents`), as the app does for X-Total-Count. The hand-written
  projection is checked equal to the app's output before timing.
- Seeding: a dozen incidents made by `incident_create` (and the workflow), cloned
  with `insert_many`.
"""


def _ratio(row) -> str:
    if row.pair is None:
        return "-"
    pair = row.pair
    return f"{pair.ratio:.2f}x [{pair.ratio_p25:.2f}{EN_DASH}{pair.ratio_p75:.2f}]"


def _cell(label: str, samples) -> str:
    if samples is None:
        return label
    return f"{label}: {fmt_samples(samples)}"


def summary(ctx) -> list[str]:
    """One line per target of the brief: met, missed, or not measured here."""
    out = ["### Targets", ""]
    for row in ctx.rows:
        if row.target is not None:
            ratio = f"{row.pair.ratio:.2f}x" if row.pair else "not measured"
            verdict = MARK[row.met] or "not measured"
            out.append(f"- {row.title}: ≤ {row.target:g}x: {ratio}, {verdict}")
    counted = [t for t in ctx.trips if t.met is not None]
    if counted:
        missed = [t for t in counted if t.met is False]
        out.append(
            f"- round trips: {len(counted) - len(missed)} of {len(counted)} met"
            + (f"; missed: {', '.join(t.request for t in missed)}" if missed else "")
        )
    elif ctx.trips:
        out.append("- round trips: not measured (no command events on this store)")
    else:
        out.append("- round trips: not measured in this run (see --only)")
    for mem in ctx.memory:
        if mem.target_mib is not None:
            out.append(
                f"- {mem.title}: ≤ {mem.target_mib:g} MiB: {mem.growth_mib:.1f} MiB, "
                f"{MARK[mem.met]}"
            )
    return [*out, ""]


def _trips(trip) -> str:
    return "-" if trip.trips is None else f"{trip.trips:g}"


def _target(trip) -> str:
    return f"≤ {trip.target:g}" if trip.target is not None else ""


def _mark(trip) -> str:
    return MARK[trip.met] if trip.met is not None else ""


def render(ctx, machine: dict) -> str:
    title = "embedded store (mongomock)" if ctx.plan.embedded else machine["server"]
    lines = [
        f"## {title}",
        "",
        f"- date: {machine['date']}; commit {machine['commit']}",
        f"- machine: {machine['nproc']} CPUs ({machine['cpu']}), {machine['python']}, "
        f"{machine['os']}",
        f"- store: {machine['store']}; {machine['server']}",
        f"- {machine['versions']}",
        f"- run: `{('python -m benchmarks ' + machine['mode']).strip()}`; "
        f"{machine['seed']:,} incidents seeded in "
        f"{machine['seed_seconds']:.1f} s; whole run {machine['elapsed']:.0f} s",
        "",
        *summary(ctx),
    ]
    if ctx.rows:
        lines += [
            "### Time",
            "",
            "| Measurement | A (app) | B (baseline) | A/B | Target | |",
            "|---|---|---|---|---|---|",
        ]
    for row in ctx.rows:
        pair = row.pair
        target = f"≤ {row.target:g}x" if row.target is not None else ""
        title = row.title + (f" — {row.note}" if row.note else "")
        lines.append(
            f"| {title} | {_cell(row.a_label, pair.a if pair else None)} "
            f"| {_cell(row.b_label, pair.b if pair else None)} | {_ratio(row)} | {target} "
            f"| {MARK[row.met] if row.target is not None else ''} |"
        )
    floor = ctx.medians.get("floor")
    if floor:
        shares = [
            f"{name} {floor / ctx.medians[name]:.0%}"
            for name in ("list", "retrieve", "create")
            if name in ctx.medians
        ]
        if shares:
            lines += [
                "",
                f"Framework floor (bare authenticated DRF view, {fmt_ns(floor)}) as a share of "
                f"the median request: {', '.join(shares)}.",
            ]
    for table in ctx.tables:
        lines += ["", *table]
    if ctx.trips:
        lines += _trip_table(ctx.trips)
    if ctx.memory:
        lines += _memory_table(ctx.memory)
    lines += ["", "### Notes", ""]
    if ctx.plan.embedded:
        lines.append(NOTES_EMBEDDED.rstrip())
    lines.append(NOTES_COMMON.rstrip())
    lines += [f"- {note}" for note in ctx.notes]
    return "\n".join(lines) + "\n"


def _trip_table(trips) -> list[str]:
    lines = [
        "",
        "### Database round trips per request",
        "",
        "| Request | Round trips | Commands | Target | |",
        "|---|---|---|---|---|",
    ]
    for trip in trips:
        lines.append(
            f"| {trip.request} | {_trips(trip)} | {trip.commands} | {_target(trip)} "
            f"| {_mark(trip)} |"
        )
    lines += [
        "",
        "Targets: ≤ 3 round trips per request including authentication, constant in the "
        "page size; a bulk call ≤ 3 per incident. The worker keeps keys and webhook "
        "endpoints for the rate-limit window (`ratelimit.workers_keep`).",
    ]
    return lines


def _memory_table(memory) -> list[str]:
    lines = [
        "",
        "### Memory",
        "",
        "| Measurement | Before (MiB) | Peak (MiB) | Growth (MiB) | Target | | Notes |",
        "|---|---|---|---|---|---|---|",
    ]
    for mem in memory:

        def mib(value):
            return "-" if value is None else f"{value:.1f}"

        target = f"≤ {mem.target_mib:g} MiB" if mem.target_mib is not None else ""
        lines.append(
            f"| {mem.title} | {mib(mem.before_mib)} | {mib(mem.peak_mib)} "
            f"| {mib(mem.growth_mib)} | {target} | {MARK[mem.met] if target else ''} "
            f"| {mem.note} |"
        )
    return lines


def save(path: Path, text: str, *, section: str) -> None:
    begin, end = f"<!-- section:{section} -->", f"<!-- /section:{section} -->"
    block = f"{begin}\n{text}{end}\n"
    old = path.read_text() if path.exists() else HEADER
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end) + r"\n?", re.S)
    if pattern.search(old):
        new = pattern.sub(lambda _: block, old)
    else:
        new = old.rstrip("\n") + "\n\n" + block
    path.write_text(new)

"""`python -m benchmarks [--quick] [--only NAME ...] [--full] [--profile NAME]`.

Seeds an organization with 10,000 incidents (2,000 with --quick), runs the
measurements, prints one table and saves it in benchmarks/RESULTS.md (a section
per store: the embedded one, or the server of MONGODB_URI). Without MONGODB_URI
the embedded store (mongomock) is used; with it, a database of its own
(MONGODB_DB, or `servicedesk_bench_<random>`), dropped at the end.

--only runs some measurements (names below) and saves nothing unless --save;
--section names the RESULTS.md section it replaces (a long growth run on a slow
server gets a section of its own).
--only scale grows one organization to each size of --scale (default 10000,100000,
1000000) and measures the list, cursor and offset pages, retrieve, create and the count
beside raw pymongo at each (benchmarks/scale.py); it runs only when asked for.
--profile NAME runs cProfile over the app side of one measurement and prints the
top functions instead of timing (e.g. `--profile list`).
"""

import argparse
import os
import platform
import random
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks import env

STEPS = (
    "serialization",
    "requests",
    "floor",
    "pages",
    "bulk",
    "roundtrips",
    "growth",
    "memory",
    "http",
    "sla",
    "scale",
)
# Steps a plain run (no --only) leaves out: the scale step seeds up to a million incidents.
ON_REQUEST = ("scale",)
PROFILE_KEYS = (
    "serialization, serialization_generic, list, retrieve, create, floor, page_far, bulk, "
    "growth_10k_1k, growth_100k_10k"
)
DEFAULT_SCALE = (10_000, 100_000, 1_000_000)
RESULTS = Path(__file__).with_name("RESULTS.md")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer incidents and repetitions")
    parser.add_argument("--only", action="append", choices=STEPS, help="run only these steps")
    parser.add_argument(
        "--full", action="store_true", help="run the 100k growth step on the embedded store too"
    )
    parser.add_argument("--seed", type=int, help="incidents in the main organization")
    parser.add_argument(
        "--growth",
        help="comma-separated sizes of the growth organizations (e.g. 1000,100000; '' for none)",
    )
    parser.add_argument(
        "--scale",
        default=",".join(str(n) for n in DEFAULT_SCALE),
        help="comma-separated sizes the scale step grows its organization to, in turn",
    )
    parser.add_argument(
        "--seed-until",
        metavar="HH:MM",
        help="UTC time at which the scale step stops seeding and measures the size reached",
    )
    parser.add_argument("--max-reps", type=int, help="at most this many samples per variant")
    parser.add_argument("--memory-requests", type=int, help="list requests of the memory step")
    parser.add_argument(
        "--reps",
        action="append",
        default=[],
        metavar="NAME=N",
        help="samples per variant of one measurement (serialization, list, retrieve, create, "
        "bulk, growth, growth_big, page, floor)",
    )
    parser.add_argument(
        "--profile", metavar="NAME", help=f"cProfile the app side of one of: {PROFILE_KEYS}"
    )
    parser.add_argument("--profile-calls", type=int, default=20)
    parser.add_argument("--save", action="store_true", help="save RESULTS.md after --only")
    parser.add_argument(
        "--section",
        help="the RESULTS.md section to replace (default: embedded, or server with MONGODB_URI); "
        "e.g. server-growth for a long --only growth run of its own",
    )
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    env.setup_django()

    from django.test.utils import override_settings

    from benchmarks import cases, report, scale, seed

    override_settings(ROOT_URLCONF="benchmarks.floor").enable()
    db = env.connect()
    plan = cases.Plan(
        embedded=env.is_embedded(),
        quick=args.quick,
        full=args.full,
        seed_size=args.seed,
        growth=None
        if args.growth is None
        else tuple(int(n) for n in args.growth.split(",") if n.strip()),
        max_reps=args.max_reps,
        memory_requests=args.memory_requests,
        reps_override={name: int(n) for name, n in (item.split("=", 1) for item in args.reps)},
    )
    print(f"store: {env.store_name()}, database {db}", flush=True)
    try:
        tenant = env.Tenant("bench")
        seeding = time.perf_counter()
        templates = seed.make_templates(tenant.principal, random.Random(1))
        inserted = seed.clone(tenant.principal, templates, plan.seed)
        seed_seconds = time.perf_counter() - seeding
        print(f"seeded {inserted + len(templates):,} incidents in {seed_seconds:.1f} s", flush=True)
        ctx = cases.Context(
            plan=plan,
            wsgi=env.Wsgi(tenant.key),
            tenant=tenant,
            templates=templates,
            profile=args.profile,
            profile_calls=args.profile_calls,
        )
        ctx.state["db"] = db
        ctx.state["seed_seconds"] = seed_seconds
        steps = args.only or [step for step in STEPS if step not in ON_REQUEST]
        if args.profile:
            steps = [step for step in STEPS if step in steps and step not in ("roundtrips",)]
            steps = [s for s in steps if s not in ("memory", "http")]
        for step in STEPS:
            if step not in steps:
                continue
            print(f"[{step}]", flush=True)
            if step == "scale":
                sizes = tuple(int(n) for n in args.scale.split(",") if n.strip())
                scale.run(ctx, sizes, seed_until=seed_until(args.seed_until))
                continue
            getattr(cases, {"roundtrips": "round_trips"}.get(step, step))(ctx)
    finally:
        if not env.is_embedded():
            env.drop(db)
    if args.profile:
        return 0
    elapsed = time.perf_counter() - started
    machine = describe_machine(plan, elapsed, ctx)
    text = report.render(ctx, machine)
    print()
    print(text)
    if not args.only or args.save:
        section = args.section or ("embedded" if plan.embedded else "server")
        report.save(RESULTS, text, section=section)
        print(f"saved {RESULTS}")
    print(f"total {elapsed:.0f} s")
    return 0


def seed_until(value: str | None) -> float | None:
    """`HH:MM` (UTC, today; tomorrow when already past) as a time.time()."""
    if not value:
        return None
    hour, minute = (int(part) for part in value.split(":"))
    moment = datetime.now(UTC).replace(hour=hour, minute=minute, second=0, microsecond=0)
    if moment.timestamp() < time.time():
        moment += timedelta(days=1)
    return moment.timestamp()


def describe_machine(plan, elapsed: float, ctx) -> dict:
    import django
    import mongoengine
    import pymongo
    import rest_framework

    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    server = "mongomock " + __import__("mongomock").__version__
    if not plan.embedded:
        import mongoengine as me

        info = me.get_db().command("buildInfo")
        server = f"version {info.get('version')}"
    try:
        commit = subprocess.run(
            ["git", "describe", "--always", "--dirty"],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
            cwd=Path(__file__).parent,
        ).stdout.strip()
    except OSError:
        commit = "unknown"
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": cpu,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "os": platform.platform(),
        "store": env.store_name(),
        "server": server,
        "versions": f"Django {django.get_version()}, DRF {rest_framework.VERSION}, "
        f"mongoengine {mongoengine.__version__}, pymongo {pymongo.version}",
        "commit": commit,
        "elapsed": elapsed,
        "mode": " ".join(sys.argv[1:]),
        "seed": plan.seed,
        "seed_seconds": ctx.state.get("seed_seconds", 0.0),
    }


if __name__ == "__main__":
    sys.exit(main())

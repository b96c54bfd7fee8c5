"""The measurements. Each adds rows to the context; `__main__` prints and saves them.

Every timed pair is the app (A) beside the simplest code giving the same answer
(B), alternated in the same process on the same store.
"""

import copy
import cProfile
import io
import itertools
import pstats
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path

import orjson
from bson import ObjectId

from benchmarks import env, seed
from benchmarks.floor import FLOOR_PATH, PLAIN_PATH
from benchmarks.harness import Pair, compare, sample
from benchmarks.projection import (
    hand_written,
    hand_written_body,
    read_path,
    serializer_body,
)
from incidents.representation import PROJECTION  # the app's fetch, for the raw side too
from servicedesk import keyset

API = "/ux/sd/inci/incident/"
PAGE = 50
SORT = [("creation_time", -1), ("display_number", -1)]


@dataclass
class Row:
    key: str
    title: str
    a_label: str
    b_label: str
    pair: Pair | None
    target: float | None = None
    note: str = ""

    @property
    def met(self) -> bool | None:
        if self.pair is None or self.target is None:
            return None
        return self.pair.ratio <= self.target


@dataclass
class TripRow:
    request: str
    trips: float | None
    commands: str = ""
    target: float | None = 3
    verdict: bool | None = None  # for rows that are a yes/no rather than a count

    @property
    def met(self) -> bool | None:
        if self.verdict is not None:
            return self.verdict
        if self.trips is None or self.target is None:
            return None
        return self.trips <= self.target


@dataclass
class MemoryRow:
    title: str
    before_mib: float | None
    peak_mib: float | None
    growth_mib: float | None
    target_mib: float | None = None
    note: str = ""

    @property
    def met(self) -> bool | None:
        if self.growth_mib is None or self.target_mib is None:
            return None
        return self.growth_mib <= self.target_mib


@dataclass
class Plan:
    """Sizes and repetitions; smaller on the embedded store and with --quick.

    `seed_size`, `growth`, `max_reps` and `memory_requests` override the defaults
    (for slow servers, or a quick look at a big store).
    """

    embedded: bool
    quick: bool
    full: bool = False
    seed_size: int | None = None
    growth: tuple[int, ...] | None = None
    max_reps: int | None = None
    memory_requests: int | None = None
    reps_override: dict[str, int] = field(default_factory=dict)

    @property
    def seed(self) -> int:
        if self.seed_size is not None:
            return self.seed_size
        return 2_000 if self.quick else 10_000

    @property
    def growth_sizes(self) -> tuple[int, ...]:
        if self.growth is not None:
            return self.growth
        if self.quick:
            return (1_000,)
        if self.embedded and not self.full:
            return (1_000,)  # 100k on mongomock: ~40 s per list request, see RESULTS.md
        return (1_000, 100_000)

    @property
    def list_requests(self) -> int:
        if self.memory_requests is not None:
            return self.memory_requests
        return 200 if self.quick else 1_000

    def reps(self, name: str) -> int:
        # (real server, embedded store); --quick takes about a third.
        table = {
            "serialization": (40, 30),
            "list": (30, 5),
            "retrieve": (50, 20),
            "create": (40, 15),
            "bulk": (5, 2),
            "growth": (20, 4),
            "growth_big": (10, 3),
            "page": (20, 4),
            "floor": (60, 40),
        }
        if name in self.reps_override:
            return self.reps_override[name]
        real, embedded = table[name]
        n = embedded if self.embedded else real
        n = max(2, n // 3) if self.quick else n
        return min(n, self.max_reps) if self.max_reps else n


@dataclass
class Context:
    plan: Plan
    wsgi: env.Wsgi
    tenant: env.Tenant
    templates: list[dict]
    profile: str | None = None
    profile_calls: int = 20
    rows: list[Row] = field(default_factory=list)
    trips: list[TripRow] = field(default_factory=list)
    memory: list[MemoryRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    tables: list[list[str]] = field(default_factory=list)  # extra markdown (the scale step)
    medians: dict[str, float] = field(default_factory=dict)
    state: dict = field(default_factory=dict)

    @property
    def collection(self):
        from incidents.documents import Incident

        return Incident._get_collection()

    @property
    def org_filter(self) -> dict:
        return {"organization_id": self.tenant.org.id, "is_deleted": False}

    def measure(
        self,
        key: str,
        title: str,
        a: Callable[[], object],
        b: Callable[[], object],
        *,
        a_label: str,
        b_label: str,
        reps: int,
        inner: int = 1,
        warmup: int = 2,
        before: Callable[[int], None] | None = None,
        target: float | None = None,
        note: str = "",
    ) -> Row:
        if self.profile is not None:
            pair = None
            if self.profile == key:
                profile_calls(key, a, self.profile_calls, before)
        else:
            print(f"  {title} ...", flush=True)
            pair = compare(a, b, reps=reps, inner=inner, warmup=warmup, before=before)
            self.medians[key] = pair.a.median
            self.medians[f"{key}:baseline"] = pair.b.median
        row = Row(key, title, a_label, b_label, pair, target, note)
        self.rows.append(row)
        return row


def profile_calls(key: str, fn, calls: int, before=None) -> None:
    """cProfile `calls` calls of `fn`; print the top functions by own and cumulative time."""
    profiler = cProfile.Profile()
    for i in range(2):
        if before:
            before(-1 - i)
        sample(fn)
    for i in range(calls):
        if before:
            before(i)
        prepare = getattr(fn, "prepare", None)
        if prepare:
            prepare()
        profiler.enable()
        fn()
        profiler.disable()
    stats = pstats.Stats(profiler)
    total = sum(row[2] for row in stats.stats.values())  # own time of every function
    by_package: dict[str, float] = {}
    for (filename, _, _), row in stats.stats.items():
        package = _package_of(filename)
        by_package[package] = by_package.get(package, 0.0) + row[2]
    print(f"\n=== profile of {key} ({calls} calls, {total / calls * 1000:.2f} ms a call) ===")
    print("own time by package:")
    for package, seconds in sorted(by_package.items(), key=lambda item: -item[1])[:15]:
        print(f"  {seconds / total:6.1%}  {package}")
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(35)
        print(f"\n--- by {order} ---")
        print(out.getvalue().replace(str(Path.cwd()) + "/", ""))


def _package_of(filename: str) -> str:
    """`django`, `rest_framework`, `incidents`, ... of a profiled function's file."""
    if "site-packages/" in filename:
        return filename.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    cwd = str(Path.cwd()) + "/"
    if filename.startswith(cwd):
        parts = filename[len(cwd) :].split("/")
        return "/".join(parts[:2]) if len(parts) > 2 else parts[0]
    if filename.startswith("<") or filename == "~":
        return "builtins (C functions)"
    return "stdlib"


# --- serialization --------------------------------------------------------------------------


def first_page_raw(ctx: Context, size: int = PAGE) -> list[dict]:
    return list(ctx.collection.find(ctx.org_filter, PROJECTION).sort(SORT).limit(size))


def serialization(ctx: Context) -> None:
    docs = first_page_raw(ctx)
    name, app = read_path()
    expected = orjson.loads(hand_written_body(docs))
    note = ""
    if orjson.loads(app(docs)) != expected:
        note = "**output differs from the hand-written projection**"
    ctx.measure(
        "serialization",
        f"serialization, page of {PAGE} (database excluded)",
        lambda: app(docs),
        lambda: hand_written_body(docs),
        a_label=name,
        b_label="hand-written dicts + orjson.dumps",
        reps=ctx.plan.reps("serialization"),
        inner=5,
        target=3,
        note=note,
    )
    legacy_note = ""
    if orjson.loads(serializer_body(docs)) != expected:
        legacy_note = "**output differs from the hand-written projection**"
    ctx.measure(
        "serialization_generic",
        f"serialization, page of {PAGE}, generic serializer (for reference)",
        lambda: serializer_body(docs),
        lambda: hand_written_body(docs),
        a_label="_from_son + IncidentSerializer(many=True).data + JSONRenderer",
        b_label="hand-written dicts + orjson.dumps",
        reps=max(5, ctx.plan.reps("serialization") // 2),
        inner=2,
        note=legacy_note or "not a target: the path the list used before the lean renderer",
    )


# --- list, retrieve, create -----------------------------------------------------------------


def raw_list(ctx: Context, size: int = PAGE, page: int = 1, org_id=None) -> Callable[[], bytes]:
    collection = ctx.collection
    query = {"organization_id": org_id or ctx.tenant.org.id, "is_deleted": False}

    def run():
        total = collection.count_documents(query)
        cursor = collection.find(query, PROJECTION).sort(SORT).skip((page - 1) * size).limit(size)
        body = orjson.dumps([hand_written(doc) for doc in cursor])
        return total, body

    return run


def pick_incident(ctx: Context) -> dict:
    """An incident from the middle of the organization, as stored."""
    total = ctx.collection.count_documents(ctx.org_filter)
    return next(ctx.collection.find(ctx.org_filter, {"_id": 1}).sort(SORT).skip(total // 2))


def query_plans(ctx: Context) -> None:
    """Notes on how the server runs the list and the scoped lookups (explain)."""
    if ctx.plan.embedded:
        return
    collection = ctx.collection
    some = pick_incident(ctx)["_id"]
    queries = {
        "list (organization, not deleted, sorted)": (ctx.org_filter, SORT),
        "_id alone": ({"_id": some}, None),
        "_id + organization + not deleted (retrieve, every write)": (
            {"_id": some, **ctx.org_filter},
            None,
        ),
    }
    for label, (query, sort) in queries.items():
        cursor = collection.find(query, PROJECTION).limit(PAGE)
        if sort:
            cursor = cursor.sort(sort)
        plan = cursor.explain()
        started = time.perf_counter()
        list(collection.find(query, PROJECTION).limit(1))
        took = (time.perf_counter() - started) * 1000
        winning = plan.get("queryPlanner", {}).get("winningPlan", {})
        stages = []
        while winning:
            stages.append(winning.get("stage", "?"))
            winning = winning.get("inputStage")
        how = " <- ".join(stages)
        ctx.notes.append(f"query plan, {label}: {how}; a find_one of it took {took:.1f} ms")
    total = collection.estimated_document_count()
    started = time.perf_counter()
    collection.count_documents(ctx.org_filter)
    took = time.perf_counter() - started
    ctx.notes.append(
        f"count_documents of the organization took {took * 1000:.0f} ms with {total:,} "
        "documents in the collection"
    )


def requests(ctx: Context) -> None:
    query_plans(ctx)
    wsgi = ctx.wsgi
    collection = ctx.collection
    app_list = wsgi.timed("get", API, {"items_per_page": str(PAGE)})
    ctx.measure(
        "list",
        f"list, first page of {PAGE} (WSGI)",
        app_list,
        raw_list(ctx),
        a_label=f"GET incident/?items_per_page={PAGE}",
        b_label="count_documents + find + hand-written + orjson",
        reps=ctx.plan.reps("list"),
        warmup=1 if ctx.plan.embedded else 2,
        target=1.5,
    )

    incident_id = pick_incident(ctx)["_id"]
    query = {"_id": incident_id, **ctx.org_filter}

    def raw_retrieve():
        return orjson.dumps(hand_written(collection.find_one(query, PROJECTION)))

    ctx.measure(
        "retrieve",
        "retrieve one incident (WSGI)",
        wsgi.timed("get", f"{API}{incident_id}/"),
        raw_retrieve,
        a_label="GET incident/{id}/",
        b_label="find_one + hand-written + orjson",
        reps=ctx.plan.reps("retrieve"),
        target=1.5,
    )

    body = seed.create_body(random.Random(7), 3)
    template = ctx.templates[3]
    raw_org = ObjectId()  # raw inserts go to an organization of their own: no list noise
    numbers = iter(range(1, 10**9))

    def raw_create():
        doc = copy.copy(template)
        number = next(numbers)
        doc.update(
            _id=ObjectId(),
            organization_id=raw_org,
            display_number=number,
            display_id=f"INCI-{number}",
            number_key=f"{raw_org}:INCI-{number}",
        )
        collection.insert_one(doc)
        return orjson.dumps(hand_written(doc))

    ctx.measure(
        "create",
        "create one incident (WSGI)",
        wsgi.timed("post", API, body),
        raw_create,
        a_label="POST incident/ (realistic body)",
        b_label="insert_one of the same document + hand-written + orjson",
        reps=ctx.plan.reps("create"),
        target=2,
        note="the raw insert neither validates, numbers, records the requester nor emits events",
    )


# --- the framework floor ----------------------------------------------------------------------


def floor(ctx: Context) -> None:
    ctx.measure(
        "floor",
        "framework floor: constant answers (WSGI)",
        ctx.wsgi.timed("get", FLOOR_PATH),
        ctx.wsgi.timed("get", PLAIN_PATH),
        a_label="bare authenticated DRF view (key lookup, rate limit, DRF)",
        b_label="plain Django view outside the API prefix (middleware only)",
        reps=ctx.plan.reps("floor"),
        inner=5,
    )


# --- bulk -------------------------------------------------------------------------------------


def open_incident_ids(ctx: Context, org_id=None) -> list[str]:
    from incidents.transitions import is_open

    query = {"organization_id": org_id or ctx.tenant.org.id, "is_deleted": False}
    found = ctx.collection.find(query, {"_id": 1, "basic_info.status_id": 1}).sort(
        "display_number", 1
    )
    return [str(doc["_id"]) for doc in found if is_open(doc["basic_info"]["status_id"])]


def workflow(ctx: Context, needed: int) -> tuple[env.Wsgi, list[str]]:
    """(client, open incident ids) of an organization kept for the workflow steps.

    The resolves of the bulk and round-trip steps need fresh open incidents; they get
    an organization of their own, filled with open clones, so the main organization
    stays as seeded and a small --seed still has enough.
    """
    state = ctx.state.setdefault("workflow", {"used": 0})
    if "tenant" not in state:
        tenant = env.Tenant("bench-workflow")
        state.update(tenant=tenant, wsgi=env.Wsgi(tenant.key), pool=[])
    tenant = state["tenant"]
    free = len(state["pool"]) - state["used"]
    if free < needed:
        have = ctx.collection.count_documents({"organization_id": tenant.org.id})
        seed.clone(tenant.principal, ctx.templates, have + needed, open_only=True)
        state["pool"] = open_incident_ids(ctx, tenant.org.id)
        state["used"] = 0
    ids = state["pool"][state["used"] : state["used"] + needed]
    state["used"] += needed
    return state["wsgi"], ids


class BulkCalls:
    """Prepared (untimed) POSTs of one resolve call for many ids, or of one call per id."""

    def __init__(self, wsgi: env.Wsgi, single: bool):
        self.wsgi = wsgi
        self.single = single
        self.ids: list[str] = []
        self.queue: list[dict] = []
        self.bodies: list[bytes] = []

    def prepare(self):
        common = {"resolution_type": "Fixed", "closure_note": "x"}
        if self.single:
            self.queue = [
                self.wsgi.environ("post", f"{API}inci_resolve/", {**common, "incident_id": ref})
                for ref in self.ids
            ]
        else:
            self.queue = [
                self.wsgi.environ(
                    "post", f"{API}inci_resolve/", {**common, "incident_ids": self.ids}
                )
            ]

    def __call__(self):
        self.bodies = []
        for environ in self.queue:
            status, _, body = self.wsgi.run(environ)
            if status != 200:
                raise RuntimeError(f"inci_resolve: {status} {body[:300]!r}")
            self.bodies.append(body)

    def failures(self) -> int:
        return sum(
            1
            for body in self.bodies
            for result in orjson.loads(body)["results"]
            if not result["ok"]
        )


def bulk(ctx: Context, size: int = 100) -> None:
    warmup = 0 if ctx.plan.embedded or ctx.plan.reps("bulk") < 3 else 1
    wsgi, pool = workflow(ctx, 2 * size * (ctx.plan.reps("bulk") + warmup))
    one_call = BulkCalls(wsgi, single=False)
    many_calls = BulkCalls(wsgi, single=True)
    cursor = {"at": 0}
    failures = []

    def before(_i):
        if one_call.bodies:
            failures.append(one_call.failures() + many_calls.failures())
        at = cursor["at"]
        if at + 2 * size > len(pool):
            raise RuntimeError(f"not enough open incidents for the bulk benchmark ({len(pool)})")
        one_call.ids = pool[at : at + size]
        many_calls.ids = pool[at + size : at + 2 * size]
        cursor["at"] = at + 2 * size

    row = ctx.measure(
        "bulk",
        f"bulk resolve of {size} incidents (WSGI)",
        one_call,
        many_calls,
        a_label=f"one POST incident/inci_resolve/ with {size} ids",
        b_label=f"{size} POST incident/inci_resolve/, one id each",
        reps=ctx.plan.reps("bulk"),
        warmup=warmup,
        before=before,
    )
    if one_call.bodies:
        failures.append(one_call.failures() + many_calls.failures())
    if any(failures):
        row.note = f"**{sum(failures)} resolves failed**"


# --- round trips ------------------------------------------------------------------------------


def count_trips(run: Callable[[], object], times: int = 3, warm: bool = True) -> tuple[float, str]:
    """Median commands per call of `run` (after one call to warm up), with their names."""
    if warm:
        run()
    counts = []
    names = None
    for _ in range(times):
        env.ROUND_TRIPS.reset()
        run()
        counts.append(env.ROUND_TRIPS.count)
        names = dict(env.ROUND_TRIPS.names)
    described = ", ".join(f"{name} {n}" for name, n in sorted(names.items()))
    return statistics.median(counts), described


def configure_directory(ctx: Context) -> list[str]:
    """Two groups of three agents for the benchmark's organization (once); their ids."""
    from directory.documents import Agent, Group
    from servicedesk import orgcache

    org = ctx.tenant.org.id
    found = list(Group.objects(organization_id=org).order_by("name_key").scalar("id"))
    if found:
        return [str(group_id) for group_id in found]
    groups = [
        Group(organization_id=org, name=name, name_key=name.lower(), auto_assign=rule).save()
        for name, rule in (("Bench desk", "none"), ("Bench round robin", "round_robin"))
    ]
    for n in range(1, 4):
        Agent(
            organization_id=org,
            name=f"Bench agent {n}",
            name_key=f"bench agent {n}",
            email=f"agent{n}@bench.example.com",
            group_ids=[group.id for group in groups],
        ).save()
    orgcache.changed(org)
    return [str(group.id) for group in groups]


def round_trips(ctx: Context) -> None:
    """Commands per request, as the server is sent them."""
    _round_trips(ctx)


def _round_trips(ctx: Context) -> None:
    if ctx.plan.embedded:
        ctx.trips.append(
            TripRow(
                "all requests",
                None,
                "not counted: the embedded store (mongomock) publishes no command events; "
                "run with MONGODB_URI set",
                target=None,
            )
        )
        return

    def get(path, data=None, client=ctx.wsgi):
        def run():
            status, _, body = client.call("get", path, data)
            if status != 200:
                raise RuntimeError(f"GET {path}: {status} {body[:200]!r}")

        return run

    def post(path, data, method="post", client=ctx.wsgi):
        def run():
            status, _, body = client.call(method, path, data)
            if status not in (200, 201):
                raise RuntimeError(f"{method} {path}: {status} {body[:200]!r}")
            return body

        return run

    sizes = (10, 50, 100)
    list_counts = {}
    for size in sizes:
        trips, names = count_trips(get(API, {"items_per_page": str(size)}))
        list_counts[size] = trips
        ctx.trips.append(TripRow(f"GET incident/?items_per_page={size}", trips, names))
    # A last page (fewer items than asked for) skips the count: fewer, never more.
    counts = [list_counts[size] for size in sizes]
    constant = all(later <= earlier for earlier, later in itertools.pairwise(counts))
    ctx.trips.append(
        TripRow(
            "list: no more round trips for a bigger page (10, 50, 100)",
            None,
            f"yes: {list_counts}" if constant else f"no: {list_counts}",
            target=None,
            verdict=constant,
        )
    )
    target = pick_incident(ctx)["_id"]
    ctx.trips.append(TripRow("GET incident/{id}/", *count_trips(get(f"{API}{target}/"))))
    # No group or assignee: the organization's directory is configured below.
    body = {
        name: value
        for name, value in seed.create_body(random.Random(11), 5).items()
        if name not in ("support_group", "assignee")
    }
    ctx.trips.append(TripRow("POST incident/", *count_trips(post(API, body))))
    # With a directory (issue 17): within one round trip of the plain create.
    group_ids = configure_directory(ctx)
    named = {**body, "support_group": "Bench desk", "assignee": "Bench agent 1"}
    ctx.trips.append(
        TripRow(
            "POST incident/ (group and assignee named)", *count_trips(post(API, named)), target=5
        )
    )
    turn = {**body, "support_group": "Bench round robin"}
    ctx.trips.append(
        TripRow("POST incident/ (round-robin group)", *count_trips(post(API, turn)), target=5)
    )
    queue = {"items_per_page": "50", "support_group_id": group_ids[0]}
    ctx.trips.append(TripRow("GET incident/?support_group_id=", *count_trips(get(API, queue))))
    ctx.trips.append(TripRow("GET bare authenticated view (floor)", *count_trips(get(FLOOR_PATH))))

    # The workflow on fresh incidents: resolve, reopen, close (of a resolved one), PATCH.
    flow, pool = workflow(ctx, 4 + 4 + 1 + 100)
    refs = iter(pool)
    resolved: list[str] = []

    def resolve():
        ref = next(refs)
        post(f"{API}inci_resolve/", _resolve_body(ref), client=flow)()
        resolved.append(ref)

    ctx.trips.append(TripRow("POST inci_resolve/ (one id)", *count_trips(resolve)))
    reopen_refs = iter(list(resolved))

    def reopen():
        post(
            f"{API}inci_reopen/",
            {"incident_id": next(reopen_refs), "reason": "Came back"},
            client=flow,
        )()

    ctx.trips.append(TripRow("POST inci_reopen/ (one id)", *count_trips(reopen)))
    for _ in range(4):
        resolve()
    close_refs = iter(resolved[-4:])

    def close():
        post(f"{API}close_inci_request/", {"incident_id": next(close_refs)}, client=flow)()

    ctx.trips.append(TripRow("POST close_inci_request/ (one id, close)", *count_trips(close)))
    patch_target = next(refs)
    summaries = iter(f"Summary edit {n}" for n in range(100))

    def patch():
        data = {"basic_info": {"summary": next(summaries)}}
        post(f"{API}{patch_target}/", data, method="patch", client=flow)()

    ctx.trips.append(TripRow("PATCH incident/{id}/ (summary)", *count_trips(patch)))

    size = 100
    ids = [next(refs) for _ in range(size)]

    def bulk_resolve():
        post(f"{API}inci_resolve/", {**_resolve_body(None), "incident_ids": ids}, client=flow)()

    trips, names = count_trips(bulk_resolve, times=1, warm=False)  # the calls before warmed up
    ctx.trips.append(
        TripRow(
            f"POST inci_resolve/ ({size} ids), per incident",
            trips / size,
            f"{trips:g} in all: {names}",
        )
    )
    # Merge (issue 19): one call folding 100 incidents into one.
    _merge_rows(ctx, post)


def _merge_rows(ctx: Context, post, sources: int = 100, shapes=(1, 5)) -> None:
    """POST incident/merge/ of `sources` fresh incidents with 1, then 5 conversations each:
    the round trips depend on the number of sources, not of their conversations."""
    from bson import ObjectId

    from conversations.documents import Conversation
    from servicedesk.timeutil import now

    counts = {}
    for per_source in shapes:
        flow, pool = workflow(ctx, sources + 1)
        org = ctx.state["workflow"]["tenant"].org.id
        target, refs = pool[0], pool[1:]
        moment = now()
        Conversation._get_collection().insert_many(
            [
                {
                    "organization_id": org,
                    "incident_id": ObjectId(ref),
                    "kind": "note",
                    "direction": "outbound",
                    "body_html": f"<p>note {n}</p>",
                    "body_text": f"note {n}",
                    "is_private": True,
                    "author_id": "bench",
                    "created_at": moment,
                    "updated_at": moment,
                    "updated_by_id": "bench",
                    "version": 1,
                }
                for ref in refs
                for n in range(per_source)
            ]
        )
        body = {"target": target, "sources": refs}
        trips, names = count_trips(post(f"{API}merge/", body, client=flow), times=1, warm=False)
        counts[per_source] = trips
        ctx.trips.append(
            TripRow(
                f"POST merge/ ({sources} sources, {per_source} conversation(s) each), per source",
                trips / sources,
                f"{trips:g} in all: {names}",
                target=12,
            )
        )
    # 400 more conversations would cost hundreds more commands if the moves were per
    # conversation; a worker's key and endpoint caches expiring between the two calls (on
    # MongoDB's code path) cost a find or two, whatever the conversations.
    flat = counts[shapes[-1]] - counts[shapes[0]] <= 5
    ctx.trips.append(
        TripRow(
            "merge: no more round trips for more conversations per source "
            f"({', '.join(map(str, shapes))})",
            None,
            f"{'yes' if flat else 'no'}: {counts}",
            target=None,
            verdict=flat,
        )
    )


def _resolve_body(ref: str | None) -> dict:
    body = {"resolution_type": "Fixed", "closure_note": "x"}
    if ref is not None:
        body["incident_id"] = ref
    return body


# --- growth -----------------------------------------------------------------------------------


def human(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 else str(n)


def growth(ctx: Context) -> None:
    """List first page of the main organization beside organizations of other sizes.

    The brief's target (≤ 2x) is for 100k beside 10k; other pairs are for information.
    """
    main_size = ctx.collection.count_documents(ctx.org_filter)

    def first_page(tenant):
        return ctx.wsgi.timed(
            "get", API, {"items_per_page": str(PAGE)}, HTTP_AUTHORIZATION=tenant.key
        )

    main = first_page(ctx.tenant)
    for size in ctx.plan.growth_sizes:
        tenant = env.Tenant(f"bench-growth-{size}")
        print(f"  seeding {size:,} incidents for the growth runs ...", flush=True)
        seed.clone(tenant.principal, ctx.templates, size)
        other = first_page(tenant)
        big, small = (other, main) if size > main_size else (main, other)
        big_n, small_n = max(size, main_size), min(size, main_size)
        key = "growth_big" if big_n >= 100_000 else "growth"
        ctx.measure(
            f"growth_{human(big_n)}_{human(small_n)}",
            f"list first page: {human(big_n)} vs {human(small_n)} incidents",
            big,
            small,
            a_label=f"{big_n:,} incidents",
            b_label=f"{small_n:,} incidents",
            reps=ctx.plan.reps(key),
            warmup=1,
            target=2 if big_n >= 100_000 else None,
        )
        collection_note(ctx, f"growth, {human(big_n)} vs {human(small_n)}")
    if 100_000 not in ctx.plan.growth_sizes:
        ctx.rows.append(
            Row(
                "growth_100k_10k",
                "list first page: 100k vs 10k incidents",
                "100,000 incidents",
                "10,000 incidents",
                None,
                target=2,
                note="not run: on the embedded store each list request copies every stored "
                "document (~40 s a request at 100k; `--full` runs it)"
                if ctx.plan.embedded
                else "not run here (--growth): a run of its own, `--section server-growth`",
            )
        )


def collection_note(ctx: Context, step: str) -> None:
    """On a server: how many documents the scans of this step went through."""
    if not ctx.plan.embedded:
        stored = ctx.collection.estimated_document_count()
        ctx.notes.append(
            f"{step}: the incidents collection held {stored:,} documents (all organizations) "
            "while it ran"
        )


def pages(ctx: Context) -> None:
    collection_note(ctx, "pages")
    total = ctx.collection.count_documents(ctx.org_filter)
    far = min(100, total // PAGE)
    ctx.measure(
        "page_far",
        f"list page {far} vs page 1 ({total:,} incidents, {PAGE} a page)",
        ctx.wsgi.timed("get", API, {"items_per_page": str(PAGE), "page": str(far)}),
        ctx.wsgi.timed("get", API, {"items_per_page": str(PAGE), "page": "1"}),
        a_label=f"page {far}",
        b_label="page 1",
        reps=ctx.plan.reps("page"),
        warmup=1,
        target=1.5,
    )
    # The same depth by cursor: the cursor the list's Link would give after item far*PAGE.
    sort = [("creation_time", -1), ("display_number", -1)]
    before = ctx.collection.find(ctx.org_filter, {path: 1 for path, _ in sort})
    last = list(before.sort(sort).skip(max(0, (far - 1) * PAGE - 1)).limit(1))
    cursor = keyset.encode(sort, last[0]) if last else ""
    ctx.measure(
        "cursor_far",
        f"list by cursor: page {far} vs page 1 ({total:,} incidents, {PAGE} a page)",
        ctx.wsgi.timed("get", API, {"items_per_page": str(PAGE), "cursor": cursor}),
        ctx.wsgi.timed("get", API, {"items_per_page": str(PAGE), "cursor": ""}),
        a_label=f"cursor of page {far}",
        b_label="cursor= (page 1)",
        reps=ctx.plan.reps("page"),
        warmup=1,
        target=1.5,
    )


# --- memory -----------------------------------------------------------------------------------


def _child(args: dict) -> dict:
    import json
    import subprocess
    import sys

    done = subprocess.run(  # noqa: S603 (our own module, our own arguments)
        [sys.executable, "-m", "benchmarks.memory", json.dumps(args)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"memory child failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def memory(ctx: Context) -> None:
    from benchmarks.memory import upload

    db = ctx.state["db"]
    embedded = ctx.plan.embedded
    requests_n = ctx.plan.list_requests
    args = {"mode": "list", "db": db, "requests": requests_n}
    if embedded:
        # The child's embedded store is its own; a small one, since mongomock copies every
        # stored document on each list request (the page size is what matters here).
        args["incidents"] = 200
    else:
        args["key"] = ctx.tenant.key
        args["incidents"] = ctx.collection.count_documents(ctx.org_filter)
    print(f"  memory: {requests_n} list requests of 100 items in a fresh process ...", flush=True)
    out = _child(args)
    caveat = "" if out["peak_reset"] else " (peak NOT reset: includes start-up)"
    ctx.memory.append(
        MemoryRow(
            f"{out['requests']} list requests of 100 items "
            f"({args['incidents']:,} incidents, {out['mean_body_kib']:.0f} KiB a body)",
            out["rss_before_mib"],
            out["peak_mib"],
            out["peak_mib"] - out["rss_before_mib"],
            note=f"resident after warm-up {out['rss_before_mib']:.1f} MiB, after the run "
            f"{out['rss_after_mib']:.1f} MiB, peak {out['peak_mib']:.1f} MiB{caveat}; "
            f"{out['seconds']:.1f} s",
        )
    )
    size = 20 * 1024 * 1024
    args = {"mode": "download", "db": db, "size": size}
    if not embedded:
        ref = str(pick_incident(ctx)["_id"])
        attachment_id, digest = upload(env, ctx.wsgi, ref, size)
        args.update(key=ctx.tenant.key, attachment_id=attachment_id, sha256=digest)
    print("  memory: streamed download of a 20 MiB attachment in a fresh process ...", flush=True)
    out = _child(args)
    ok = out["bytes"] == size and out["sha256_ok"]
    ctx.memory.append(
        MemoryRow(
            "download of a 20 MiB attachment: Python allocations (tracemalloc peak)",
            None,
            None,
            out["traced_peak_mib"],
            target_mib=4,
            note=("" if ok else "**bytes or sha256 differ** ")
            + f"{out['chunks']} chunks"
            + "".join(f"; {site}" for site in out["top_allocations"][:2]),
        )
    )
    caveat = "" if out["peak_reset"] else " (peak NOT reset: includes start-up and upload)"
    ctx.memory.append(
        MemoryRow(
            "download of a 20 MiB attachment: resident peak (VmHWM, reset before), warm",
            out["rss_before_mib"],
            out["peak_mib"],
            out["peak_mib"] - out["rss_before_mib"],
            target_mib=4,
            note=f"the process's first download (cold) raised it by {out['cold_growth_mib']:.1f} "
            f"MiB; resident size sampled per chunk peaked at {out['rss_sampled_peak_mib']:.1f} "
            f"MiB{caveat}",
        )
    )


def http(ctx: Context) -> None:
    """HTTP-level throughput with concurrency: `make run`'s server against gunicorn gthread
    (the server before), side by side on this store (benchmarks/http.py)."""
    from benchmarks import http as bench_http

    extra = {}
    if not ctx.plan.embedded:
        from django.conf import settings

        extra = {"MONGODB_URI": settings.MONGODB_URI, "MONGODB_DB": ctx.state["db"]}
    rounds = min(bench_http.ROUNDS, ctx.plan.max_reps or bench_http.ROUNDS)
    candidates = [
        bench_http.Candidate("servicedesk.serve (waitress)", bench_http.serve_argv),
        bench_http.Candidate("gunicorn gthread", bench_http.gunicorn_argv),
    ]
    results = bench_http.run(candidates, bench_http.environment(extra), rounds=rounds)
    for _, result in results:
        ctx.rows.append(
            Row(
                key=f"http_{len(ctx.rows)}",
                title=f"HTTP throughput, {result.title} (time per answered request)",
                a_label="servicedesk.serve (waitress)",
                b_label="gunicorn gthread, as before",
                pair=result.pair,
                target=1.0,
                note="at most 1.0x keeps today's throughput",
            )
        )
        ctx.notes.append(result.describe("waitress", "gunicorn"))


# --- SLA: business time ----------------------------------------------------------------------


def _nine_to_five():
    from sla.business_time import Calendar

    return Calendar.build(
        time_zone="Europe/Berlin",
        hours={day: [(9 * 60, 17 * 60)] for day in range(5)},
        holidays=[date(2025, 12, 25), date(2025, 12, 26), date(2026, 1, 1)],
    )


def _day_stepping_due(start, minutes: int):
    """The plain way: walk local day by day, adding each open day's hours (same answer as
    sla.business_time.add_business on a 9-5 calendar whose intervals never meet a
    daylight-saving change)."""
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("Europe/Berlin")
    holidays = {date(2025, 12, 25), date(2025, 12, 26), date(2026, 1, 1)}
    remaining = timedelta(minutes=minutes)
    day = start.astimezone(zone).date()
    while True:
        if day.weekday() < 5 and day not in holidays:
            opens = datetime.combine(day, dtime(9), tzinfo=zone).astimezone(UTC)
            closes = datetime.combine(day, dtime(17), tzinfo=zone).astimezone(UTC)
            low = max(opens, start)
            if low < closes:
                if remaining <= closes - low:
                    return low + remaining
                remaining -= closes - low
        day += timedelta(days=1)


def sla(ctx: Context) -> None:
    """A 30-day resolution target (43,200 business minutes: 18 weeks of a 9-5 calendar with
    holidays and two daylight-saving changes) from a Friday afternoon."""
    from sla.business_time import add_business

    start = datetime(2025, 10, 17, 14, 30, tzinfo=UTC)
    minutes = 30 * 24 * 60
    expected = _day_stepping_due(start, minutes)
    note = (
        ""
        if add_business(_nine_to_five(), start, timedelta(minutes=minutes)) == expected
        else ("**answers differ**")
    )
    ctx.measure(
        "sla_due",
        "SLA due time, 30-day target on a 9-5 calendar (calendar built per call, no cache)",
        lambda: add_business(_nine_to_five(), start, timedelta(minutes=minutes)),
        lambda: _day_stepping_due(start, minutes),
        a_label="sla.business_time.add_business (whole weeks jumped)",
        b_label="plain day-by-day walk",
        reps=max(20, ctx.plan.reps("floor")),
        inner=5,
        target=1,
        note=note or "the issue asks well under a millisecond: see the A column",
    )

"""Scale: one organization grown to each size in turn, the app beside raw pymongo at each.

`python -m benchmarks --only scale --scale 10000,100000,1000000` seeds the organization
`bench-scale` up to each size with `insert_many` (the seeding's clones, in batches of
5,000, with their indexes already in place, as a live organization grows), refreshes the
server's statistics (ANALYZE of the collection's table on DocumentDB, through psql, as
autovacuum would), records how the server plans the queries (explain) and then times,
app (in-process WSGI) against the simplest pymongo code giving the same answer:

- first page (default sort, newest first), with its bounded `X-Total-Count`;
- cursor page 100 (the cursor the list's `Link: rel="next"` gives after item 99 x 50),
  beside the first page and beside the raw keyset query;
- offset page 100 (`page=100`), beside a raw `skip`;
- retrieve, create (beside a raw `insert_one`), and the count of `X-Total-Count`
  (bounded at SERVICEDESK_COUNT_LIMIT) beside an exact `count_documents`;
- the first page at this size beside the first page of a reference organization of the
  smallest size, alternated in the same run (the growth target: ≤ 2x);
- the floors under the retrieve and create targets, beside the same raw baselines: a bare
  authenticated DRF view that reads nothing, a plain Django view doing the raw retrieve
  (benchmarks/floor.py), and the three writes a create makes (rate-limit count, number,
  insert) done raw.

Each size adds rows to the run's table and one line to the scale table
(`scale_table`), which the report prints with the targets met or missed.
"""

import copy
import os
import random
import re
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

import orjson
from bson import ObjectId

from benchmarks import env, seed
from benchmarks.floor import FLOOR_PATH, RAW_RETRIEVE_PATH
from benchmarks.projection import hand_written
from incidents.representation import PROJECTION
from incidents.selectors import NEVER_NULL_SORT_FIELDS
from servicedesk import keyset

API = "/ux/sd/inci/incident/"
PAGE = 50
DEPTH = 100  # the page the deep measurements read
SORT = [("creation_time", -1), ("display_number", -1)]
DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
# About 5 MB of incidents an insert_many: well inside the client's socket timeout on a
# busy machine (5,000 a batch took longer than that on a shared DocumentDB).
SEED_BATCH = 1_000
# Batches sent at once while seeding a server: PostgreSQL stores each in a backend of its
# own, so two keep both cores of the machine busy (about 1.6x one on DocumentDB).
SEED_THREADS = int(os.environ.get("BENCH_SEED_THREADS", "2"))


@dataclass
class SizeResult:
    """What one size measured: medians (ns) by measurement, and how it was seeded."""

    size: int
    seed_seconds: float
    analyze: str
    disk: str
    medians: dict[str, tuple[float, float]] = field(default_factory=dict)  # key: (A, B)
    plans: list[str] = field(default_factory=list)


def human(n: int) -> str:
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else f"{n:,}"


# --- PostgreSQL under DocumentDB: statistics and sizes ---------------------------------------


def pg_uri() -> str | None:
    """Where psql reaches the PostgreSQL under DocumentDB: BENCH_PG_URI, else the login of
    MONGODB_URI on 127.0.0.1:DOCUMENTDB_PG_PORT (scripts/documentdb.sh makes that role a
    member of documentdb_admin_role, which owns the collections' tables)."""
    if os.environ.get("BENCH_PG_URI"):
        return os.environ["BENCH_PG_URI"]
    port = os.environ.get("DOCUMENTDB_PG_PORT")
    mongo = urlsplit(os.environ.get("MONGODB_URI", ""))
    if not port or not mongo.username or not mongo.password:
        return None
    return (
        f"postgresql://{mongo.username}:{mongo.password}@127.0.0.1:{port}/postgres"
        "?connect_timeout=5"
    )


def psql(sql: str) -> str | None:
    """One statement's rows (unaligned, tab-separated), or None without psql or a URI."""
    uri = pg_uri()
    binary = shutil.which("psql")
    if uri is None or binary is None:
        return None
    done = subprocess.run(  # noqa: S603 (our statement, our server)
        [binary, "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql, uri],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PGPASSWORD": unquote(urlsplit(uri).password or "")},
    )
    if done.returncode != 0:
        raise RuntimeError(f"psql failed: {done.stderr.strip()[:500]}")
    return done.stdout.strip()


def collection_table(db: str, collection: str) -> str | None:
    """`documentdb_data.documents_<id>`, the table holding a DocumentDB collection."""
    if not re.fullmatch(r"[A-Za-z0-9_.-]+", db + collection):
        return None
    # names checked above: letters, digits, _ . -
    found = psql(
        "SELECT collection_id FROM documentdb_api_catalog.collections "  # noqa: S608
        f"WHERE database_name = '{db}' AND collection_name = '{collection}'"
    )
    return f"documentdb_data.documents_{int(found)}" if found else None


def analyze(table: str | None) -> str:
    """ANALYZE the collection's table; what was done, for the report."""
    if table is None:
        return "no ANALYZE (no psql or no PostgreSQL URI: set BENCH_PG_URI)"
    started = time.perf_counter()
    psql(f"ANALYZE {table}")
    return f"ANALYZE {table} through psql: {time.perf_counter() - started:.1f} s"


def disk_used(table: str | None) -> str:
    if table is None:
        return "-"
    row = psql(
        f"SELECT pg_table_size('{table}'), pg_indexes_size('{table}'), "
        "pg_database_size(current_database())"
    )
    data, indexes, database = (int(v) for v in row.split("\t"))
    gib = 1024**3
    return (
        f"incidents table {data / gib:.2f} GiB + indexes {indexes / gib:.2f} GiB "
        f"(database {database / gib:.2f} GiB)"
    )


def index_kinds(table: str | None) -> list[str]:
    """Each index of the table with its access method and operator class (DocumentDB)."""
    if table is None:
        return []
    # table: documentdb_data.documents_<int>, built by collection_table
    rows = psql(
        "SELECT am.amname, pg_get_indexdef(i.indexrelid) FROM pg_index i "  # noqa: S608
        "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam "
        f"WHERE i.indrelid = '{table}'::regclass ORDER BY c.relname"
    )
    out = []
    for line in (rows or "").splitlines():
        method, definition = line.split("\t", 1)
        spec = re.search(r"pathspec='([^']*)'", definition)
        opclass = re.search(r"(\w+_ops)", definition)
        unique = "unique " if "UNIQUE" in definition else ""
        out.append(
            f"{unique}{method}"
            + (f" {opclass.group(1)}" if opclass else "")
            + (f" {spec.group(1)}" if spec else " (primary key)")
        )
    return out


# --- plans -----------------------------------------------------------------------------------


def plan_of(cursor) -> str:
    """The winning plan's stages, outermost first, with the index and the sort step."""
    plan = cursor.explain()
    winning = plan.get("queryPlanner", {}).get("winningPlan", {})
    stages = []
    while winning:
        stage = winning.get("stage", "?")
        if winning.get("indexName"):
            stage += f"({winning['indexName']}"
            stage += ", order from index)" if winning.get("hasOrderBy") else ")"
        stages.append(stage)
        winning = winning.get("inputStage") or (winning.get("inputStages") or [None])[0]
    return " <- ".join(stages) or "(no plan given)"


# --- the measurements ------------------------------------------------------------------------


class Scale:
    """The scale organization, its reference organization, and the measured pairs."""

    def __init__(self, ctx, sizes: tuple[int, ...], seed_until: float | None = None):
        self.ctx = ctx
        self.sizes = tuple(sorted(sizes))
        self.tenant = env.Tenant("bench-scale")
        self.wsgi = env.Wsgi(self.tenant.key)
        self.reference = env.Tenant("bench-scale-ref")
        self.collection = ctx.collection
        self.query = {"organization_id": self.tenant.org.id, "is_deleted": False}
        self.raw_org = ObjectId()  # raw inserts go to an organization of their own
        self.numbers = iter(range(1, 10**9))
        self.results: list[SizeResult] = []
        from django.conf import settings

        self.count_limit = settings.SERVICEDESK_COUNT_LIMIT
        # The raw side names the list's index as the app does (incidents.selectors).
        self.hint = None if ctx.plan.embedded else "org_sort_created"
        self.seed_until = seed_until
        self.stopped: tuple[int, int] | None = None  # (size aimed at, size reached)

    def reps(self) -> int:
        return self.ctx.plan.reps("page")

    def list_call(self, params: dict, tenant=None):
        extra = {"HTTP_AUTHORIZATION": tenant.key} if tenant else {}
        return self.wsgi.timed("get", API, {"items_per_page": str(PAGE), **params}, **extra)

    # raw pymongo: what a programmer would write for the same answers

    def raw_page(self, *, skip: int = 0, after: dict | None = None):
        query = {**self.query, **(after or {})}
        hint = self.hint

        def run():
            cursor = self.collection.find(query, PROJECTION).sort(SORT).skip(skip).limit(PAGE + 1)
            if hint:
                cursor = cursor.hint(hint)
            docs = list(cursor)
            # X-Total-Count as the app gives it: exact up to the limit, then "at least".
            total = self.collection.count_documents(self.query, limit=self.count_limit + 1)
            return total, orjson.dumps([hand_written(doc) for doc in docs[:PAGE]])

        return run

    def cursor_of_page(self, page: int, size: int) -> str:
        """The cursor the list's Link gives to reach `page` (after item (page-1) x PAGE;
        in an organization smaller than that, after its last item: an empty page)."""
        paths = {path: 1 for path, _ in SORT}
        skip = min((page - 1) * PAGE, size) - 1
        last = next(self.collection.find(self.query, paths).sort(SORT).skip(skip))
        return keyset.encode(SORT, last)

    def measure_size(self, size: int) -> SizeResult:
        ctx = self.ctx
        print(f"  seeding bench-scale up to {size:,} incidents ...", flush=True)
        started = time.perf_counter()
        seed.clone(
            self.tenant.principal,
            ctx.templates,
            size,
            batch_size=SEED_BATCH,
            until=self.seed_until,
            threads=1 if ctx.plan.embedded else SEED_THREADS,
        )
        seed_seconds = time.perf_counter() - started
        reached = self.collection.count_documents(self.query)
        print(f"  seeded in {seed_seconds:.0f} s: {reached:,} incidents", flush=True)
        if reached < size:
            self.stopped = (size, reached)  # --seed-until came first: measure what is there
            size = reached
        table = None if ctx.plan.embedded else collection_table(ctx.state["db"], "incidents")
        result = SizeResult(size, seed_seconds, analyze(table), disk_used(table))
        if ctx.plan.embedded:
            result.analyze = "no ANALYZE (embedded store)"
        print(f"  {result.analyze}; {result.disk}", flush=True)
        self.results.append(result)
        n = human(size)
        depth = min(DEPTH, max(2, size // PAGE))
        cursor = self.cursor_of_page(depth, size)
        after = keyset.after(SORT, keyset.decode(cursor, SORT), never_null=NEVER_NULL_SORT_FIELDS)
        if not ctx.plan.embedded:
            some = pick(self.collection, self.query)
            plans = {
                "first page": self.collection.find(self.query, PROJECTION).sort(SORT).limit(PAGE),
                f"cursor page {depth}": self.collection.find({**self.query, **after}, PROJECTION)
                .sort(SORT)
                .limit(PAGE),
                f"offset page {depth}": self.collection.find(self.query, PROJECTION)
                .sort(SORT)
                .skip((depth - 1) * PAGE)
                .limit(PAGE),
                "retrieve": self.collection.find({"_id": some, **self.query}).limit(1),
            }
            if self.hint:  # as the app sends them (incidents.selectors.index_for_order)
                for label in list(plans)[:3]:
                    plans[label] = plans[label].hint(self.hint)
                plans["first page without the hint"] = (
                    self.collection.find(self.query, PROJECTION).sort(SORT).limit(PAGE)
                )
            result.plans = [f"{label}: {plan_of(cur)}" for label, cur in plans.items()]
            if size == self.sizes[-1]:
                result.plans += [f"index: {kind}" for kind in index_kinds(table)]

        def row(key, title, a, b, a_label, b_label, target=None, note=""):
            pair = ctx.measure(
                f"scale_{n}_{key}",
                f"{title} ({n})",
                a,
                b,
                a_label=a_label,
                b_label=b_label,
                reps=self.reps(),
                warmup=1,
                target=target,
                note=note,
            ).pair
            if pair is not None:
                result.medians[key] = (pair.a.median, pair.b.median)

        first = self.list_call({})
        row(
            "first",
            "first page of 50, newest first",
            first,
            self.raw_page(),
            "GET incident/?items_per_page=50",
            "find + sort + limit, count_documents(limit=10,001), hand-written + orjson",
            target=1.5,
        )
        row(
            "cursor",
            f"cursor page {depth} vs first page",
            self.list_call({"cursor": cursor}),
            self.list_call({}),
            f"GET incident/?cursor=<page {depth}>",
            "GET incident/ (page 1)",
            target=1.5,
        )
        row(
            "cursor_raw",
            f"cursor page {depth} vs raw keyset",
            self.list_call({"cursor": cursor}),
            self.raw_page(after=after),
            f"GET incident/?cursor=<page {depth}>",
            "find(after the cursor's values) + sort + limit, bounded count, hand-written",
            target=1.5,
        )
        row(
            "offset",
            f"offset page {depth} vs raw skip",
            self.list_call({"page": str(depth)}),
            self.raw_page(skip=(depth - 1) * PAGE),
            f"GET incident/?page={depth}",
            f"find + sort + skip({(depth - 1) * PAGE:,}) + limit, bounded count, hand-written",
            note="no target: an offset page reads every entry before it; deep lists page by cursor",
        )
        incident_id = pick(self.collection, self.query)
        lookup = {"_id": incident_id, **self.query}

        def raw_retrieve():
            return orjson.dumps(hand_written(self.collection.find_one(lookup, PROJECTION)))

        row(
            "retrieve",
            "retrieve one incident",
            self.wsgi.timed("get", f"{API}{incident_id}/"),
            raw_retrieve,
            "GET incident/{id}/",
            "find_one + hand-written + orjson",
            target=1.5,
        )
        rate = self.collection.database["bench_rate_windows"]

        def raw_retrieve_counted():
            # the app's first command: the rate-limit window's $inc (servicedesk ratelimit)
            rate.find_one_and_update({"_id": "scale"}, {"$inc": {"total": 1}}, upsert=True)
            return raw_retrieve()

        row(
            "retrieve_counted",
            "retrieve one incident vs raw find_one and a counter $inc",
            self.wsgi.timed("get", f"{API}{incident_id}/"),
            raw_retrieve_counted,
            "GET incident/{id}/",
            "find_one_and_update($inc) + find_one + hand-written + orjson",
            note="no target: the raw side also makes the rate limit's one write",
        )
        row(
            "retrieve_floor",
            "the framework floor vs raw retrieve",
            self.wsgi.timed("get", FLOOR_PATH),
            raw_retrieve,
            "GET a bare authenticated DRF view (reads nothing)",
            "find_one + hand-written + orjson",
            note="no target: a view that reads no incident, through the key check, the rate "
            "limit and DRF; where this alone is past 1.5x, any retrieve through them is",
        )
        row(
            "retrieve_django",
            "a plain Django view doing the raw retrieve vs raw retrieve",
            self.wsgi.timed("get", f"{RAW_RETRIEVE_PATH}{self.tenant.org.id}/{incident_id}/"),
            raw_retrieve,
            "GET a plain Django view: find_one + hand-written + orjson (no key, no DRF)",
            "find_one + hand-written + orjson",
            note="no target: the least Django itself adds to the raw retrieve",
        )
        row(
            "create",
            "create one incident",
            self.wsgi.timed("post", API, seed.create_body(random.Random(size), 3)),
            self.raw_insert,
            "POST incident/ (realistic body)",
            "insert_one of the same document + hand-written + orjson",
            target=2,
            note="the raw insert neither validates, numbers, records the requester nor emits "
            "events",
        )
        row(
            "create_writes",
            "the writes a create must make vs one raw insert",
            self.raw_create_writes,
            self.raw_insert,
            "find_one_and_update($inc) x2 (rate limit, number) + insert_one + hand-written",
            "insert_one + hand-written + orjson",
            note="no target: the key's rate-limit count and the incident number, each an "
            "atomic $inc the create cannot do without, beside the insert",
        )
        row(
            "count",
            "count of X-Total-Count vs exact count",
            self.app_count,
            lambda: self.collection.count_documents(self.query),
            f"bounded_count(incident_list) (exact up to {self.count_limit:,})",
            "count_documents (exact)",
            note="no target: what bounding the count saves",
        )
        reference = self.list_call({}, tenant=self.reference)
        small = human(self.sizes[0])
        row(
            "growth",
            f"first page at {n} vs {small}",
            self.list_call({}),
            reference,
            f"{n} incidents",
            f"{small} incidents (another organization, same collection)",
            target=2 if size > self.sizes[0] else None,
        )
        return result

    def raw_insert(self):
        doc = copy.copy(self.ctx.templates[3])
        number = next(self.numbers)
        doc.update(
            _id=ObjectId(),
            organization_id=self.raw_org,
            display_number=number,
            display_id=f"INCI-{number}",
            number_key=f"{self.raw_org}:INCI-{number}",
        )
        self.collection.insert_one(doc)
        return orjson.dumps(hand_written(doc))

    def raw_create_writes(self):
        database = self.collection.database
        database["bench_rate_windows"].find_one_and_update(
            {"_id": "scale"}, {"$inc": {"total": 1}}, upsert=True
        )
        database["bench_counters"].find_one_and_update(
            {"_id": "scale"}, {"$inc": {"seq": 1}}, upsert=True
        )
        return self.raw_insert()

    def app_count(self):
        from incidents import selectors
        from servicedesk.api.pagination import bounded_count

        return bounded_count(selectors.incident_list(principal=self.tenant.principal, filters={}))


def pick(collection, query) -> ObjectId:
    """An incident from the middle of the organization, by its number (an index lookup:
    a skip to the middle of a million takes seconds)."""
    by_number = [("display_number", -1)]
    highest = next(collection.find(query, {"display_number": 1}).sort(by_number).limit(1))
    middle = {**query, "display_number": {"$lte": highest["display_number"] // 2 or 1}}
    found = list(collection.find(middle, {"_id": 1}).sort(by_number).limit(1))
    return (found or [highest])[0]["_id"]


def run(ctx, sizes: tuple[int, ...] = DEFAULT_SIZES, seed_until: float | None = None) -> None:
    """The scale step: the reference organization, then each size in turn. Seeding stops
    at `seed_until` (a time.time()), and the size reached then is the last measured."""
    scale = Scale(ctx, sizes, seed_until)
    print(f"  seeding the reference organization with {scale.sizes[0]:,} incidents ...")
    seed.clone(scale.reference.principal, ctx.templates, scale.sizes[0])
    for size in scale.sizes:
        scale.measure_size(size)
        if scale.stopped:
            aimed, reached = scale.stopped
            ctx.notes.append(
                f"scale: seeding stopped at the --seed-until time with {reached:,} of the "
                f"{aimed:,} incidents aimed at; that size was measured, larger ones were not"
            )
            break
    ctx.tables.append(scale_table(scale))
    ctx.state["scale"] = scale.results
    ctx.state["scale_org"] = scale.tenant.org.id


TARGETS = (
    # (key, column, how the ratio is read, target)
    ("first", "first page, app/raw", 1.5),
    ("cursor", "cursor page 100 / first page", 1.5),
    ("cursor_raw", "cursor page 100, app/raw", 1.5),
    ("offset", "offset page 100, app/raw", None),
    ("retrieve", "retrieve, app/raw", 1.5),
    ("retrieve_counted", "retrieve, app/(raw + a counter $inc)", None),
    ("retrieve_floor", "bare DRF view/raw retrieve", None),
    ("retrieve_django", "plain Django view with the raw retrieve/raw retrieve", None),
    ("create", "create, app/raw insert", 2),
    ("create_writes", "create's writes (3)/raw insert", None),
    ("count", "count, bounded/exact", None),
    ("growth", "first page / smallest size", 2),
)


def scale_table(scale: Scale) -> list[str]:
    """Markdown: one line per size with app and raw medians and the ratios."""
    from benchmarks.harness import fmt_ns

    head = "| Size | seeded in | " + " | ".join(column for _, column, _ in TARGETS) + " |"
    lines = [
        "### Scale: app beside raw pymongo at each size",
        "",
        "Each cell: A / B = ratio, and the target's verdict (≤ target).",
        "",
        head,
        "|" + "---|" * (len(TARGETS) + 2),
    ]
    for result in scale.results:
        cells = []
        for key, _, target in TARGETS:
            if key not in result.medians:
                cells.append("-")
                continue
            a, b = result.medians[key]
            ratio = a / b
            verdict = ""
            if target is not None and not (key == "growth" and result.size == scale.sizes[0]):
                verdict = f" (≤ {target:g}x {'met' if ratio <= target else '**missed**'})"
            cells.append(f"{fmt_ns(a)} / {fmt_ns(b)} = {ratio:.2f}x{verdict}")
        lines.append(
            f"| {result.size:,} | {result.seed_seconds:.0f} s | " + " | ".join(cells) + " |"
        )
    lines.append("")
    for result in scale.results:
        lines.append(f"- {result.size:,}: {result.analyze}; disk: {result.disk}")
        lines += [f"  - {plan}" for plan in result.plans]
    return lines

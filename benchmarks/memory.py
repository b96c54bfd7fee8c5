"""Memory of one serving process, measured in a process of its own (`python -m benchmarks.memory`).

`list`: resident memory after a warm-up, and the peak while serving N list requests
of 100 items. `download`: how much a streamed download of a 20 MiB attachment adds
to the peak, by tracemalloc (Python allocations) and by the resident peak.

Peaks are the kernel's high-water mark of the resident set (VmHWM), reset just
before the measured phase (`/proc/self/clear_refs`), so neither start-up, seeding
nor the upload counts. (`ru_maxrss` would not do: Linux carries it over from the
parent across fork and exec, so a child started by a 200 MiB parent "peaks" at
200 MiB before doing anything.)

The parent passes what it needs as JSON in argv[1]; the child prints one line of
JSON. On the embedded store the child has a store of its own, so it seeds (and
uploads) itself.
"""

import gc
import hashlib
import json
import os
import random
import sys
import time
import tracemalloc

MIB = 1024 * 1024
API = "/ux/sd/inci/incident/"


def rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / MIB


def _status_mib(field: str) -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024  # kB
    raise RuntimeError(f"no {field} in /proc/self/status")


def peak_mib() -> float:
    """The resident high-water mark since start or the last `reset_peak()`."""
    return _status_mib("VmHWM")


def reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")  # reset the high-water mark to the current resident size
        return True
    except OSError:
        return False


def setup(args: dict):
    from benchmarks import env

    env.setup_django()
    from servicedesk import mongo

    mongo.connect(db_name=args["db"])
    if mongo.is_embedded():
        from servicedesk.indexes import ensure_indexes

        ensure_indexes()
    return env


def embedded_tenant(env, incidents: int):
    from benchmarks import seed

    tenant = env.Tenant("bench-memory")
    templates = seed.make_templates(tenant.principal, random.Random(5))
    seed.clone(tenant.principal, templates, incidents)
    return tenant


def run_list(args: dict) -> dict:
    env = setup(args)
    key = args.get("key")
    if key is None:
        key = embedded_tenant(env, args["incidents"]).key
    wsgi = env.Wsgi(key)
    size = 100
    pages = max(1, min(10, args["incidents"] // size))

    def one(n):
        status, _, body = wsgi.call("get", API, {"items_per_page": str(size), "page": str(n)})
        if status != 200:
            raise RuntimeError(f"list: {status} {body[:200]!r}")
        return len(body)

    for n in range(min(20, args["requests"])):
        one(n % pages + 1)
    gc.collect()
    reset = reset_peak()
    before = rss_mib()
    started = time.perf_counter()
    body_bytes = 0
    for n in range(args["requests"]):
        body_bytes += one(n % pages + 1)
    seconds = time.perf_counter() - started
    return {
        "peak_reset": reset,
        "rss_before_mib": before,
        "peak_mib": peak_mib(),
        "rss_after_mib": rss_mib(),
        "requests": args["requests"],
        "mean_body_kib": body_bytes / args["requests"] / 1024,
        "seconds": seconds,
    }


def upload(env, wsgi, incident_ref: str, size: int) -> tuple[str, str]:
    """POST a `size`-byte file to add-attachment/ (multipart); (attachment id, sha256)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    content = random.Random(9).randbytes(size)
    digest = hashlib.sha256(content).hexdigest()
    environ = wsgi.environ(
        "post",
        f"{API}add-attachment/",
        {"incident_id": incident_ref, "file": SimpleUploadedFile("big.bin", content)},
        content_type="multipart/form-data",
    )
    del content
    status, _, body = wsgi.run(environ)
    if status != 201:
        raise RuntimeError(f"upload: {status} {body[:300]!r}")
    return json.loads(body)[0]["attachment_id"], digest


def run_download(args: dict) -> dict:
    env = setup(args)
    key, attachment_id, digest = args.get("key"), args.get("attachment_id"), args.get("sha256")
    if key is None:
        tenant = embedded_tenant(env, 12)
        key = tenant.key
        wsgi = env.Wsgi(key)
        _, _, body = wsgi.call("get", API, {"items_per_page": "1"})
        ref = json.loads(body)[0]["incident_id"]
        attachment_id, digest = upload(env, wsgi, ref, args["size"])
    wsgi = env.Wsgi(key)
    path = f"{API}attachment/{attachment_id}/download/"
    # Cold (the first download of the process: first-use allocations count), warm
    # (the steady state), then under tracemalloc (whose bookkeeping would count in
    # the resident size).
    cold = download(wsgi, wsgi.environ("get", path), trace=False)
    plain = download(wsgi, wsgi.environ("get", path), trace=False)
    traced = download(wsgi, wsgi.environ("get", path), trace=True)
    return {
        "bytes": plain["bytes"],
        "chunks": plain["chunks"],
        "sha256_ok": all(run["sha256"] == digest for run in (cold, plain, traced)),
        "traced_peak_mib": traced["traced_peak_mib"],
        "rss_before_mib": plain["rss_before_mib"],
        "rss_sampled_peak_mib": plain["rss_sampled_peak_mib"],
        "peak_reset": plain["peak_reset"],
        "peak_mib": plain["peak_mib"],
        "cold_growth_mib": cold["peak_mib"] - cold["rss_before_mib"],
        "top_allocations": traced["top_allocations"],
    }


def download(wsgi, environ: dict, *, trace: bool) -> dict:
    """GET the file through the WSGI handler, reading the chunks as a server would."""
    gc.collect()
    reset = reset_peak()
    before = rss_mib()
    if trace:
        tracemalloc.start(12)
        tracemalloc.reset_peak()
        traced_before, _ = tracemalloc.get_traced_memory()
    sampled = before
    received = chunks = 0
    sha = hashlib.sha256()

    def start_response(status, headers, exc_info=None):
        if not status.startswith("200"):
            raise RuntimeError(f"download: {status}")

    heaviest = None  # a snapshot near the traced peak, for where the memory goes
    heaviest_size = 0
    response = wsgi.handler(environ, start_response)
    try:
        for chunk in response:
            received += len(chunk)
            chunks += 1
            sha.update(chunk)
            sampled = max(sampled, rss_mib())
            if trace:
                current, _ = tracemalloc.get_traced_memory()
                if current > heaviest_size + 4 * MIB:
                    heaviest_size = current
                    heaviest = tracemalloc.take_snapshot()
    finally:
        response.close()
    out = {
        "bytes": received,
        "chunks": chunks,
        "sha256": sha.hexdigest(),
        "rss_before_mib": before,
        "rss_sampled_peak_mib": sampled,
        "peak_reset": reset,
        "peak_mib": peak_mib(),
    }
    if trace:
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        out["traced_peak_mib"] = (traced_peak - traced_before) / MIB
        out["top_allocations"] = []
        if heaviest is not None:
            for stat in heaviest.statistics("traceback")[:3]:
                where = " <- ".join(
                    f"{frame.filename.split('site-packages/')[-1]}:{frame.lineno}"
                    for frame in list(stat.traceback)[::-1][:6]  # innermost first
                )
                out["top_allocations"].append(f"{stat.size / MIB:.1f} MiB at {where}")
    return out


def main() -> None:
    args = json.loads(sys.argv[1])
    result = run_list(args) if args["mode"] == "list" else run_download(args)
    print(json.dumps(result))


if __name__ == "__main__":
    main()

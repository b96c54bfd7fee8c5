"""HTTP-level throughput with concurrency: the server of `make run` against the one before.

Both servers run side by side on loopback ports with the same settings (workers,
threads, store), each seeded through its own API; `CONNECTIONS` client threads keep
one keep-alive connection each and send requests back to back for `SECONDS`, first
to one server, then the other, alternately, `ROUNDS` times. A sample is the wall
time per answered request over one such trial (1 / throughput), so the A/B ratio of
the medians is "how much slower than before": at most 1.0 keeps today's throughput.

`python -m benchmarks.http` runs it alone and prints the table; `--candidate
NAME=COMMAND` adds another server to compare (`{host}`, `{port}` are filled in), as
was done to choose the server (RESULTS.md, "HTTP server").
"""

import argparse
import http.client
import json
import os
import secrets
import shlex
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.harness import Pair, Samples, quantile

ROOT = Path(__file__).resolve().parent.parent
CONNECTIONS = 32
SECONDS = 3.0
ROUNDS = 5
SEED_INCIDENTS = 20
KEY = f"sdk_bench_{secrets.token_urlsafe(24)}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def gunicorn_argv(host: str, port: int, environ) -> list[str]:
    """Today's setup before this change: gunicorn gthread, as servicedesk.serve ran it."""
    embedded = not environ.get("MONGODB_URI", "").strip()
    workers = (
        "1" if embedded else environ.get("WEB_CONCURRENCY", str(2 * (os.cpu_count() or 1) + 1))
    )
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "servicedesk.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        workers,
        "--worker-class",
        "gthread",
        "--threads",
        environ.get("GUNICORN_THREADS", "8" if embedded else "4"),
        "--timeout",
        "60",
        "--access-logfile",
        "/dev/null",
    ]


def serve_argv(host: str, port: int, environ) -> list[str]:
    return [sys.executable, "-m", "servicedesk.serve"]


@dataclass
class Candidate:
    name: str
    argv: object  # (host, port, environ) -> argv
    process: subprocess.Popen | None = None
    port: int = 0
    output: list[str] = field(default_factory=list)

    def start(self, environ: dict) -> None:
        self.port = free_port()
        env = {**environ, "HOST": "127.0.0.1", "PORT": str(self.port)}
        self.process = subprocess.Popen(  # noqa: S603 - our interpreter or a given command
            self.argv("127.0.0.1", self.port, env),
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        threading.Thread(target=self._read, daemon=True).start()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited:\n" + "".join(self.output[-40:]))
            try:
                status, _ = request(self.port, "GET", "/healthz")
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} did not come up:\n" + "".join(self.output[-40:]))

    def _read(self) -> None:
        for line in self.process.stdout:
            self.output.append(line)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, 15)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, 9)
                self.process.wait(15)


def request(port: int, method: str, path: str, body: dict | None = None, connection=None):
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": KEY}
    data = None
    if body is not None:
        headers["Content-Type"] = "application/json"
        data = json.dumps(body).encode()
    try:
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        if own:
            connection.close()


def seed(port: int) -> str:
    """Incidents for the reads; the path of one to retrieve."""
    last = None
    for n in range(SEED_INCIDENTS):
        status, body = request(
            port, "POST", "/ux/sd/inci/incident/", {"summary": f"bench {n}", "description": "x"}
        )
        if status != 201:
            raise RuntimeError(f"seeding answered {status}: {body[:200]!r}")
        last = json.loads(body)["incident_id"]
    return f"/ux/sd/inci/incident/{last}/"


@dataclass
class Trial:
    requests: int
    seconds: float
    latencies: list[float]
    errors: int

    @property
    def ns_per_request(self) -> float:
        return self.seconds / max(self.requests, 1) * 1e9


def trial(port: int, path: str, *, connections: int, seconds: float) -> Trial:
    latencies: list[list[float]] = [[] for _ in range(connections)]
    errors = [0] * connections
    start = threading.Barrier(connections + 1)
    stop_at = [0.0]

    def client(index: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        start.wait()
        mine = latencies[index]
        try:
            while time.monotonic() < stop_at[0]:
                began = time.monotonic()
                try:
                    status, _ = request(port, "GET", path, connection=connection)
                except (OSError, http.client.HTTPException):
                    errors[index] += 1
                    connection.close()
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                    continue
                if status != 200:
                    errors[index] += 1
                mine.append(time.monotonic() - began)
        finally:
            connection.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    began = time.monotonic()
    stop_at[0] = began + seconds
    start.wait()
    for thread in threads:
        thread.join(seconds + 60)
    elapsed = time.monotonic() - began
    flat = [value for per in latencies for value in per]
    return Trial(len(flat), elapsed, flat, sum(errors))


@dataclass
class Result:
    title: str
    pair: Pair
    a_latency: list[float]
    b_latency: list[float]
    errors: tuple[int, int]

    def describe(self, a_name: str, b_name: str) -> str:
        def lat(values):
            p50, p99 = quantile(values, 0.5) * 1000, quantile(values, 0.99) * 1000
            return f"p50 {p50:.1f} ms, p99 {p99:.1f} ms"

        a_rps = 1e9 / self.pair.a.median
        b_rps = 1e9 / self.pair.b.median
        return (
            f"{self.title}: {a_name} {a_rps:.0f} req/s ({lat(self.a_latency)}), "
            f"{b_name} {b_rps:.0f} req/s ({lat(self.b_latency)}); "
            f"time per request A/B {self.pair.ratio:.2f}x; errors {self.errors[0]}/{self.errors[1]}"
        )


def compare(
    a: Candidate,
    b: Candidate,
    paths: dict[str, tuple[str, str]],
    *,
    connections: int = CONNECTIONS,
    seconds: float = SECONDS,
    rounds: int = ROUNDS,
) -> list[Result]:
    """`paths`: title -> (path on a, path on b). Alternates a and b, `rounds` trials each."""
    results = []
    for title, (path_a, path_b) in paths.items():
        for candidate, path in ((a, path_a), (b, path_b)):  # warm-up, untimed
            trial(candidate.port, path, connections=connections, seconds=1.0)
        pair = Pair(Samples(), Samples())
        lat_a: list[float] = []
        lat_b: list[float] = []
        errors = [0, 0]
        for _ in range(rounds):
            for index, (candidate, path, samples, lat) in enumerate(
                ((a, path_a, pair.a, lat_a), (b, path_b, pair.b, lat_b))
            ):
                got = trial(candidate.port, path, connections=connections, seconds=seconds)
                samples.values.append(got.ns_per_request)
                lat.extend(got.latencies)
                errors[index] += got.errors
        results.append(Result(title, pair, lat_a, lat_b, tuple(errors)))
    return results


def environment(extra: dict | None = None) -> dict:
    """The same settings for every server: limits out of the way, quiet logs, no jobs."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SERVICEDESK_BOOTSTRAP_API_KEYS", "PROMETHEUS_MULTIPROC_DIR"}
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "servicedesk.settings",
            "SERVICEDESK_BOOTSTRAP_API_KEYS": f"bench:admin:{KEY}",
            "SERVICEDESK_RATE_LIMIT_PER_KEY": "1000000000",
            "SERVICEDESK_RATE_LIMIT_PER_ORG": "1000000000",
            "SERVICEDESK_RATE_LIMIT_WINDOW_SECONDS": "3600",
            "SERVICEDESK_JOBS": "off",
            "LOG_LEVEL": "WARNING",
        }
    )
    env.update(extra or {})
    return env


def run(candidates: list[Candidate], environ: dict, **kwargs) -> list[tuple[str, Result]]:
    """Each candidate after the first against the first (the server of `make run`)."""
    started = []
    if environ.get("MONGODB_URI", "").strip():
        # Every server process ensures the indexes at start; on a fresh database of a slow
        # server (DocumentDB: about a minute for all of them) that would race the start-up
        # deadline, so they are made once here, and each start then only checks them.
        subprocess.run(
            [sys.executable, "manage.py", "ensure_indexes"],
            cwd=ROOT,
            env=environ,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    try:
        paths = {}
        for candidate in candidates:
            candidate.start(environ)
            started.append(candidate)
            paths[candidate.name] = seed(candidate.port)
        out = []
        first = candidates[0]
        for other in candidates[1:]:
            for result in compare(
                first,
                other,
                {
                    f"GET /healthz, {kwargs.get('connections', CONNECTIONS)} connections": (
                        "/healthz",
                        "/healthz",
                    ),
                    f"GET incident/{{id}}/, {kwargs.get('connections', CONNECTIONS)} connections": (
                        paths[first.name],
                        paths[other.name],
                    ),
                },
                **kwargs,
            ):
                out.append((other.name, result))
        return out
    finally:
        for candidate in started:
            candidate.stop()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.http", description=__doc__)
    parser.add_argument("--candidate", action="append", default=[], metavar="NAME=COMMAND")
    parser.add_argument("--no-gunicorn", action="store_true")
    parser.add_argument("--connections", type=int, default=CONNECTIONS)
    parser.add_argument("--seconds", type=float, default=SECONDS)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args(argv)
    candidates = [Candidate("servicedesk.serve (waitress)", serve_argv)]
    if not args.no_gunicorn:
        candidates.append(Candidate("gunicorn gthread", gunicorn_argv))
    for spec in args.candidate:
        name, command = spec.split("=", 1)
        candidates.append(
            Candidate(
                name,
                lambda host, port, env, command=command: shlex.split(
                    command.format(host=host, port=port, python=sys.executable)
                ),
            )
        )
    results = run(
        candidates,
        environment(),
        connections=args.connections,
        seconds=args.seconds,
        rounds=args.rounds,
    )
    for name, result in results:
        print(result.describe(candidates[0].name, name))
    return 0


if __name__ == "__main__":
    sys.exit(main())

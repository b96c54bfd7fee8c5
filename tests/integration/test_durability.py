"""The database dies under load (SIGKILL) and comes back: nothing acknowledged is lost,
requests meanwhile get a prompt 503 with Retry-After, and the service recovers by itself.
"""

import os
import socket
import subprocess
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bson import ObjectId

from incidents.documents import Incident

INCIDENTS = Incident._meta["collection"]
CLIENT_TIMEOUT = 10.0  # a request that takes longer counts as a hang
MAX_REQUEST_SECONDS = 8.0  # MONGODB_TIMEOUT_MS=1000 in the service: 503s come far sooner
WRITER_MAX_REQUESTS = 3000
WRITER_MAX_SECONDS = 150.0
BEFORE_KILL = 20  # 201s before the kill
DURING_OUTAGE = 3  # requests answered while the database is down
AFTER_RESTART = 20  # 201s after the restart


@dataclass
class Outcome:
    started: float
    finished: float
    status: int | None
    retry_after: str | None = None
    code: str | None = None
    incident_id: str | None = None
    display_id: str | None = None
    error: str | None = None


class Writer(threading.Thread):
    """Creates incidents in a loop until told to stop (bounded in count and time)."""

    def __init__(self, api):
        super().__init__(daemon=True)
        self.api = api
        self.outcomes: list[Outcome] = []
        self.halt = threading.Event()

    def run(self):
        deadline = time.monotonic() + WRITER_MAX_SECONDS
        for n in range(WRITER_MAX_REQUESTS):
            if self.halt.is_set() or time.monotonic() > deadline:
                return
            started = time.monotonic()
            try:
                reply = self.api.create(f"durability {n}", timeout=CLIENT_TIMEOUT)
            except OSError as exc:  # timeouts and refused connections
                self.outcomes.append(Outcome(started, time.monotonic(), None, error=repr(exc)))
                continue
            body = reply.body if isinstance(reply.body, dict) else {}
            errors = body.get("errors") or [{}]
            self.outcomes.append(
                Outcome(
                    started,
                    time.monotonic(),
                    reply.status,
                    retry_after=reply.header("Retry-After"),
                    code=errors[0].get("code"),
                    incident_id=body.get("incident_id"),
                    display_id=body.get("display_id"),
                )
            )
            if reply.status != 201:
                time.sleep(0.05)

    def count(self, status: int, since: float = 0.0) -> int:
        return sum(1 for o in list(self.outcomes) if o.status == status and o.started >= since)

    def answered_since(self, since: float) -> int:
        return sum(1 for o in list(self.outcomes) if o.started >= since)


def wait_for(condition, timeout: float, what: str, interval: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


class DatabaseServer:
    """The server of this run (DocumentDB), managed by its script in scripts/.

    The script knows its own processes: `kill` SIGKILLs exactly those (for DocumentDB,
    PostgreSQL and its gateway together), `start` brings them back, `status` pings.
    """

    def __init__(self, script: str, uri: str):
        self.script = script
        self.name = Path(script).stem
        parts = urlsplit(uri)
        self.address = (parts.hostname or "127.0.0.1", parts.port or 27017)
        assert self.address[0] == "127.0.0.1", "only a loopback server is ever killed"

    def listening(self) -> bool:
        try:
            with socket.create_connection(self.address, timeout=0.5):
                return True
        except OSError:
            return False

    def run(self, command: str) -> subprocess.CompletedProcess:
        return subprocess.run(  # noqa: S603 - our script, fixed arguments
            [self.script, command], capture_output=True, text=True, timeout=120, check=False
        )

    def kill(self) -> None:
        killed = self.run("kill")
        assert killed.returncode == 0, killed.stdout + killed.stderr
        wait_for(lambda: not self.listening(), 10, f"{self.name} to stop listening")

    def start(self) -> subprocess.CompletedProcess:
        return self.run("start")


@pytest.fixture
def database_server(mongodb_uri):
    script = os.environ.get("SERVICEDESK_IT_SERVER_SCRIPT")
    if not script:
        pytest.skip(
            "needs a server it may kill and restart: run it with `make test-integration` "
            "(scripts/test-integration.sh sets SERVICEDESK_IT_SERVER_SCRIPT)"
        )
    server = DatabaseServer(script, mongodb_uri)
    assert server.listening(), f"{server.name} does not listen on {server.address}"
    status = server.run("status")  # ours, per the script's pid files, and answering
    assert status.returncode == 0, status.stdout + status.stderr
    yield server
    # Whatever happened, leave the server running for the rest of the suite.
    if not server.listening():
        started = server.start()
        assert started.returncode == 0, started.stdout + started.stderr


def test_sigkilled_database_loses_no_acknowledged_incident_and_the_service_recovers(
    service, database_server
):
    api = service.api
    workers = service.server.worker_pids()
    assert len(workers) == 2
    ready = api.readyz()
    assert ready.status == 200, ready.describe()

    writer = Writer(api)
    writer.start()
    try:
        wait_for(lambda: writer.count(201) >= BEFORE_KILL, 60, f"{BEFORE_KILL} creates")

        database_server.kill()
        killed_at = time.monotonic()

        # While it is down: prompt 503s with Retry-After, from the probe and the API.
        ready = api.readyz(timeout=CLIENT_TIMEOUT)
        assert ready.status == 503, ready.describe()
        assert ready.header("Retry-After")
        assert ready.elapsed < MAX_REQUEST_SECONDS
        listed = api.call("GET", "/ux/sd/inci/incident/", timeout=CLIENT_TIMEOUT)
        assert listed.status == 503, listed.describe()
        assert listed.header("Retry-After")
        assert listed.body["errors"][0]["code"] == "database_unavailable"
        assert listed.elapsed < MAX_REQUEST_SECONDS
        wait_for(
            lambda: writer.answered_since(killed_at) >= DURING_OUTAGE,
            30,
            f"{DURING_OUTAGE} writer requests answered during the outage",
        )

        restart_at = time.monotonic()
        started = database_server.start()
        assert started.returncode == 0, started.stdout + started.stderr
        up_at = time.monotonic()

        wait_for(lambda: api.readyz(timeout=CLIENT_TIMEOUT).status == 200, 30, "/readyz 200")
        wait_for(
            lambda: writer.count(201, since=up_at) >= AFTER_RESTART,
            60,
            f"{AFTER_RESTART} creates after the restart",
        )
    finally:
        writer.halt.set()
        writer.join(timeout=CLIENT_TIMEOUT + 5)
    assert not writer.is_alive()

    outcomes = writer.outcomes
    down_for = restart_at - killed_at
    print(f"writer: {Counter(o.status for o in outcomes)}, database down {down_for:.1f}s")
    summary = f"{Counter(o.status for o in outcomes)}; log:\n{service.log_tail()}"
    hangs = [o for o in outcomes if o.status is None]
    assert not hangs, f"requests that got no answer: {hangs[:5]}; {summary}"
    assert {o.status for o in outcomes} <= {201, 503}, summary
    slow = [o for o in outcomes if o.finished - o.started > MAX_REQUEST_SECONDS]
    assert not slow, f"{len(slow)} requests took over {MAX_REQUEST_SECONDS}s: {slow[:3]}"
    unavailable = [o for o in outcomes if o.status == 503]
    assert all(o.retry_after for o in unavailable), summary
    assert {o.code for o in unavailable} <= {"database_unavailable"}, summary
    # Everything asked and answered while the database was down was a 503.
    down = [o for o in outcomes if o.started >= killed_at and o.finished <= restart_at]
    assert len(down) >= DURING_OUTAGE, summary
    assert {o.status for o in down} == {503}, summary

    # Durability: every acknowledged create is stored, once, with its own number.
    acknowledged = [o for o in outcomes if o.status == 201]
    ids = [o.incident_id for o in acknowledged]
    assert len(set(ids)) == len(ids)
    assert len({o.display_id for o in acknowledged}) == len(ids)
    found = {
        str(doc["_id"])
        for doc in service.db[INCIDENTS].find(
            {"_id": {"$in": [ObjectId(i) for i in ids]}}, {"_id": 1}
        )
    }
    assert found == set(ids), f"lost after the kill: {sorted(set(ids) - found)[:10]}"
    last_before_kill = [o for o in acknowledged if o.finished <= killed_at][-5:]
    for outcome in last_before_kill:
        reply = api.get(outcome.incident_id)
        assert reply.status == 200, reply.describe()
        assert reply.body["display_id"] == outcome.display_id
    # 503s whose write landed before the connection broke may be stored too; nothing else.
    stored = service.db[INCIDENTS].count_documents({})
    assert len(ids) <= stored <= len(ids) + len(unavailable)
    assert api.total() == stored

    # Recovered without a restart: the same two workers, still serving.
    assert service.server.process.poll() is None
    assert service.server.worker_pids() == workers
    assert api.readyz().status == 200

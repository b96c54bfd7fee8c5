"""Multi-process tests: the service (servicedesk.serve, 2 workers) against a real server.

They run only under `make test-integration` (scripts/test-integration.sh), which
sets SERVICEDESK_INTEGRATION=1 and MONGODB_URI (a local DocumentDB).
Under plain
`make test` they are skipped with a reason. In integration mode a missing or
silent server fails them; it never skips them.

Each test gets a database of its own, named from MONGODB_DB, dropped afterwards.
"""

import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pymongo import MongoClient
from pymongo.errors import PyMongoError

from tests.integration.client import Api
from tests.support.server import ROOT, Server

HERE = Path(__file__).resolve().parent
ENABLED = os.environ.get("SERVICEDESK_INTEGRATION") == "1"
SKIP_REASON = (
    "integration test (2 worker processes against a real MongoDB-compatible server): "
    "runs only under `make test-integration` (SERVICEDESK_INTEGRATION=1 and MONGODB_URI)"
)
ORG = "itest"
WORKERS = 2
# What each worker logs once it has registered the bootstrap keys (servicedesk/startup.py).
BOOTSTRAPPED = "API key(s) registered"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE not in Path(str(item.path)).parents:
            continue
        item.add_marker(pytest.mark.integration)
        if not ENABLED:
            item.add_marker(pytest.mark.skip(reason=SKIP_REASON))


@pytest.fixture(scope="session")
def mongodb_uri() -> str:
    uri = os.environ.get("MONGODB_URI", "").strip()
    if not uri:
        pytest.fail("SERVICEDESK_INTEGRATION=1 but MONGODB_URI is not set", pytrace=False)
    return uri


@pytest.fixture(scope="session")
def mongo_client(mongodb_uri):
    client = MongoClient(mongodb_uri, serverSelectionTimeoutMS=5000, connectTimeoutMS=5000)
    try:
        client.admin.command("ping")
    except PyMongoError as exc:
        client.close()
        pytest.fail(f"MONGODB_URI={mongodb_uri} does not answer: {exc}", pytrace=False)
    yield client
    client.close()


@pytest.fixture
def database(mongo_client) -> str:
    """A fresh database name for one test (the server creates it), dropped afterwards."""
    base = os.environ.get("MONGODB_DB", "").strip() or f"servicedesk_it_{secrets.token_hex(6)}"
    name = f"{base}_{secrets.token_hex(3)}"
    yield name
    mongo_client.drop_database(name)


@pytest.fixture
def service_env(mongodb_uri, database) -> dict[str, str]:
    return {
        "MONGODB_URI": mongodb_uri,
        "MONGODB_DB": database,
        # Fail fast while the database is down: each wait is bounded by this.
        "MONGODB_TIMEOUT_MS": "1000",
        "DJANGO_SETTINGS_MODULE": "servicedesk.settings",
    }


def manage(env: dict[str, str], *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """`python manage.py ARGS` with exactly this database configuration."""
    full_env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"MONGODB_URI", "MONGODB_DB", "SERVICEDESK_BOOTSTRAP_API_KEYS"}
    }
    full_env.update(env)
    return subprocess.run(  # noqa: S603 - our interpreter, fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


class Service:
    """The running service with its database and a write key of one organization."""

    def __init__(self, server: Server, api: Api, database: str, db):
        self.server = server
        self.api = api
        self.database = database
        self.db = db  # pymongo Database, for counting behind the service's back

    def log_tail(self, lines: int = 60) -> str:
        return "".join(self.server.output[-lines:])


@pytest.fixture
def service(request, service_env, database, mongo_client):
    """ensure_indexes (as the deployment's init job does), then the service with 2 workers.

    Both workers register the bootstrap key at start, concurrently, as in production.
    A test module may add settings with a module-level `SERVICE_ENV` dict.
    """
    done = manage(service_env, "ensure_indexes")
    assert done.returncode == 0, done.stdout + done.stderr
    key = f"sdk_it_{secrets.token_urlsafe(32)}"
    server = Server(
        {
            **service_env,
            **getattr(request.module, "SERVICE_ENV", {}),
            "WEB_CONCURRENCY": str(WORKERS),
            "SERVICEDESK_BOOTSTRAP_API_KEYS": f"{ORG}:write:{key}",
        }
    )
    try:
        server.wait_until_up(timeout=60)
        api = Api(server, key)
        running = Service(server, api, database, mongo_client[database])
        _wait_until_ready(running)
        yield running
    finally:
        server.stop()


def _wait_until_ready(service: Service, timeout: float = 60) -> None:
    """Every worker has registered the bootstrap key (each does at start) and the key works."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if service.server.process.poll() is not None:
            raise RuntimeError("server exited:\n" + service.log_tail(200))
        booted = "".join(service.server.output).count(BOOTSTRAPPED)
        if booted >= WORKERS and len(service.server.worker_pids()) == WORKERS:
            reply = service.api.call("GET", "/ux/sd/inci/incident/?items_per_page=1")
            assert reply.status == 200, reply.describe() + "\n" + service.log_tail()
            return
        time.sleep(0.2)
    raise RuntimeError(f"service not ready with {WORKERS} workers:\n" + service.log_tail(200))

"""Test fixtures: a clean database per test, organizations, keys and API clients.

Without MONGODB_URI the suite runs on the embedded store (mongomock). With it,
the same suite runs against that server in a database of its own, dropped after
the run; a server that cannot be reached fails the run instead of skipping it.
"""

import os
import re
import uuid

import mongoengine
import pytest
from rest_framework.test import APIClient

from servicedesk import mongo
from servicedesk.tenancy import services
from servicedesk.tenancy.documents import SCOPE_ADMIN, SCOPE_READ, SCOPE_WRITE
from tests.support.config import referenced  # noqa: F401 - the configuration tests' fixture
from tests.support.writes import WRITTEN, listen

INTEGRATION = bool(os.environ.get("MONGODB_URI"))


def pytest_report_header(config):
    # the URI's password (DocumentDB's gateway wants a login) stays out of the log
    target = re.sub(r"//([^:/@]*):[^@]*@", r"//\1:***@", os.environ.get("MONGODB_URI", ""))
    return f"servicedesk database: {target or 'embedded store (mongomock)'}"


@pytest.fixture(scope="session", autouse=True)
def _database():
    from django.conf import settings

    # No job runner behind the tests' backs (on_start would start one).
    settings.SERVICEDESK_JOBS = "off"
    name = f"servicedesk_test_{uuid.uuid4().hex[:12]}"
    if INTEGRATION:
        listen(name)  # which collections each test writes (tests/support/writes.py)
    mongo.connect(db_name=name)
    if INTEGRATION:
        try:
            mongo.ping()
        except mongo.UNAVAILABLE_ERRORS as exc:
            pytest.exit(f"MONGODB_URI is set but the server does not answer: {exc}", returncode=3)
    yield name
    mongoengine.get_connection().drop_database(name)


@pytest.fixture(autouse=True)
def _no_background_jobs():
    """No job runner thread sends deliveries or sweeps behind a test's back: a test that
    starts one (startup.on_start with SERVICEDESK_JOBS=inprocess) has it stopped here."""
    yield
    from servicedesk.jobs.runner import stop_in_process

    stop_in_process()


@pytest.fixture(autouse=True)
def clean_db(_database):
    """Every test starts on empty collections with every index in place."""
    from servicedesk import orgcache
    from servicedesk.indexes import ensure_indexes
    from servicedesk.tenancy import keycache
    from servicedesk.webhooks import services as webhooks

    db = mongoengine.get_db()
    if INTEGRATION:
        dirty, reset = WRITTEN.take()
        names = [name for name in db.list_collection_names() if name in dirty] if reset else dirty
        for name in sorted(names):
            db[name].delete_many({})
        if reset:
            ensure_indexes()
        WRITTEN.take()  # the deletes above
    else:
        for name in db.list_collection_names():
            if not name.startswith("system."):
                db[name].delete_many({})
        ensure_indexes()
    keycache.clear()  # what this process kept belongs to the wiped data
    webhooks._kept.clear()
    orgcache.clear()
    yield db


class Tenant:
    """One organization with a key of each scope and a client for each."""

    def __init__(self, slug: str):
        self.org = services.org_create(slug=slug, name=f"{slug} Inc.")
        self.keys = {}
        self.clients = {}
        for scope in (SCOPE_READ, SCOPE_WRITE, SCOPE_ADMIN):
            _, key = services.api_key_create(org=self.org, name=f"{scope} key", scope=scope)
            self.keys[scope] = key
            client = APIClient()
            client.credentials(HTTP_AUTHORIZATION=key)
            self.clients[scope] = client

    @property
    def reader(self) -> APIClient:
        return self.clients[SCOPE_READ]

    @property
    def writer(self) -> APIClient:
        return self.clients[SCOPE_WRITE]

    @property
    def admin(self) -> APIClient:
        return self.clients[SCOPE_ADMIN]


@pytest.fixture
def tenant(clean_db) -> Tenant:
    return Tenant("acme")


@pytest.fixture
def other_tenant(clean_db) -> Tenant:
    return Tenant("globex")


@pytest.fixture
def anon() -> APIClient:
    return APIClient()

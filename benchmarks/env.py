"""The benchmark's world: Django set up, a database of its own, an organization, a key,
an in-process WSGI client, and a counter of database round trips.
"""

import os
import re
import uuid
from collections import Counter
from collections.abc import Callable

from pymongo import monitoring

# Before Django reads its settings: one line of JSON per request on stderr would drown
# the table (and time the terminal); the request-log line itself is still formatted
# only when enabled, which is the production cost we leave out (see RESULTS.md).
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servicedesk.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("SERVICEDESK_JOBS", "off")
# Rate limiting stays on (its round trip is part of every request) with limits the
# benchmark never reaches.
os.environ.setdefault("SERVICEDESK_RATE_LIMIT_PER_KEY", "1000000000")
os.environ.setdefault("SERVICEDESK_RATE_LIMIT_PER_ORG", "1000000000")
# Hour-long windows: what a worker keeps for a window (tenancy.keycache) stays kept for
# the whole run, so times and round trips are those of a worker's steady state.
os.environ.setdefault("SERVICEDESK_RATE_LIMIT_WINDOW_SECONDS", "3600")


class RoundTrips(monitoring.CommandListener):
    """Counts commands sent to the server (one command = one round trip)."""

    def __init__(self):
        self.count = 0
        self.names: Counter = Counter()

    def started(self, event):
        self.count += 1
        self.names[event.command_name] += 1

    def succeeded(self, event):
        pass

    def failed(self, event):
        pass

    def reset(self) -> None:
        self.count = 0
        self.names.clear()


ROUND_TRIPS = RoundTrips()
_registered = False


def setup_django() -> None:
    global _registered
    if not _registered:
        # Registered before mongoengine makes its client: pymongo attaches global
        # listeners to clients created afterwards. mongomock publishes no events.
        monitoring.register(ROUND_TRIPS)
        _registered = True
    import django

    django.setup()


def is_embedded() -> bool:
    from servicedesk import mongo

    return mongo.is_embedded()


def store_name() -> str:
    from django.conf import settings

    if is_embedded():
        return "embedded (mongomock)"
    # the URI's password (DocumentDB's gateway wants a login) stays out of RESULTS.md
    uri = re.sub(r"//([^:/@]*):[^@]*@", r"//\1:***@", settings.MONGODB_URI)
    return f"{uri} (FerretDB or MongoDB)"


def connect() -> str:
    """Connect to a database of our own; returns its name."""
    from servicedesk import mongo
    from servicedesk.indexes import ensure_indexes

    name = os.environ.get("MONGODB_DB") or f"servicedesk_bench_{uuid.uuid4().hex[:8]}"
    mongo.connect(db_name=name)
    if not is_embedded():
        mongo.ping()
        import mongoengine

        mongoengine.get_connection().drop_database(name)  # a leftover of an aborted run
    ensure_indexes()
    return name


def drop(name: str) -> None:
    import mongoengine

    mongoengine.get_connection().drop_database(name)


class Tenant:
    """An organization with an admin key: `key` for the Authorization header and the
    `principal` the services take."""

    def __init__(self, slug: str):
        from servicedesk.tenancy import services
        from servicedesk.tenancy.services import Principal

        self.org = services.org_create(slug=slug, name=f"{slug} Inc.")
        doc, self.key = services.api_key_create(org=self.org, name="bench", scope="admin")
        self.principal = Principal(
            key_id=doc.id,
            organization_id=self.org.id,
            organization_slug=self.org.slug,
            scope=doc.scope,
        )


class Wsgi:
    """Calls the WSGI application in-process, as a WSGI server would.

    The environ is built (by Django's RequestFactory) before the clock starts; the
    timed part is the handler call and reading the whole body, then closing it.
    """

    def __init__(self, key: str):
        from django.core.handlers.wsgi import WSGIHandler
        from django.test.client import RequestFactory

        class EnvironFactory(RequestFactory):
            def request(self, **request):
                return self._base_environ(**request)

        self.handler = WSGIHandler()
        self.factory = EnvironFactory(HTTP_AUTHORIZATION=key)

    def environ(self, method: str, path: str, data=None, **extra) -> dict:
        method = method.lower()
        if method == "get":
            return self.factory.get(path, data=data, **extra)
        if method == "post" and extra.get("content_type", "").startswith("multipart/"):
            extra.pop("content_type")
            return self.factory.post(path, data=data, **extra)
        kwargs = {"content_type": "application/json", **extra}
        return getattr(self.factory, method)(path, data=data, **kwargs)

    def run(self, environ: dict) -> tuple[int, dict, bytes]:
        status_headers: list = []

        def start_response(status, headers, exc_info=None):
            status_headers.extend((status, headers))

        response = self.handler(environ, start_response)
        try:
            body = b"".join(response)
        finally:
            response.close()
        return int(status_headers[0][:3]), dict(status_headers[1]), body

    def call(self, method: str, path: str, data=None, **extra) -> tuple[int, dict, bytes]:
        return self.run(self.environ(method, path, data, **extra))

    def timed(self, method: str, path: str, data=None, **extra) -> Callable[[], object]:
        """A callable for the harness; the environ is made fresh (untimed) per call."""
        queue: list = []

        def prepare():
            queue.append(self.environ(method, path, data, **extra))

        def fn():
            status, _, body = self.run(queue.pop())
            if status >= 400:
                raise RuntimeError(f"{method} {path}: {status} {body[:300]!r}")
            return body

        fn.prepare = prepare
        return fn

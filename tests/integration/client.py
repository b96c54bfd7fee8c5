"""A small JSON-over-HTTP client for the multi-process tests (stdlib only, always a timeout)."""

import json
import time
from dataclasses import dataclass, field

from tests.support.server import Server

INCIDENTS = "/ux/sd/inci/incident/"


@dataclass
class Reply:
    status: int
    headers: dict[str, str]  # lower-cased names
    body: object
    raw: bytes = b""
    started: float = 0.0
    elapsed: float = 0.0
    extra: dict = field(default_factory=dict)

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    def describe(self) -> str:
        return f"{self.status} {self.raw[:300]!r}"


class Api:
    """Requests with an API key against a running `Server`."""

    def __init__(self, server: Server, key: str, timeout: float = 15.0):
        self.server = server
        self.key = key
        self.timeout = timeout

    def call(self, method: str, path: str, body=None, headers=None, timeout=None) -> Reply:
        sent = {"Authorization": self.key, "Accept": "application/json"}
        data = None
        if body is not None:
            sent["Content-Type"] = "application/json"
            data = json.dumps(body).encode()
        sent.update(headers or {})
        started = time.monotonic()
        status, got, raw = self.server.request(
            path, method=method, headers=sent, data=data, timeout=timeout or self.timeout
        )
        elapsed = time.monotonic() - started
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = None
        return Reply(
            status=status,
            headers={name.lower(): value for name, value in got.items()},
            body=parsed,
            raw=raw,
            started=started,
            elapsed=elapsed,
        )

    # --- the routes the tests use ------------------------------------------------

    def create(self, summary: str, **kwargs) -> Reply:
        return self.call("POST", INCIDENTS, {"summary": summary}, **kwargs)

    def get(self, incident_id: str, **kwargs) -> Reply:
        return self.call("GET", f"{INCIDENTS}{incident_id}/", **kwargs)

    def patch(self, incident_id: str, body: dict, etag: str | None = None, **kwargs) -> Reply:
        headers = {"If-Match": etag} if etag is not None else {}
        return self.call("PATCH", f"{INCIDENTS}{incident_id}/", body, headers=headers, **kwargs)

    def resolve(self, incident_id: str, **kwargs) -> Reply:
        body = {"incident_id": incident_id, "resolution_type": "Fixed", "closure_note": "done"}
        return self.call("POST", f"{INCIDENTS}inci_resolve/", body, **kwargs)

    def total(self, **kwargs) -> int:
        reply = self.call("GET", f"{INCIDENTS}?items_per_page=1", **kwargs)
        assert reply.status == 200, reply.describe()
        return int(reply.header("X-Total-Count"))

    def readyz(self, **kwargs) -> Reply:
        return self.call("GET", "/readyz", **kwargs)

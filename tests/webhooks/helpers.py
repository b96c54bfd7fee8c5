"""A local receiver for outbound calls (127.0.0.1 only) and helpers for the webhook tests."""

import hashlib
import hmac
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from rest_framework.test import APIClient

LIST = "/ux/sd/inci/incident/"
WEBHOOKS = "/ux/sd/inci/webhook/"
DELIVERIES = "/ux/sd/inci/delivery/"
CONVERSATIONS = "/ux/sd/inci/conversation/"
RESOLVE = {"resolution_type": "Fixed", "closure_note": "rebooted"}
ALL_EVENTS = [
    "incident.created",
    "incident.updated",
    "incident.resolved",
    "incident.reopened",
    "incident.closed",
    "incident.deleted",
    "incident.restored",
    "conversation.created",
]
# Never contacted: a public address only used where no delivery is ever sent.
PUBLIC_URL = "https://8.8.8.8/hooks/servicedesk"


def expected_signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@dataclass
class Hit:
    path: str
    headers: dict
    body: bytes

    @property
    def json(self):
        return json.loads(self.body)


@dataclass
class Reply:
    """What the receiver does with one request."""

    status: int = 200
    body: bytes = b'{"ok": true}'
    headers: dict = field(default_factory=dict)
    hang: float = 0  # wait this long (or until the test ends) before answering
    drip: int = 0  # send the status line and headers one byte at a time, this many bytes
    drip_body: bool = False  # send the headers at once and drip the body instead


class Receiver:
    """An HTTP server on 127.0.0.1:<free port> that records every POST.

    `replies` are used in order (the last one repeats). With `secret` set it checks
    X-Servicedesk-Signature and answers 401 when it does not match the body.
    """

    def __init__(self):
        self.hits: list[Hit] = []
        self.replies: list[Reply] = [Reply()]
        self.secret: str | None = None
        self.bad_signatures = 0
        self.disconnected_early = 0
        self.drips_completed = 0
        self.released = threading.Event()
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length)
                with receiver.lock:
                    receiver.hits.append(Hit(self.path, dict(self.headers.items()), body))
                    index = min(len(receiver.hits), len(receiver.replies)) - 1
                    reply = receiver.replies[index]
                    signature = self.headers.get("X-Servicedesk-Signature")
                    if receiver.secret is not None and signature != expected_signature(
                        receiver.secret, body
                    ):
                        receiver.bad_signatures += 1
                        reply = Reply(status=401, body=b"bad signature")
                try:
                    self.answer(reply)
                except (BrokenPipeError, ConnectionResetError):
                    with receiver.lock:
                        receiver.disconnected_early += 1

            def answer(self, reply: Reply):
                if reply.hang:
                    receiver.released.wait(reply.hang)
                if reply.drip:
                    self.drip(reply)
                    return
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)

            def drip(self, reply: Reply):
                """One byte every 0.2 s: each read is quick, the whole answer is slow."""
                if reply.drip_body:
                    head = f"HTTP/1.1 200 OK\r\nContent-Length: {reply.drip}\r\n\r\n"
                    self.wfile.write(head.encode())
                    slow, tail = b"y" * reply.drip, b""
                else:
                    slow = b"HTTP/1.1 200 OK\r\nX-Slow: " + b"z" * reply.drip
                    slow, tail = slow[: reply.drip], b"\r\nContent-Length: 0\r\n\r\n"
                for index in range(len(slow)):
                    if receiver.released.wait(0.2):
                        return
                    self.wfile.write(slow[index : index + 1])
                    self.wfile.flush()
                self.wfile.write(tail)
                with receiver.lock:
                    receiver.drips_completed += 1

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.released.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(10)


def bounded(function: Callable, seconds: float = 60):
    """Run `function` in a thread; fail (instead of hanging the suite) if it never returns."""
    outcome = {}

    def target():
        try:
            outcome["value"] = function()
        except BaseException as exc:  # handed back to the test
            outcome["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"{function} did not return"
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def wait_for(predicate: Callable[[], bool], tries: int = 200, pause: float = 0.05) -> bool:
    """Poll `predicate` a bounded number of times (for what another thread does)."""
    for _ in range(tries):
        if predicate():
            return True
        time.sleep(pause)
    return predicate()


def clients(tenant, scope: str, count: int) -> list[APIClient]:
    """Separate clients with the tenant's key of `scope`, one per thread."""
    made = []
    for _ in range(count):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=tenant.keys[scope])
        made.append(client)
    return made


def create_incident(client, **fields):
    response = client.post(LIST, {"summary": "Printer on fire", **fields}, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def register(client, url, events=None, **fields):
    body = {"url": url, "events": events or ALL_EVENTS, **fields}
    response = client.post(WEBHOOKS, body, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def deliveries(client, **query):
    response = client.get(DELIVERIES, {"items_per_page": 100, **query})
    assert response.status_code == 200, response.content
    return response.json()


def act(client, name, body):
    response = client.post(f"{LIST}{name}/", body, format="json")
    assert response.status_code == 200, response.content
    (result,) = response.json()["results"]
    assert result["ok"] is True, result
    return result

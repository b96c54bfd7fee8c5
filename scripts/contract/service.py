"""The service as the contract checks use it: started under gunicorn on a free loopback
port, offline (offline/sitecustomize.py), with an admin key, and seeded through its API."""

import base64
import json
import os
import secrets
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.support.server import Server  # noqa: E402

API = "/ux/sd/inci/"


def start(**env: str) -> tuple[Server, str]:
    """(server, admin key): the embedded store, no rate limit, nothing leaves the machine."""
    key = "sdk_" + secrets.token_urlsafe(24)
    offline = str(Path(__file__).resolve().parent / "offline")
    server = Server(
        {
            "SERVICEDESK_BOOTSTRAP_API_KEYS": f"acme:admin:{key},globex:admin:{key}x",
            "SERVICEDESK_RATE_LIMIT_PER_KEY": "0",
            "SERVICEDESK_RATE_LIMIT_PER_ORG": "0",
            "PYTHONPATH": os.pathsep.join(filter(None, [offline, os.environ.get("PYTHONPATH")])),
            "LOG_LEVEL": "WARNING",
            **env,
        }
    )
    server.wait_until_up()
    return server, key


def call(server: Server, key: str, method: str, path: str, body=None) -> dict | list:
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Authorization": key, "Content-Type": "application/json"}
    status, _, raw = server.request(API + path, method=method, headers=headers, data=data)
    if status >= 300:
        raise RuntimeError(f"{method} {path}: {status} {raw[:300]!r}")
    return json.loads(raw) if raw else {}


def seed(server: Server, key: str) -> dict[str, list[str]]:
    """Objects of every kind; their ids by kind (what the fuzzer swaps into requests)."""
    webhook = call(
        server,
        key,
        "POST",
        "webhook/",
        {"url": "https://hooks.example.com/servicedesk", "events": ["incident.created"]},
    )
    incidents = [
        call(
            server,
            key,
            "POST",
            "incident/",
            {"summary": f"VPN drops {n}", "requester_email": f"ada{n}@example.com"},
        )
        for n in range(3)
    ]
    first, resolved = incidents[0], incidents[1]
    call(
        server,
        key,
        "POST",
        "incident/inci_resolve/",
        {
            "incident_id": resolved["incident_id"],
            "resolution_type": "Fixed",
            "closure_note": "rebooted",
        },
    )
    conversation = call(
        server,
        key,
        "POST",
        "conversation/",
        {"incident_id": first["incident_id"], "kind": "note", "body": "<p>Checked.</p>"},
    )
    files = call(
        server,
        key,
        "POST",
        "incident/add-attachment/",
        {
            "incident_id": first["incident_id"],
            "files": [{"file_name": "log.txt", "content_base64": base64.b64encode(b"x").decode()}],
        },
    )
    deliveries = call(server, key, "GET", "delivery/")
    return {
        "incident": [i["incident_id"] for i in incidents] + [i["display_id"] for i in incidents],
        "conversation": [conversation["conversation_id"]],
        "attachment": [f["attachment_id"] for f in files],
        "webhook": [webhook["webhook_id"]],
        "delivery": [d["delivery_id"] for d in deliveries][:3],
    }


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback
        return json.loads(response.read())

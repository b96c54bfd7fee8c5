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
ORG = "/ux/sd/org/"


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


def call(
    server: Server, key: str, method: str, path: str, body=None, *, prefix: str = API
) -> dict | list:
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Authorization": key, "Content-Type": "application/json"}
    status, _, raw = server.request(prefix + path, method=method, headers=headers, data=data)
    if status >= 300:
        raise RuntimeError(f"{method} {path}: {status} {raw[:300]!r}")
    return json.loads(raw) if raw else {}


def seed_configuration(server: Server, key: str) -> dict[str, list[str]]:
    """Configuration the fuzzer's references point at (st_hooks: a valid request names
    configuration that exists); their ids by kind."""

    def make(path: str, body: dict) -> str:
        return call(server, key, "POST", path, body, prefix=ORG)["id"]

    group = make("groups/", {"name": "Fuzz group"})
    agent = make(
        "agents/", {"name": "Fuzz agent", "email": "fuzz@example.com", "group_ids": [group]}
    )
    service = make("services/", {"name": "Fuzz service", "default_group_id": group})
    calendar = make(
        "calendars/",
        {
            "name": "Fuzz calendar",
            "time_zone": "Europe/Berlin",
            "hours": {"monday": [["09:00", "17:00"]]},
        },
    )
    template = make(
        "templates/",
        {"name": "Fuzz template", "fields": {"summary": "VPN", "support_group": group}},
    )
    return {
        "group": [group],
        "agent": [agent],
        "service": [service],
        "calendar": [calendar],
        "template": [template],
    }


def seed(server: Server, key: str) -> dict[str, list[str]]:
    """Objects of every kind; their ids by kind (what the fuzzer swaps into requests)."""
    configuration = seed_configuration(server, key)
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
        **configuration,
    }


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback
        return json.loads(response.read())

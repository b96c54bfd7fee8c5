"""Fixtures of the fuzz tests: no network, no rate limit, and a seeded organization.

Every fuzz test starts on empty collections (the autouse `clean_db` of tests/conftest.py)
and seeds them again (`seeded`), so each operation is fuzzed against the same data:
two organizations, incidents (one resolved, with feedback), a conversation, attachments,
a webhook endpoint and its deliveries, and each organization's configuration (an agent,
a group, a service, a custom field, a template, a calendar, an SLA policy). `Seed.pools`
hands those ids to the fuzzer (configuration pools: this organization's id first, then
the other's).
"""

import base64
import ipaddress
import os
import socket
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from servicedesk.webhooks import transport
from tests.conftest import Tenant

API = "/ux/sd/inci/"
ORG = "/ux/sd/org/"
# What every host name resolves to in these tests (example.com's documented address):
# public, so webhook URLs are accepted, and never contacted (see `_no_network`).
FAKE_ADDRESS = "93.184.216.34"
WEBHOOK_URL = "https://hooks.example.com/servicedesk"
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


# Totals of the run, printed at its end (see pytest_terminal_summary).
STATS: dict[str, int] = {}


def record_stat(name: str, amount: int) -> None:
    STATS[name] = STATS.get(name, 0) + amount


def pytest_terminal_summary(terminalreporter):
    if STATS:
        terminalreporter.section("fuzz totals")
        for name, amount in STATS.items():
            terminalreporter.write_line(f"{name}: {amount}")


def _database_hosts() -> set[str]:
    """Hosts of MONGODB_URI (integration runs): these still resolve and connect for real."""
    uri = os.environ.get("MONGODB_URI", "")
    if not uri:
        return set()
    hosts = set()
    for part in urlsplit(uri).netloc.rsplit("@", 1)[-1].split(","):
        host = part.rsplit(":", 1)[0] if not part.endswith("]") else part
        hosts.add(host.strip("[]").lower())
    return hosts


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return host.lower() == "localhost"


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """No DNS query and no connection leaves the machine during a fuzz test.

    `getaddrinfo` answers FAKE_ADDRESS for every name (an IP literal answers itself,
    `localhost` loopback), so the webhook URL checks run without DNS; a connection to
    anything but loopback (or the database of an integration run) fails at once with
    OSError, which the webhook sender records as a failed attempt.
    """
    real_getaddrinfo = socket.getaddrinfo
    real_create_connection = socket.create_connection
    passthrough = _database_hosts()

    def fake_getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
        name = (host.decode() if isinstance(host, bytes) else str(host or "")).strip("[]")
        if name.lower() in passthrough:
            return real_getaddrinfo(host, port, family, type, proto, flags)
        if not name or len(name) > 253:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        try:
            address = ipaddress.ip_address(name.split("%")[0])
        except ValueError:
            address = ipaddress.ip_address(
                "127.0.0.1" if name.lower() == "localhost" else FAKE_ADDRESS
            )
        port = int(port or 0)
        if address.version == 6:
            return [(socket.AF_INET6, socket.SOCK_STREAM, 6, "", (str(address), port, 0, 0))]
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (str(address), port))]

    def guarded_create_connection(address, *args, **kwargs):
        host = str(address[0])
        if _is_loopback(host) or host.lower() in passthrough:
            return real_create_connection(address, *args, **kwargs)
        raise OSError(f"fuzz tests do not connect to {host}")

    # `transport.socket` is the socket module: http.client and ssl use the same functions.
    monkeypatch.setattr(transport.socket, "getaddrinfo", fake_getaddrinfo)
    monkeypatch.setattr(transport.socket, "create_connection", guarded_create_connection)


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    """Hundreds of requests per minute per key: rate limiting would answer 429."""
    settings.SERVICEDESK_RATE_LIMIT_PER_KEY = 0
    return settings


@dataclass
class Seed:
    tenant: Tenant
    other: Tenant
    pools: dict[str, list[str]] = field(default_factory=dict)

    @property
    def admin_key(self) -> str:
        return self.tenant.keys["admin"]


def _created(response, status=201):
    assert response.status_code == status, response.content[:500]
    return response.json()


def seed_data(tenant: Tenant, other: Tenant) -> Seed:
    """Objects of every kind, created through the API; their ids by kind in `pools`."""
    admin = tenant.admin
    webhook = _created(
        admin.post(
            f"{API}webhook/",
            {"url": WEBHOOK_URL, "events": ALL_EVENTS, "description": "fuzz"},
            format="json",
        )
    )
    incidents = []
    for n in range(3):
        body = {
            "summary": f"VPN drops {n}",
            "description": "<p>Since <b>Monday</b></p>",
            "requester_name": "Ada Lovelace",
            "requester_email": f"ada{n}@example.com",
            "tag": ["vpn"],
            "assets": ["laptop-7"],
        }
        incidents.append(_created(admin.post(f"{API}incident/", body, format="json")))
    first, resolved, _ = incidents
    _created(
        admin.post(
            f"{API}incident/inci_resolve/",
            {
                "incident_id": resolved["incident_id"],
                "resolution_type": "Fixed",
                "closure_note": "rebooted",
            },
            format="json",
        ),
        200,
    )
    _created(
        admin.post(
            f"{API}incident/feedback/",
            {"incident_id": resolved["incident_id"], "rating": 4, "comment": "quick"},
            format="json",
        )
    )
    conversation = _created(
        admin.post(
            f"{API}conversation/",
            {
                "incident_id": first["incident_id"],
                "kind": "reply",
                "body": "<p>Can you try again?</p>",
                "to": ["ada0@example.com"],
            },
            format="json",
        )
    )
    attachments = []
    for target in ({}, {"conversation_id": conversation["conversation_id"]}):
        upload = {
            "incident_id": first["incident_id"],
            **target,
            "files": [
                {
                    "file_name": "log.txt",
                    "content_base64": base64.b64encode(b"line 1\nline 2\n").decode(),
                }
            ],
        }
        attachments += _created(admin.post(f"{API}incident/add-attachment/", upload, format="json"))
    deliveries = admin.get(f"{API}delivery/").json()
    assert deliveries, "the webhook should have recorded deliveries"
    foreign = _created(other.admin.post(f"{API}incident/", {"summary": "not yours"}, format="json"))
    configuration = seed_configuration(admin)
    foreign_configuration = seed_configuration(other.admin)
    return Seed(
        tenant=tenant,
        other=other,
        pools={
            "incident": [i["incident_id"] for i in incidents]
            + [i["display_id"] for i in incidents]
            + [foreign["incident_id"]],
            "conversation": [conversation["conversation_id"]],
            "attachment": [a["attachment_id"] for a in attachments],
            "webhook": [webhook["webhook_id"]],
            "delivery": [d["delivery_id"] for d in deliveries[:5]],
            **{
                kind: [item["id"], foreign_configuration[kind]["id"]]
                for kind, item in configuration.items()
            },
        },
    )


def seed_configuration(admin) -> dict[str, dict]:
    """One object of each configuration resource, referring to each other."""
    agent = _created(
        admin.post(f"{ORG}agents/", {"name": "Ada", "email": "ada@example.com"}, format="json")
    )
    group = _created(
        admin.post(
            f"{ORG}groups/",
            {"name": "Network", "member_ids": [agent["id"]], "auto_assign": "round_robin"},
            format="json",
        )
    )
    service = _created(
        admin.post(
            f"{ORG}services/",
            {
                "name": "Email",
                "classifications": [{"name": "Spam"}],
                "default_group_id": group["id"],
            },
            format="json",
        )
    )
    custom_field = _created(
        admin.post(
            f"{ORG}custom-fields/",
            {"key": "cost_center", "label": "Cost", "type": "select", "options": ["R&D"]},
            format="json",
        )
    )
    template = _created(
        admin.post(
            f"{ORG}templates/",
            {
                "name": "VPN",
                "fields": {
                    "summary": "VPN down",
                    "support_group": group["id"],
                    "assignee": agent["id"],
                    "impact_service": service["id"],
                    "custom_field_data": {"cost_center": "R&D"},
                },
            },
            format="json",
        )
    )
    calendar = _created(
        admin.post(
            f"{ORG}calendars/",
            {
                "name": "Office",
                "time_zone": "Europe/Berlin",
                "hours": {"monday": [["09:00", "12:00"], ["13:00", "17:00"]]},
                "holidays": ["2025-12-25"],
            },
            format="json",
        )
    )
    sla_policy = _created(
        admin.post(
            f"{ORG}sla-policies/",
            {
                "name": "Standard",
                "calendar_id": calendar["id"],
                "conditions": {"support_group_ids": [group["id"]]},
                "targets": {"response_minutes": 30, "resolution_minutes": 480},
            },
            format="json",
        )
    )
    return {
        "agent": agent,
        "group": group,
        "service": service,
        "custom_field": custom_field,
        "template": template,
        "calendar": calendar,
        "sla_policy": sla_policy,
    }


@pytest.fixture
def seeded(clean_db, _no_network, _no_rate_limit) -> Seed:
    return seed_data(Tenant("acme"), Tenant("globex"))

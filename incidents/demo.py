"""Realistic demo incidents, made through the same services the API uses."""

import random
from collections.abc import Callable

from incidents import choices, services
from incidents.api.serializers import IncidentCreateSerializer
from servicedesk.tenancy.services import Principal

SUMMARIES = [
    ("VPN disconnects every few minutes", "network", ["vpn", "remote"]),
    ("Outlook cannot connect to the mail server", "messaging", ["email"]),
    ("Laptop does not boot after update", "desktop", ["hardware", "windows"]),
    ("Printer on 3rd floor jams", "facilities", ["printer"]),
    ("Password reset for ERP account", "identity", ["access"]),
    ("Wi-Fi slow in meeting room B", "network", ["wifi"]),
    ("Shared drive is read-only", "storage", ["files"]),
    ("Teams calls drop audio", "messaging", ["teams", "audio"]),
    ("New starter needs accounts and laptop", "identity", ["onboarding"]),
    ("CRM shows error 500 on save", "applications", ["crm"]),
    ("Monitor flickers", "desktop", ["hardware"]),
    ("Cannot access payroll portal", "applications", ["payroll", "access"]),
]
PEOPLE = [
    ("Ann Lee", "ann.lee@example.com", "+1 555 0101"),
    ("Bram de Vries", "bram.devries@example.com", "+31 20 555 0102"),
    ("Chen Wei", "chen.wei@example.com", "+86 10 5550 103"),
    ("Dana Ortiz", "dana.ortiz@example.com", "+34 91 555 0104"),
    ("Emeka Obi", "emeka.obi@example.com", "+234 1 555 0105"),
    ("Fatima Khan", "fatima.khan@example.com", "+44 20 5550 106"),
]
AGENTS = ["alex", "sam", "robin", "kim", ""]


def seed(*, principal: Principal, count: int, rng: random.Random) -> int:
    """Create `count` incidents in varied states; returns how many were made."""
    for _ in range(count):
        summary, group, tags = rng.choice(SUMMARIES)
        name, email, phone = rng.choice(PEOPLE)
        assignee = rng.choice(AGENTS)
        body = IncidentCreateSerializer(
            data={
                "summary": summary,
                "description": f"<p>{summary}. Reported by {name}.</p>",
                "urgency_id": rng.choice(choices.URGENCIES.ids()),
                "impact_id": rng.choice(choices.IMPACTS.ids()),
                "incident_source": {"id": rng.choice(choices.SOURCES.ids())},
                "requester_name": name,
                "requester_email": email,
                "requester_phone": phone,
                "support_group": group,
                "assignee": assignee,
                "status_id": choices.STATUS_ASSIGNED if assignee else choices.STATUS_NEW,
                "tag": tags,
            }
        )
        body.is_valid(raise_exception=True)
        incident = services.incident_create(principal=principal, data=body.validated_data)
        advance(
            principal,
            incident,
            rng.random(),
            lambda: rng.choice(choices.RESOLUTION_TYPES.names()),
        )
    # The directory job would within seconds; a demo is searchable at once.
    services.requester_directory_apply(organization_id=principal.organization_id)
    return count


def advance(
    principal: Principal,
    incident,
    roll: float,
    pick_resolution: Callable[[], str] = lambda: "Fixed",
) -> None:
    """Walk part of the workflow by `roll` (0 to 1): most stay open, some resolved,
    reopened, closed or cancelled."""
    if roll < 0.45:
        return
    if roll < 0.55:
        services.incident_close_or_cancel(
            principal=principal, incident=incident, reason="Duplicate request"
        )
        return
    incident = services.incident_resolve(
        principal=principal,
        incident=incident,
        resolution_type=pick_resolution(),
        closure_note="Applied the standard fix and confirmed with the requester.",
    )
    if roll < 0.8:
        return
    if roll < 0.9:
        services.incident_reopen(principal=principal, incident=incident, reason="Came back")
        return
    services.incident_close_or_cancel(principal=principal, incident=incident)

"""Realistic incidents, made once through the app's own create path, then cloned in bulk.

A dozen templates are created with `incidents.services.incident_create` (and walked
through the workflow, so some carry a resolution, a reopen or a closing), read back
raw, and cloned with new ids, display numbers and times by pymongo `insert_many`.
The organization's counter is moved past the clones, so later creates number on.
"""

import copy
import random
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from bson import ObjectId
from pymongo.errors import BulkWriteError

from incidents.demo import AGENTS, PEOPLE, SUMMARIES, advance
from servicedesk.timeutil import now

# The same realistic people and problems as seed_demo, so the two never drift apart.
UNIQUE_INDEX = "number_key_unique"


def create_body(rng: random.Random, n: int = 0) -> dict:
    """A realistic flat create body (the listing's shape, most fields filled in)."""
    summary, group, tags = SUMMARIES[n % len(SUMMARIES)]
    name, email, phone = rng.choice(PEOPLE)
    assignee = rng.choice(AGENTS)
    return {
        "summary": summary,
        "description": (
            f"<p>{summary}.</p><p>Reported by <strong>{name}</strong> from the "
            "Amsterdam office. Steps taken so far:</p><ul><li>Restarted the device</li>"
            "<li>Checked the cable and the network settings</li><li>Tried another user "
            'account</li></ul><p>See <a href="https://status.example.com/incidents">the '
            "status page</a>. The problem started this morning around 09:30 and affects "
            "the whole team of 12 people, who cannot work until it is fixed.</p>"
        ),
        "catalogue": "IT services",
        "impact_service": "svc-042",
        "impact_service_name": "Corporate network",
        "service_classification": "cls-7",
        "service_classification_name": "Infrastructure",
        "urgency_id": rng.choice([1, 2, 3]),
        "impact_id": rng.choice([1, 2, 3]),
        "incident_source": {"id": 1, "name": "Web"},
        "incident_type": {"id": 1, "name": "Incident", "prefix": "inci"},
        "is_first_call": False,
        "requester_id": f"emp-{1000 + n}",
        "requester_name": name,
        "requester_email": email,
        "requester_phone": phone,
        "reporter_name": "Service Desk",
        "reporter_email": "servicedesk@example.com",
        "reporter_phone": "+1 555 0100",
        "watcher": ["it-lead@example.com", "team-network@example.com"],
        "support_group": group,
        "assignee": assignee,
        "tag": tags,
        "assets": [{"name": "LT-0042", "type": "laptop"}, {"name": "MON-0017", "type": "monitor"}],
        "reference": [{"type": "change", "id": "CHG-311"}],
        "custom_field": [
            {"key": "building", "value": "HQ-2"},
            {"key": "floor", "value": 3},
            {"key": "cost_center", "value": "CC-4410"},
        ],
        "custom_field_data": {"building": "HQ-2", "floor": 3, "vip": False},
        "location": {"site": "Amsterdam", "room": "3.14"},
        "template_info": {"id": "tpl-network", "name": "Network problem"},
        "config": {"sla": "gold"},
        "escalation": {"level": 0},
        "hold_config": {},
    }


def make_templates(principal, rng: random.Random, count: int = 12) -> list[dict]:
    """`count` incidents made by the app; returns them raw (as stored, with history)."""
    from incidents import services
    from incidents.api.serializers import IncidentCreateSerializer
    from incidents.documents import Incident

    ids = []
    for n in range(count):
        body = IncidentCreateSerializer(data=create_body(rng, n))
        body.is_valid(raise_exception=True)
        incident = services.incident_create(principal=principal, data=body.validated_data)
        advance(principal, incident, n / count)
        ids.append(incident.id)
    # As the directory job leaves them within seconds: no clone owes the directory.
    services.requester_directory_apply(organization_id=principal.organization_id)
    raw = Incident._get_collection().find({"_id": {"$in": ids}})
    return sorted(raw, key=lambda doc: doc["display_number"])


def clone(
    principal,
    templates: list[dict],
    total: int,
    *,
    open_only: bool = False,
    batch_size: int = 5000,
    until: float | None = None,
    threads: int = 1,
) -> int:
    """Fill the organization up to `total` incidents with clones of the templates.

    Times go back one minute per incident from now, so the newest clone is the first
    of the list. Returns how many were inserted; with `until` (a time.time()), stops
    inserting once that time has passed. `open_only` clones only the open
    templates (for the workflow benchmarks). `threads` > 1 sends that many batches at
    once (on PostgreSQL under DocumentDB each is a backend of its own, so a second
    core stores too); the batches are numbered before they are sent, and a run that
    stops at `until` waits for those sent, so the numbers stay gapless.
    """
    from incidents.documents import Counter, Incident
    from incidents.transitions import is_open
    from servicedesk.mongo import is_embedded

    collection = Incident._get_collection()
    organization_id = principal.organization_id
    have = collection.count_documents({"organization_id": organization_id})
    counter_id = f"{organization_id}:incident"
    counter = Counter._get_collection().find_one({"_id": counter_id}) or {"seq": 0}
    start = counter["seq"]
    pool = [t for t in templates if is_open(t["basic_info"]["status_id"])] if open_only else []
    pool = pool or templates
    # mongomock checks a unique index on each insert by scanning every stored document
    # (quadratic: 10k clones took minutes); without the index, then re-made, it is linear.
    embedded = is_embedded()
    if embedded:
        collection.drop_index(UNIQUE_INDEX)
    moment = now()
    batch: list[dict] = []
    inserted = 0
    executor = ThreadPoolExecutor(max_workers=threads) if threads > 1 else None
    sent: deque = deque()

    def send(docs: list[dict]) -> int:
        if executor is None:
            return insert_batch(collection, docs)
        sent.append(executor.submit(insert_batch, collection, docs))
        done = 0
        while len(sent) > threads:  # at most `threads` batches waiting beyond those running
            done += sent.popleft().result()
        return done

    for i in range(total - have):
        number = start + i + 1
        doc = copy.copy(pool[i % len(pool)])
        created = moment - timedelta(minutes=total - i)
        doc.update(
            _id=ObjectId(),
            organization_id=organization_id,
            display_number=number,
            display_id=f"INCI-{number}",
            number_key=f"{organization_id}:INCI-{number}",
            creation_time=created,
            last_update_time=created + timedelta(minutes=3),
        )
        batch.append(doc)
        if len(batch) == batch_size:
            inserted += send(batch)
            batch = []
            if until is not None and time.time() >= until:
                break
    if batch:
        inserted += send(batch)
    if executor is not None:
        inserted += sum(future.result() for future in sent)
        executor.shutdown()
    if embedded:
        Incident.ensure_indexes()
    Counter._get_collection().update_one(
        {"_id": counter_id}, {"$set": {"seq": start + inserted}}, upsert=True
    )
    return inserted


def insert_batch(collection, batch: list[dict]) -> int:
    """insert_many of one batch; returns its length.

    pymongo retries a write once when the connection drops or times out, and a retried
    batch that the server had already stored answers duplicate `_id`s: our ids are fresh
    ObjectIds, so a batch whose every error is a duplicate is stored whole. Anything else
    is raised.
    """
    try:
        collection.insert_many(batch, ordered=False)
    except BulkWriteError as exc:
        details = exc.details
        errors = details.get("writeErrors", [])
        if not all(_duplicate_id(error) for error in errors) or details.get("nInserted", 0) + len(
            errors
        ) != len(batch):
            raise
    return len(batch)


def _duplicate_id(error: dict) -> bool:
    """A duplicate `_id` (MongoDB names the key pattern, DocumentDB the index `_id_`)."""
    return error.get("code") == 11000 and (
        error.get("keyPattern") == {"_id": 1} or "'_id_'" in error.get("errmsg", "")
    )

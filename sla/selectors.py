"""Reads of the SLA configuration: calendars, policies, settings; which policy applies.

An organization's SLA configuration is loaded once per request (servicedesk.orgcache)
and every incident write of the request uses it.
"""

import contextlib
from dataclasses import dataclass, field
from datetime import date

from bson import ObjectId
from pymongo.errors import DuplicateKeyError

from servicedesk import orgcache
from servicedesk.configuration import name_key
from servicedesk.timeutil import isoformat, now
from sla.business_time import ALWAYS, MINUTES_PER_DAY, Calendar
from sla.clocks import Policy
from sla.documents import (
    BUILTIN_NAME,
    DEFAULT_AUTO_CLOSE_DAYS,
    WEEKDAYS,
    BusinessCalendar,
    SlaPolicy,
    SlaSettings,
)

TOPIC = "sla"


def minutes_of(text: str) -> int:
    """`"09:30"` -> 570; `"24:00"` -> 1440."""
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def calendar_of(document: BusinessCalendar) -> Calendar:
    if document.builtin:
        return ALWAYS
    return Calendar.build(
        time_zone=document.time_zone,
        hours={
            WEEKDAYS.index(day): [
                (minutes_of(item["start"]), minutes_of(item["end"])) for item in intervals
            ]
            for day, intervals in (document.hours or {}).items()
        },
        holidays=[date.fromisoformat(day) for day in document.holidays],
    )


def builtin_calendar(*, organization_id: ObjectId) -> BusinessCalendar:
    """The organization's `24x7` calendar, stored the first time it is asked for."""
    found = BusinessCalendar.objects(organization_id=organization_id, builtin=True).first()
    if found is not None:
        return found
    moment = now()
    # Another request may store it first: a duplicate key.
    with contextlib.suppress(DuplicateKeyError):
        BusinessCalendar._get_collection().update_one(
            {"organization_id": organization_id, "name_key": name_key(BUILTIN_NAME)},
            {
                "$setOnInsert": {
                    "organization_id": organization_id,
                    "name": BUILTIN_NAME,
                    "name_key": name_key(BUILTIN_NAME),
                    "time_zone": "UTC",
                    "hours": {day: [{"start": "00:00", "end": "24:00"}] for day in WEEKDAYS},
                    "holidays": [],
                    "builtin": True,
                    "active": True,
                    "created_at": moment,
                    "updated_at": moment,
                }
            },
            upsert=True,
        )
    return BusinessCalendar.objects(organization_id=organization_id, builtin=True).first()


@dataclass(frozen=True)
class Rule:
    policy: Policy
    priority_ids: frozenset[int]
    incident_type_ids: frozenset[int]
    service_ids: frozenset[str]
    support_group_ids: frozenset[str]

    def matches(self, facts: dict) -> bool:
        return all(
            not wanted or facts.get(name) in wanted
            for name, wanted in (
                ("priority_id", self.priority_ids),
                ("incident_type_id", self.incident_type_ids),
                ("service_id", self.service_ids),
                ("support_group_id", self.support_group_ids),
            )
        )


@dataclass(frozen=True)
class SlaConfig:
    rules: tuple[Rule, ...] = ()
    calendars: dict[str, Calendar] = field(default_factory=dict)
    auto_close_days: int | None = DEFAULT_AUTO_CLOSE_DAYS

    def policy_for(self, facts: dict) -> Policy | None:
        """The first active policy by `order` whose conditions the incident meets."""
        return next((rule.policy for rule in self.rules if rule.matches(facts)), None)

    def calendar(self, calendar_id: str | None) -> Calendar:
        return self.calendars.get(calendar_id or "", ALWAYS)


def _load(organization_id: ObjectId) -> SlaConfig:
    calendars = {
        str(doc.id): doc for doc in BusinessCalendar.objects(organization_id=organization_id)
    }
    rules = []
    policies = SlaPolicy.objects(organization_id=organization_id, active=True).order_by(
        "order", "name_key", "id"
    )
    for doc in policies:
        calendar = calendars.get(str(doc.calendar_id)) if doc.calendar_id else None
        stamp = f"{doc.id}:{isoformat(doc.updated_at)}"
        if calendar is not None:
            stamp += f":{calendar.id}:{isoformat(calendar.updated_at)}"
        policy = Policy(
            id=str(doc.id),
            name=doc.name,
            calendar_id=str(doc.calendar_id) if doc.calendar_id else None,
            response_minutes=doc.targets.response_minutes,
            resolution_minutes=doc.targets.resolution_minutes,
            pause_status_ids=frozenset(doc.pause_status_ids),
            warn_at_percent=doc.warn_at_percent,
            fingerprint=stamp,
        )
        conditions = doc.conditions
        rules.append(
            Rule(
                policy=policy,
                priority_ids=frozenset(conditions.priority_ids),
                incident_type_ids=frozenset(conditions.incident_type_ids),
                service_ids=frozenset(conditions.service_ids),
                support_group_ids=frozenset(conditions.support_group_ids),
            )
        )
    settings = SlaSettings.objects(organization_id=organization_id).first()
    return SlaConfig(
        rules=tuple(rules),
        calendars={key: calendar_of(doc) for key, doc in calendars.items()},
        auto_close_days=settings.auto_close_days if settings else DEFAULT_AUTO_CLOSE_DAYS,
    )


def sla_config(*, organization_id: ObjectId) -> SlaConfig:
    return orgcache.kept(TOPIC, organization_id, lambda: _load(organization_id))


def settings_of(*, organization_id: ObjectId) -> SlaSettings:
    """The stored settings, or the defaults (unsaved) when none were stored."""
    found = SlaSettings.objects(organization_id=organization_id).first()
    return found or SlaSettings(
        organization_id=organization_id,
        auto_close_days=DEFAULT_AUTO_CLOSE_DAYS,
        updated_at=now(),
    )


def calendar_referenced(*, calendar: BusinessCalendar) -> bool:
    """Whether a policy counts on the calendar."""
    return (
        SlaPolicy.objects(organization_id=calendar.organization_id, calendar_id=calendar.id)
        .only("id")
        .first()
        is not None
    )


def is_valid_interval(start: str, end: str) -> bool:
    return 0 <= minutes_of(start) < minutes_of(end) <= MINUTES_PER_DAY

"""The SLA clocks of one incident: what each change does to them, and what they show.

Pure: given the clocks as stored (`sla` on the incident, a dict), the incident as a
change leaves it, the policy that applies and its calendar, `plan` answers the
clocks to store. `marks` answers the warnings and breaches that are due at a
moment (the job's part) and `view` the representation.

Stored (`sla` on the incident; times UTC):

    organization_id, calendar_id, fingerprint   what the clocks were computed with
    policy: {id, name}, warn_at_percent
    pauses: [{from, to or None}, ...]           time in a pause status (both clocks)
    response, resolution: clock or None         None: the policy sets no such target
    due_at     the earliest due time of a running clock      (list filter sla_due_before)
    breached   any clock missed its target                    (list filter sla_breached)
    next_at    the earliest warning or due time still to mark (the job's scan)

    clock: {target_minutes, met_at, stopped_at, reopened: [{from, to}, ...],
            due_at, warn_at, warned, breached, remaining_seconds}

A running clock has neither `met_at`, `stopped_at` nor an open pause; its
`remaining_seconds` is computed when read. Paused, met or stopped, it keeps the
business seconds that were left (negative: overdue) and its `warn_at` is None;
paused, its `due_at` is None too (it moves when the clock runs again).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sla.business_time import Calendar, add_business, business_between

RESPONSE, RESOLUTION = "response", "resolution"
CLOCKS = (RESPONSE, RESOLUTION)
WARNING, BREACH = "sla_warning", "sla_breached"


@dataclass(frozen=True)
class Policy:
    id: str
    name: str
    calendar_id: str | None
    response_minutes: int | None
    resolution_minutes: int | None
    pause_status_ids: frozenset[int]
    warn_at_percent: int
    fingerprint: str  # changes whenever the policy or its calendar does


@dataclass(frozen=True)
class Facts:
    """What the clocks need of an incident after a change."""

    created_at: datetime
    status_id: int
    open: bool  # in the Open state (not Resolved, not Closed)
    resolved: bool  # status Resolved
    final: bool  # Closed or Cancelled
    responded: bool  # this change is a public outbound conversation


def _minutes(value: int) -> timedelta:
    return timedelta(minutes=value)


def _ms(moment: datetime | None) -> datetime | None:
    """MongoDB keeps milliseconds: what is compared after a read must be stored as is."""
    return None if moment is None else moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def _pause_total(calendar: Calendar, intervals) -> timedelta:
    total = timedelta(0)
    for pause in intervals:
        if pause["to"] is not None:
            total += business_between(calendar, pause["from"], pause["to"])
    return total


def _new_clock(minutes: int) -> dict:
    return {
        "target_minutes": minutes,
        "met_at": None,
        "stopped_at": None,
        "reopened": [],
        "due_at": None,
        "warn_at": None,
        "warned": False,
        "breached": False,
        "remaining_seconds": None,
    }


def running(clock: dict | None, sla: dict) -> bool:
    return bool(
        clock
        and clock["met_at"] is None
        and clock["stopped_at"] is None
        and not (sla["pauses"] and sla["pauses"][-1]["to"] is None)
    )


def plan(
    *,
    organization_id,
    before: dict | None,
    facts: Facts,
    policy: Policy | None,
    calendar: Calendar,
    moment: datetime,
) -> tuple[dict | None, list[str]]:
    """The clocks after a change, and the marks (`sla_breached` of a clock) it makes.

    A target met after its due time is marked breached here (the job may not have
    come by yet). A new policy (or a changed one) re-counts every target from the
    incident's creation, less the time paused, with its flags cleared: it is a new
    clock. `before` is never changed.
    """
    if policy is None:
        return None, []
    same = before is not None and before.get("fingerprint") == policy.fingerprint
    old = before or {}
    pauses = [dict(pause) for pause in old.get("pauses", [])]
    sla = {
        "organization_id": organization_id,
        "calendar_id": policy.calendar_id,
        "fingerprint": policy.fingerprint,
        "policy": {"id": policy.id, "name": policy.name},
        "warn_at_percent": policy.warn_at_percent,
        "pauses": pauses,
    }
    paused_now = facts.open and facts.status_id in policy.pause_status_ids
    open_pause = bool(pauses) and pauses[-1]["to"] is None
    if paused_now and not open_pause:
        pauses.append({"from": facts.created_at if before is None else moment, "to": None})
    elif open_pause and not paused_now:
        pauses[-1]["to"] = moment
    marks: list[str] = []
    for name in CLOCKS:
        minutes = getattr(policy, f"{name}_minutes")
        previous = old.get(name)
        if minutes is None:
            sla[name] = None
            continue
        clock = _new_clock(minutes)
        if previous:
            for key in ("met_at", "stopped_at", "reopened"):
                clock[key] = previous[key]
            if same:
                clock["warned"], clock["breached"] = previous["warned"], previous["breached"]
        clock["reopened"] = [dict(pause) for pause in clock["reopened"]]
        _step(name, clock, facts, moment)
        was_breached = clock["breached"]
        _compute(sla, clock, calendar, facts.created_at, moment)
        if clock["breached"] and not was_breached:
            marks.append(name)
        sla[name] = clock
    _summarize(sla)
    return sla, marks


def _step(name: str, clock: dict, facts: Facts, moment: datetime) -> None:
    """Stop, resume or finish one clock as the incident's status and the change say."""
    if clock["stopped_at"] is not None:
        return
    if name == RESPONSE:
        if clock["met_at"] is None and (facts.responded or facts.resolved):
            clock["met_at"] = moment
    elif facts.resolved:
        if clock["met_at"] is None:
            clock["met_at"] = moment
    elif facts.open and clock["met_at"] is not None:  # reopened: resume, less the time out
        clock["reopened"].append({"from": clock["met_at"], "to": moment})
        clock["met_at"] = None
    if facts.final and clock["met_at"] is None:
        clock["stopped_at"] = moment


def _compute(sla: dict, clock: dict, calendar: Calendar, created: datetime, moment) -> None:
    target = _minutes(clock["target_minutes"])
    paused = _pause_total(calendar, sla["pauses"]) + _pause_total(calendar, clock["reopened"])
    allowed = target + paused
    clock["due_at"] = clock["warn_at"] = clock["remaining_seconds"] = None
    stopped = clock["met_at"] or clock["stopped_at"]
    last = sla["pauses"][-1] if sla["pauses"] else None
    open_pause = last["from"] if last and last["to"] is None else None
    if stopped is None and open_pause is not None:
        spent = business_between(calendar, created, open_pause) - paused
        clock["remaining_seconds"] = int((target - spent).total_seconds())
        return
    clock["due_at"] = _ms(add_business(calendar, created, allowed))
    if stopped is not None:
        spent = business_between(calendar, created, stopped) - paused
        clock["remaining_seconds"] = int((target - spent).total_seconds())
        if clock["met_at"] is not None and clock["due_at"] is not None:
            clock["breached"] = clock["breached"] or clock["met_at"] > clock["due_at"]
        return
    warn = target * sla["warn_at_percent"] / 100
    clock["warn_at"] = _ms(add_business(calendar, created, warn + paused))


def _summarize(sla: dict) -> None:
    clocks = [sla[name] for name in CLOCKS if sla.get(name)]
    live = [clock for clock in clocks if running(clock, sla)]
    dues = [clock["due_at"] for clock in live if clock["due_at"] is not None]
    pending = [clock["warn_at"] for clock in live if not clock["warned"]] + [
        clock["due_at"] for clock in live if not clock["breached"]
    ]
    pending = [moment for moment in pending if moment is not None]
    sla["due_at"] = min(dues, default=None)
    sla["next_at"] = min(pending, default=None)
    sla["breached"] = any(clock["breached"] for clock in clocks)


def marks(sla: dict, moment: datetime) -> tuple[dict, list[tuple[str, str]]]:
    """The clocks with the warnings and breaches due at `moment` marked, and which
    (`(clock, sla_warning | sla_breached)`). Only running clocks are marked: a target
    met (or paused) before its due time is never marked breached."""
    out = {**sla}
    done: list[tuple[str, str]] = []
    for name in CLOCKS:
        clock = sla.get(name)
        if not running(clock, sla):
            continue
        clock = out[name] = {**clock}
        if not clock["warned"] and clock["warn_at"] is not None and clock["warn_at"] <= moment:
            clock["warned"] = True
            done.append((name, WARNING))
        if not clock["breached"] and clock["due_at"] is not None and clock["due_at"] <= moment:
            clock["breached"] = clock["warned"] = True
            done.append((name, BREACH))
    _summarize(out)
    return out, done


def view(sla: dict, calendar: Calendar | None, moment: datetime) -> dict:
    """The representation: `{policy, response, resolution}`."""
    out = {"policy": dict(sla["policy"])}
    for name in CLOCKS:
        clock = sla.get(name)
        if clock is None:
            out[name] = None
            continue
        remaining = clock["remaining_seconds"]
        live = running(clock, sla)
        if live and clock["due_at"] is not None and calendar is not None:
            if moment <= clock["due_at"]:
                remaining = business_between(calendar, moment, clock["due_at"])
            else:
                remaining = -business_between(calendar, clock["due_at"], moment)
            remaining = int(remaining.total_seconds())
        out[name] = {
            "target_minutes": clock["target_minutes"],
            "due_at": clock["due_at"],
            "met_at": clock["met_at"],
            "breached": clock["breached"],
            "paused": clock["met_at"] is None and clock["stopped_at"] is None and not live,
            "remaining_seconds": remaining,
            "warned": clock["warned"],
        }
    return out

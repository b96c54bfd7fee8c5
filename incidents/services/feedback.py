"""Requester feedback: a rating (1..5) and a comment, once per resolution."""

from mongoengine.errors import NotUniqueError, OperationError

from incidents import choices
from incidents.documents import Feedback, Incident
from incidents.services.common import Change, commit
from servicedesk import mongo
from servicedesk.errors import Conflict
from servicedesk.tenancy.principal import Principal
from servicedesk.timeutil import now

RATED_STATUSES = (choices.STATUS_RESOLVED, choices.STATUS_CLOSED)


def feedback_submit(*, principal: Principal, incident: Incident, rating: int, comment: str):
    """Store the feedback of the incident's current resolution; 409 if not resolved or given.

    Uniqueness is the unique index on (organization, incident, resolution cycle): an
    insert decides it atomically, so two submissions at once give one success.
    """
    if incident.basic_info.status_id not in RATED_STATUSES:
        raise Conflict(
            f"Feedback is for a Resolved or Closed incident; this one is "
            f"{incident.basic_info.status}.",
            code="not_resolved",
        )
    feedback = Feedback(
        organization_id=principal.organization_id,
        incident_id=incident.id,
        resolution_cycle=incident.close_info.reopen_count,
        rating=rating,
        comment=comment,
        author_id=principal.actor_id,
        created_at=now(),
    )
    _insert_once(feedback)

    def plan(current: Incident) -> Change:
        change = Change()
        change.record(action="feedback_received", field_name="feedback", new=rating)
        return change

    try:
        commit(principal=principal, incident=incident, plan=plan)
    except Exception:
        # The incident went away (or stayed busy) meanwhile: the caller is told it
        # failed, so nothing of it may stay behind.
        feedback.delete()
        raise
    return feedback


def _insert_once(feedback: Feedback) -> None:
    """Insert; a clash on the unique index is `feedback_exists`. Two inserts at once may
    also end in a write conflict (DocumentDB reports a deadlock between them as one),
    which is retried: the retry meets the other's row and clashes, or lands."""
    for _ in range(mongo.FIRST_WRITE_ATTEMPTS):
        try:
            feedback.save(force_insert=True)
            return
        except OperationError as exc:  # NotUniqueError is one
            if isinstance(exc, NotUniqueError) or mongo.error_code(exc) == mongo.DUPLICATE_KEY:
                raise Conflict(
                    "Feedback was already given for this resolution.", code="feedback_exists"
                ) from None
            if not mongo.is_write_conflict(exc):
                raise
            feedback.id = None
    raise Conflict("The server was busy with the same write; try again.", code="busy")


def feedback_for(*, principal: Principal, incident: Incident):
    return Feedback.objects(
        organization_id=principal.organization_id, incident_id=incident.id
    ).order_by("-created_at", "-id")

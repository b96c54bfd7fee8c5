"""How the incident domain's errors reach a client.

- A value that is not one of an enumeration: 400 naming the field.
- A missing requirement of a status change (hold reason, closure note, ...):
  400 naming that field.
- A status change the workflow forbids from the current status: 409, since
  the request conflicts with the incident's current state, with the allowed
  next statuses in the message.
- An incident that vanished while being changed: 404.
"""

from rest_framework import exceptions

from incidents.choices import ChoiceError
from incidents.services.common import IncidentGone
from incidents.transitions import TransitionError
from servicedesk.api.exceptions import Conflict, field_error, register_error


def transition_error(exc: TransitionError) -> Exception:
    if exc.code == "missing_field":
        return field_error(exc.field or "status_id", exc.message, code="required")
    return Conflict(exc.message, code=exc.code)


def register() -> None:
    register_error(ChoiceError, lambda exc: field_error(exc.field, exc.message, code=exc.code))
    register_error(TransitionError, transition_error)
    register_error(IncidentGone, lambda exc: exceptions.NotFound())

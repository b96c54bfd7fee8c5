"""Incident writes. Each change is one atomic compare-and-set update of one document."""

from incidents.documents import Incident
from incidents.services.actions import (
    incident_auto_close,
    incident_close_or_cancel,
    incident_delete,
    incident_move,
    incident_reopen,
    incident_resolve,
    incident_restore,
)
from incidents.services.create import incident_create, incident_template_fill
from incidents.services.feedback import feedback_for, feedback_submit
from incidents.services.links import resolve_followers
from incidents.services.requesters import requester_directory_apply
from incidents.services.update import incident_rich_text_save, incident_update

__all__ = [
    "Incident",
    "feedback_for",
    "feedback_submit",
    "incident_auto_close",
    "incident_close_or_cancel",
    "incident_create",
    "incident_delete",
    "incident_move",
    "incident_reopen",
    "incident_resolve",
    "incident_restore",
    "incident_rich_text_save",
    "incident_template_fill",
    "incident_update",
    "requester_directory_apply",
    "resolve_followers",
]

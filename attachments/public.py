"""The attachments app as other apps may use it: the only module they import."""

from attachments.selectors import attachment_ids_on, attachments_of, incidents_with_attachments
from attachments.services import (
    Upload,
    attachments_add,
    attachments_move,
    attachments_purge,
)

__all__ = [
    "Upload",
    "attachment_ids_on",
    "attachments_add",
    "attachments_move",
    "attachments_of",
    "attachments_purge",
    "incidents_with_attachments",
]

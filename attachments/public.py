"""The attachments app as other apps may use it: the only module they import."""

from attachments.files import BadFileName, check_file_name
from attachments.selectors import (
    attachment_contents,
    attachment_ids_on,
    attachments_of,
    incidents_with_attachments,
)
from attachments.services import (
    Upload,
    attachments_add,
    attachments_move,
    attachments_purge,
    attachments_remove,
    check_uploads,
)

__all__ = [
    "BadFileName",
    "Upload",
    "attachment_contents",
    "attachment_ids_on",
    "attachments_add",
    "attachments_move",
    "attachments_of",
    "attachments_purge",
    "attachments_remove",
    "check_file_name",
    "check_uploads",
    "incidents_with_attachments",
]

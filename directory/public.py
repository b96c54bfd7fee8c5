"""The directory (agents, support groups) as other apps may use it.

`register_reference_check(check)`: `check(kind, organization_id, object_id) -> bool`,
kind `agent` or `group`, object_id the id as a string; True when the caller's app
refers to that object. A DELETE of a referred-to agent or group deactivates it.
"""

from directory.documents import AUTO_LEAST_OPEN, AUTO_NONE, AUTO_ROUND_ROBIN
from directory.selectors import (
    AgentRef,
    Directory,
    GroupRef,
    directory_of,
    register_reference_check,
)
from directory.services import group_take_turn

__all__ = [
    "AUTO_LEAST_OPEN",
    "AUTO_NONE",
    "AUTO_ROUND_ROBIN",
    "AgentRef",
    "Directory",
    "GroupRef",
    "directory_of",
    "group_take_turn",
    "register_reference_check",
]

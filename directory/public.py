"""The directory (agents, support groups) as other apps may use it."""

from directory.documents import AUTO_LEAST_OPEN, AUTO_NONE, AUTO_ROUND_ROBIN
from directory.selectors import AgentRef, Directory, GroupRef, directory_of
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
]

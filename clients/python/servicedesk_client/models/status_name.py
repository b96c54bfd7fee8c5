from enum import StrEnum


class StatusName(StrEnum):
    ASSIGNED = "Assigned"
    CANCELLED = "Cancelled"
    CLOSED = "Closed"
    IN_PROGRESS = "In Progress"
    NEW = "New"
    ON_HOLD = "On Hold"
    RESOLVED = "Resolved"
    VALUE_0 = ""

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class StateName(StrEnum):
    CLOSED = "Closed"
    OPEN = "Open"
    RESOLVED = "Resolved"
    VALUE_0 = ""

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class AutoAssignEnum(StrEnum):
    LEAST_OPEN = "least_open"
    NONE = "none"
    ROUND_ROBIN = "round_robin"

    def __str__(self) -> str:
        return str(self.value)

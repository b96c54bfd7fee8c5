from enum import StrEnum


class PriorityName(StrEnum):
    CRITICAL = "Critical"
    HIGH = "High"
    LOW = "Low"
    MEDIUM = "Medium"
    VALUE_0 = ""
    VERY_LOW = "Very Low"

    def __str__(self) -> str:
        return str(self.value)

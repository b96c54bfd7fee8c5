from enum import StrEnum


class UrgencyName(StrEnum):
    HIGH = "High"
    LOW = "Low"
    MEDIUM = "Medium"
    VALUE_0 = ""

    def __str__(self) -> str:
        return str(self.value)

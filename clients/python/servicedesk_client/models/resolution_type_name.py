from enum import StrEnum


class ResolutionTypeName(StrEnum):
    CANNOT_REPRODUCE = "Cannot Reproduce"
    DUPLICATE = "Duplicate"
    FIXED = "Fixed"
    KNOWN_ERROR = "Known Error"
    NO_ACTION_REQUIRED = "No Action Required"
    USER_ERROR = "User Error"
    VALUE_0 = ""
    WORKAROUND = "Workaround"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class PatchedIncidentUpdateInputRequestIsFirstCallType1(StrEnum):
    VALUE_0 = ""

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class IncidentTypeName(StrEnum):
    INCIDENT = "Incident"
    PROBLEM = "Problem"
    SERVICE_REQUEST = "Service Request"
    VALUE_0 = ""

    def __str__(self) -> str:
        return str(self.value)

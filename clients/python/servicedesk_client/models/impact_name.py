from enum import StrEnum


class ImpactName(StrEnum):
    DEPARTMENT = "Department"
    ENTERPRISE = "Enterprise"
    SITE = "Site"
    USER = "User"
    VALUE_0 = ""

    def __str__(self) -> str:
        return str(self.value)

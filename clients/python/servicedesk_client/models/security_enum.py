from enum import StrEnum


class SecurityEnum(StrEnum):
    PLAIN = "plain"
    SSL = "ssl"
    STARTTLS = "starttls"

    def __str__(self) -> str:
        return str(self.value)

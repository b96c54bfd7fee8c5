from enum import StrEnum


class SourceName(StrEnum):
    API = "API"
    CHAT = "Chat"
    EMAIL = "Email"
    MONITORING = "Monitoring"
    PHONE = "Phone"
    VALUE_0 = ""
    WALK_IN = "Walk-in"
    WEB = "Web"

    def __str__(self) -> str:
        return str(self.value)

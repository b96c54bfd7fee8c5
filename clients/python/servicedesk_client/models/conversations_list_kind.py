from enum import StrEnum


class ConversationsListKind(StrEnum):
    FORWARD = "forward"
    NOTE = "note"
    REPLY = "reply"

    def __str__(self) -> str:
        return str(self.value)

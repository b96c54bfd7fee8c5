from enum import StrEnum


class ConversationKindEnum(StrEnum):
    FORWARD = "forward"
    NOTE = "note"
    REPLY = "reply"

    def __str__(self) -> str:
        return str(self.value)

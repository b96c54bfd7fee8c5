from enum import StrEnum


class MailStateOutStatusEnum(StrEnum):
    FAILED = "failed"
    NOT_SENT = "not_sent"
    QUEUED = "queued"
    RECEIVED = "received"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class IgnoredEnum(StrEnum):
    AUTO_REPLY = "auto_reply"
    AUTO_SUBMITTED = "auto_submitted"
    BULK_PRECEDENCE = "bulk_precedence"
    DELIVERY_REPORT = "delivery_report"
    DUPLICATE = "duplicate"
    MAILER_DAEMON = "mailer_daemon"
    NOT_ADDRESSED_TO_ORGANIZATION = "not_addressed_to_organization"
    OWN_ADDRESS = "own_address"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class ErrorTypeEnum(StrEnum):
    CLIENT_ERROR = "client_error"
    SERVER_ERROR = "server_error"
    VALIDATION_ERROR = "validation_error"

    def __str__(self) -> str:
        return str(self.value)

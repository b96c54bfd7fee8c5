from enum import StrEnum


class PicklistsReplaceName(StrEnum):
    HOLD_REASONS = "hold_reasons"
    RESOLUTION_TYPES = "resolution_types"
    SOURCES = "sources"

    def __str__(self) -> str:
        return str(self.value)

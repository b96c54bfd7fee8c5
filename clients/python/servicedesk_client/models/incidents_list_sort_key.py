from enum import StrEnum


class IncidentsListSortKey(StrEnum):
    CREATION_TIME = "creation_time"
    DISPLAY_ID = "display_id"
    LAST_UPDATE_TIME = "last_update_time"
    PRIORITY_ID = "priority_id"
    SLA_RESOLUTION_DUE = "sla_resolution_due"
    STATE_ID = "state_id"
    STATUS_ID = "status_id"
    SUMMARY = "summary"
    URGENCY_ID = "urgency_id"

    def __str__(self) -> str:
        return str(self.value)

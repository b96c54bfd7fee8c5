from enum import StrEnum


class DeliveriesListEvent(StrEnum):
    CONVERSATION_CREATED = "conversation.created"
    INCIDENT_ASSIGNED = "incident.assigned"
    INCIDENT_CLOSED = "incident.closed"
    INCIDENT_CREATED = "incident.created"
    INCIDENT_DELETED = "incident.deleted"
    INCIDENT_MERGED = "incident.merged"
    INCIDENT_REOPENED = "incident.reopened"
    INCIDENT_RESOLVED = "incident.resolved"
    INCIDENT_RESTORED = "incident.restored"
    INCIDENT_SLA_BREACHED = "incident.sla_breached"
    INCIDENT_SLA_WARNING = "incident.sla_warning"
    INCIDENT_UPDATED = "incident.updated"

    def __str__(self) -> str:
        return str(self.value)

"""The baselines: a hand-written projection of a stored incident, and the app's read path.

`hand_written` is what a programmer would write for this one document shape: read
the raw dict pymongo returns and build the listing's representation, with no
framework in between. `read_path` finds what the app uses today (the lean renderer
of `incidents.representation` when it exists, else `IncidentSerializer`), so the
benchmark follows the app as it changes.
"""

from collections.abc import Callable

import orjson

from servicedesk.timeutil import isoformat


def _time(value):
    return None if value is None else isoformat(value)


def hand_written(doc: dict) -> dict:
    basic = doc["basic_info"]
    close = doc.get("close_info") or {}
    assignment = doc.get("current_assignment_info") or {}
    requester = doc.get("requester") or {}
    reporter = doc.get("reporter_info") or {}
    config = doc.get("config") or {}
    source = doc["source_info"]
    kind = basic["incident_type"]
    return {
        "incident_id": str(doc["_id"]),
        "display_id": doc["display_id"],
        "is_merge_incident": doc.get("is_merge_incident", False),
        "is_archive": doc.get("is_archive", False),
        "unread_mail": doc.get("unread_mail", False),
        "requester": {
            "id": requester.get("id", ""),
            "name": requester.get("name", ""),
            "email": requester.get("email", ""),
            "phone": requester.get("phone", ""),
        },
        "config": {
            "hold_config": config.get("hold_config", {}),
            "escalation": config.get("escalation", {}),
            "approval_config": config.get("approval_config", {}),
            "lock_config": config.get("lock_config", {}),
            "field_service_config": config.get("field_service_config", {}),
            "api_link": config.get("api_link", {}),
            "general": config.get("general", {}),
        },
        "reporter_info": {
            "name": reporter.get("name", ""),
            "email": reporter.get("email", ""),
            "phone": reporter.get("phone", ""),
        },
        "basic_info": {
            "summary": basic["summary"],
            "description": basic.get("description", ""),
            "state": basic["state"],
            "state_id": basic["state_id"],
            "status": basic["status"],
            "status_id": basic["status_id"],
            "urgency": basic["urgency"],
            "urgency_id": basic["urgency_id"],
            "impact": basic["impact"],
            "impact_id": basic["impact_id"],
            "priority": basic["priority"],
            "priority_id": basic["priority_id"],
            "incident_type": {"id": kind["id"], "name": kind["name"], "prefix": kind["prefix"]},
            "catalogue": basic.get("catalogue", ""),
            "impact_service": basic.get("impact_service", ""),
            "impact_service_name": basic.get("impact_service_name", ""),
            "service_classification": basic.get("service_classification", ""),
            "service_classification_name": basic.get("service_classification_name", ""),
            "resolution_type": basic.get("resolution_type", ""),
            "is_first_call": basic.get("is_first_call", False),
        },
        "reference": doc.get("reference", []),
        "source_info": {"id": source["id"], "name": source["name"]},
        "template_info": doc.get("template_info", {}),
        "impacted_asset": doc.get("impacted_asset", []),
        "close_info": {
            "resolution_type": close.get("resolution_type", ""),
            "resolution_type_id": close.get("resolution_type_id"),
            "closure_note": close.get("closure_note", ""),
            "resolved_at": _time(close.get("resolved_at")),
            "resolved_by": close.get("resolved_by", ""),
            "closed_at": _time(close.get("closed_at")),
            "closed_by": close.get("closed_by", ""),
            "cancel_reason": close.get("cancel_reason", ""),
            "reopen_count": close.get("reopen_count", 0),
            "last_reopen_reason": close.get("last_reopen_reason", ""),
        },
        "current_watcher": doc.get("current_watcher", []),
        "current_assignment_info": {
            "support_group": assignment.get("support_group", ""),
            "assignee": assignment.get("assignee", ""),
            "assigned_at": _time(assignment.get("assigned_at")),
        },
        "custom_field": doc.get("custom_field", []),
        "tag": doc.get("tag", []),
        "kb": doc.get("kb", []),
        "custom_field_data": doc.get("custom_field_data", {}),
        "creation_time": _time(doc["creation_time"]),
        "created_by_id": doc["created_by_id"],
        "last_update_time": _time(doc["last_update_time"]),
        "updated_by_id": doc["updated_by_id"],
        "location": doc.get("location", {}),
        "sla": doc.get("sla"),  # the seeded incidents have no SLA policy
    }


def hand_written_body(docs: list[dict]) -> bytes:
    return orjson.dumps([hand_written(doc) for doc in docs])


def serializer_body(docs: list[dict]) -> bytes:
    """The generic path: documents, `IncidentSerializer(many=True).data`, DRF's JSONRenderer."""
    from rest_framework.renderers import JSONRenderer

    from incidents.api.serializers import IncidentSerializer
    from incidents.documents import Incident

    documents = [Incident._from_son(doc) for doc in docs]
    return JSONRenderer().render(IncidentSerializer(documents, many=True).data)


def read_path() -> tuple[str, Callable[[list[dict]], bytes]]:
    """(description, raw docs -> response body) of what the list view does today."""
    from rest_framework.settings import api_settings

    renderer = api_settings.DEFAULT_RENDERER_CLASSES[0]()
    renderer_name = type(renderer).__name__
    try:
        from incidents.representation import incidents_data
    except ImportError:
        incidents_data = None
    if incidents_data is None:
        from incidents.api.serializers import IncidentSerializer
        from incidents.documents import Incident

        def generic(docs):
            documents = [Incident._from_son(doc) for doc in docs]
            return renderer.render(IncidentSerializer(documents, many=True).data)

        return f"IncidentSerializer + {renderer_name}", generic

    def lean(docs):
        return renderer.render(incidents_data(docs))

    return f"representation.incidents_data + {renderer_name}", lean

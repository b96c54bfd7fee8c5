"""`calendars/`, `sla-policies/` and `sla-settings/` of the organization configuration
(`/ux/sd/org/`)."""

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from servicedesk.api.config import WRITE_NOTE, ConfigViewSet, admin_to_write
from servicedesk.api.config import configuration_schema as schema
from sla import selectors, services
from sla.api.serializers import (
    CalendarInput,
    CalendarSerializer,
    PolicyInput,
    PolicySerializer,
    SettingsInput,
    SettingsSerializer,
)
from sla.documents import BusinessCalendar, SlaPolicy


@schema(
    resource="calendars",
    tag="calendars",
    singular="business calendar",
    plural="business calendars",
    request=CalendarInput,
    response=CalendarSerializer,
    example={
        "name": "Berlin office",
        "time_zone": "Europe/Berlin",
        "hours": {
            "monday": [["09:00", "12:30"], ["13:30", "17:00"]],
            "tuesday": [["09:00", "17:00"]],
            "wednesday": [["09:00", "17:00"]],
            "thursday": [["09:00", "17:00"]],
            "friday": [["09:00", "15:00"]],
        },
        "holidays": ["2025-12-25", "2025-12-26"],
    },
    description="When SLA targets count: business hours per weekday in an IANA time zone "
    "(daylight-saving changes count as the wall clock shows: a skipped hour is not worked, "
    "a repeated one is worked twice), and holidays. Every organization has the built-in "
    "`24x7` calendar (`builtin: true`), which cannot be changed or deleted (409 "
    "`builtin_calendar`). A calendar a policy counts on is deactivated, not deleted. "
    "A change applies to incidents from their next change of status or policy.",
    delete_conflict="`builtin_calendar`: the built-in `24x7` calendar cannot be deleted.",
)
class CalendarViewSet(ConfigViewSet):
    document = BusinessCalendar
    serializer_class = CalendarSerializer
    input_class = CalendarInput
    entity = "calendar"
    create_with = staticmethod(services.calendar_create)
    update_with = staticmethod(services.calendar_update)
    delete_with = staticmethod(services.calendar_delete)

    def get_queryset(self):
        selectors.builtin_calendar(organization_id=self.principal.organization_id)
        return super().get_queryset()


@schema(
    resource="sla_policies",
    tag="SLA policies",
    singular="SLA policy",
    plural="SLA policies",
    request=PolicyInput,
    response=PolicySerializer,
    example={
        "name": "Critical incidents",
        "order": 10,
        "conditions": {"priority_ids": [1], "incident_type_ids": [1]},
        "calendar_id": None,
        "targets": {"response_minutes": 15, "resolution_minutes": 240},
        "pause_status_ids": [4],
        "warn_at_percent": 80,
    },
    description="Response and resolution targets in business minutes. The first active "
    "policy by `order` (then name) whose `conditions` all match (priority, type, service, "
    "support group; an empty list means any) applies to an incident; a change of those "
    "chooses again, and a new target counts from the incident's creation, less the time "
    "paused (its warning and breach flags start afresh). `conditions` and `targets` are "
    "replaced as a whole. Sorted by order, then name. A policy incidents have used is "
    "deactivated, not deleted.",
)
class PolicyViewSet(ConfigViewSet):
    document = SlaPolicy
    serializer_class = PolicySerializer
    input_class = PolicyInput
    entity = "policy"
    ordering = ("order", "name_key", "id")
    create_with = staticmethod(services.policy_create)
    update_with = staticmethod(services.policy_update)
    delete_with = staticmethod(services.policy_delete)


SETTINGS_NOTE = (
    "One per organization. `auto_close_days` (default 7, 1 to 365; null: off): a "
    "resolved incident nobody reopens for that many days is closed by the system "
    "(history names `system` as the actor; event `incident.closed`)."
)


class SettingsView(APIView):
    """The organization's SLA settings."""

    required_scope = property(admin_to_write)

    @extend_schema(
        operation_id="settings_read",
        summary="Read the SLA settings",
        description=SETTINGS_NOTE,
        responses=SettingsSerializer,
        tags=["settings"],
    )
    def get(self, request):
        found = selectors.settings_of(organization_id=request.user.organization_id)
        return Response(SettingsSerializer(found).data)

    @extend_schema(
        operation_id="settings_update",
        summary="Change the SLA settings",
        description=f"{SETTINGS_NOTE}\n\n{WRITE_NOTE}",
        request=SettingsInput,
        responses=SettingsSerializer,
        examples=[
            OpenApiExample(
                "Close after three days", value={"auto_close_days": 3}, request_only=True
            ),
            OpenApiExample("No auto-close", value={"auto_close_days": None}, request_only=True),
        ],
        tags=["settings"],
    )
    def patch(self, request):
        body = SettingsInput(data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        stored = services.settings_update(
            organization_id=request.user.organization_id, data=body.validated_data
        )
        return Response(SettingsSerializer(stored).data)

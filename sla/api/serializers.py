"""Calendars, SLA policies and SLA settings over the API: input bodies and representations."""

import re
import zoneinfo
from functools import cache

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from incidents import public as incidents
from servicedesk.api.fields import (
    ObjectIdStringField,
    StrictBooleanField,
    StrictCharField,
    StrictIntegerField,
    known_id_field,
)
from servicedesk.api.serializers import DocumentSerializer, NestedSerializer, StrictSerializer
from sla.documents import (
    DEFAULT_AUTO_CLOSE_DAYS,
    DEFAULT_WARN_AT_PERCENT,
    MAX_AUTO_CLOSE_DAYS,
    MAX_CONDITION_IDS,
    MAX_HOLIDAYS,
    MAX_INTERVALS_PER_DAY,
    MAX_ORDER,
    MAX_TARGET_MINUTES,
    NAME_MAX,
    WEEKDAYS,
    ZONE_MAX,
    BusinessCalendar,
    SlaPolicy,
    SlaSettings,
)
from sla.selectors import minutes_of

HHMM = re.compile(r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$")
MAX_ID = 1_000


@cache
def time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


@extend_schema_field({"type": "string", "pattern": HHMM.pattern, "maxLength": 5})
class TimeOfDayField(StrictCharField):
    def __init__(self, **kwargs):
        super().__init__(max_length=5, **kwargs)

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        if not HHMM.match(value):
            raise serializers.ValidationError("Expected HH:MM (00:00 to 24:00).", code="invalid")
        return value


class IntervalField(serializers.ListField):
    """`["09:00", "17:00"]`: a start before its end, within one day."""

    def __init__(self, **kwargs):
        super().__init__(child=TimeOfDayField(), min_length=2, max_length=2, **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, list) and len(data) != 2:
            raise serializers.ValidationError("Expected [start, end].", code="invalid")
        start, end = super().to_internal_value(data)
        if minutes_of(start) >= minutes_of(end):
            raise serializers.ValidationError(
                "The start comes before the end; an interval may not cross midnight "
                "(split it into two days).",
                code="invalid",
            )
        return [start, end]


def day_field() -> serializers.ListField:
    return serializers.ListField(
        child=IntervalField(), max_length=MAX_INTERVALS_PER_DAY, required=False
    )


class HoursInput(NestedSerializer):
    monday = day_field()
    tuesday = day_field()
    wednesday = day_field()
    thursday = day_field()
    friday = day_field()
    saturday = day_field()
    sunday = day_field()

    def validate(self, attrs):
        out = {}
        for day in WEEKDAYS:
            intervals = sorted(attrs.get(day, []), key=lambda pair: minutes_of(pair[0]))
            for index in range(1, len(intervals)):
                if minutes_of(intervals[index][0]) < minutes_of(intervals[index - 1][1]):
                    pair = f"{intervals[index - 1]} and {intervals[index]}"
                    raise serializers.ValidationError({day: [f"Intervals overlap: {pair}."]})
            if intervals:
                out[day] = intervals
        return out


class CalendarInput(StrictSerializer):
    name = StrictCharField(max_length=NAME_MAX, help_text="Unique in the organization.")
    time_zone = StrictCharField(
        max_length=ZONE_MAX,
        help_text="An IANA time zone (`Europe/Berlin`); business hours are its wall-clock "
        "hours, daylight-saving changes included.",
    )
    hours = HoursInput(
        help_text='Per weekday (`monday` .. `sunday`) a list of `["HH:MM", "HH:MM"]` local '
        "intervals (end `24:00` for midnight); an interval may not cross midnight, two may "
        "meet. A day left out is closed.",
    )
    holidays = serializers.ListField(
        child=serializers.DateField(),
        max_length=MAX_HOLIDAYS,
        default=list,
        help_text="Dates (YYYY-MM-DD, local) on which no business time counts.",
    )
    active = StrictBooleanField(default=True)

    def validate_time_zone(self, value):
        if value not in time_zones():
            raise serializers.ValidationError("Unknown time zone; give an IANA name.")
        return value


class CalendarSerializer(DocumentSerializer):
    hours = serializers.SerializerMethodField()

    class Meta:
        model = BusinessCalendar
        fields = (
            "id",
            "name",
            "time_zone",
            "hours",
            "holidays",
            "builtin",
            "active",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields

    def get_hours(self, calendar) -> dict[str, list[list[str]]]:
        return {
            day: [[item["start"], item["end"]] for item in calendar.hours.get(day, [])]
            for day in WEEKDAYS
        }


def id_list(child, help_text: str) -> serializers.ListField:
    return serializers.ListField(
        child=child, max_length=MAX_CONDITION_IDS, default=list, help_text=help_text
    )


class ConditionsInput(NestedSerializer):
    priority_ids = id_list(
        known_id_field(incidents.choices.PRIORITIES.ids(), min_value=1, max_value=MAX_ID),
        "Priorities (1 Critical .. 5 Very Low).",
    )
    incident_type_ids = id_list(
        known_id_field(incidents.choices.INCIDENT_TYPES.ids(), min_value=1, max_value=MAX_ID),
        "Types.",
    )
    service_ids = id_list(ObjectIdStringField(), "Services (services/ of /ux/sd/org/).")
    support_group_ids = id_list(ObjectIdStringField(), "Support groups (groups/).")


class ConditionsSerializer(serializers.Serializer):
    priority_ids = serializers.ListField(child=serializers.IntegerField())
    incident_type_ids = serializers.ListField(child=serializers.IntegerField())
    service_ids = serializers.ListField(child=serializers.CharField())
    support_group_ids = serializers.ListField(child=serializers.CharField())


def target_field(what: str) -> StrictIntegerField:
    return StrictIntegerField(
        min_value=1,
        max_value=MAX_TARGET_MINUTES,
        allow_null=True,
        default=None,
        help_text=f"Business minutes from creation to {what}; null: no such target.",
    )


class TargetsInput(NestedSerializer):
    response_minutes = target_field("the first public answer to the requester")
    resolution_minutes = target_field("resolution")


class TargetsSerializer(serializers.Serializer):
    response_minutes = serializers.IntegerField(allow_null=True)
    resolution_minutes = serializers.IntegerField(allow_null=True)


class PolicyInput(StrictSerializer):
    name = StrictCharField(max_length=NAME_MAX, help_text="Unique in the organization.")
    order = StrictIntegerField(
        min_value=0,
        max_value=MAX_ORDER,
        default=0,
        help_text="Policies are tried by order (then name): the first active one whose "
        "conditions match applies.",
    )
    active = StrictBooleanField(default=True)
    conditions = ConditionsInput(
        required=False,
        help_text="Which incidents it applies to; an empty list means any.",
    )
    calendar_id = ObjectIdStringField(
        allow_null=True,
        default=None,
        help_text="The business calendar the targets count on; null: the built-in `24x7`.",
    )
    targets = TargetsInput(help_text="At least one of the two.")
    pause_status_ids = serializers.ListField(
        child=known_id_field(
            [
                s.id
                for s in incidents.choices.STATUSES
                if s.state_id == incidents.choices.STATE_OPEN
            ],
            min_value=1,
            max_value=MAX_ID,
        ),
        max_length=MAX_CONDITION_IDS,
        default=lambda: [4],
        help_text="Open statuses that pause both clocks (default: On Hold, 4).",
    )
    warn_at_percent = StrictIntegerField(
        min_value=1,
        max_value=99,
        default=DEFAULT_WARN_AT_PERCENT,
        help_text="A warning when this share of a target's business time has passed.",
    )

    def to_internal_value(self, data):
        validated = super().to_internal_value(data)
        if not self.partial and "conditions" not in validated:
            validated["conditions"] = {}
        return validated


class PolicySerializer(DocumentSerializer):
    conditions = ConditionsSerializer(read_only=True)
    targets = TargetsSerializer(read_only=True)
    calendar_id = serializers.SerializerMethodField()

    class Meta:
        model = SlaPolicy
        fields = (
            "id",
            "name",
            "order",
            "active",
            "conditions",
            "calendar_id",
            "targets",
            "pause_status_ids",
            "warn_at_percent",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields

    def get_calendar_id(self, policy) -> str | None:
        """null: the built-in 24x7 calendar."""
        return str(policy.calendar_id) if policy.calendar_id else None


class SettingsInput(StrictSerializer):
    auto_close_days = StrictIntegerField(
        min_value=1,
        max_value=MAX_AUTO_CLOSE_DAYS,
        allow_null=True,
        help_text=f"Days after which a resolved incident nobody reopened is closed by the "
        f"system (default {DEFAULT_AUTO_CLOSE_DAYS}); null turns auto-close off.",
    )


class SettingsSerializer(DocumentSerializer):
    class Meta:
        model = SlaSettings
        fields = ("auto_close_days", "updated_at")
        read_only_fields = fields

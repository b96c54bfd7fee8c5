"""Query parameters of `GET incident/`, validated before they reach the database."""

from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from incidents import choices
from incidents.selectors import SORT_FIELDS
from servicedesk.api.fields import StrictCharField
from servicedesk.api.query import StrictQuery


@extend_schema_field(
    {"type": "string", "pattern": "^[0-9]{1,5}(,[0-9]{1,5}){0,19}$", "example": "1,2"}
)
class IntListField(serializers.Field):
    """`3` or `1,2,3` (ids of one enumeration), checked against the table."""

    def __init__(self, table, **kwargs):
        self.table = table
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        parts = [part.strip() for part in str(data).split(",")]
        if (
            not parts
            or len(parts) > 20
            or not all(part.isdigit() and len(part) < 6 for part in parts)
        ):
            raise serializers.ValidationError("Expected an id or comma-separated ids.")
        ids = [int(part) for part in parts]
        unknown = [i for i in ids if i not in self.table]
        if unknown:
            raise serializers.ValidationError(
                f"Unknown {self.table.label} id {unknown[0]}; expected one of "
                f"{', '.join(map(str, self.table.ids()))}."
            )
        return ids if len(ids) > 1 else ids[0]


class IncidentListParams(StrictQuery):
    paged = True

    sort_key = serializers.ChoiceField(choices=sorted(SORT_FIELDS), required=False)
    sort_order = serializers.ChoiceField(choices=["asc", "desc"], required=False)
    state_id = IntListField(choices.STATES, required=False)
    status_id = IntListField(choices.STATUSES, required=False)
    priority_id = IntListField(choices.PRIORITIES, required=False)
    urgency_id = IntListField(choices.URGENCIES, required=False)
    impact_id = IntListField(choices.IMPACTS, required=False)
    assignee = StrictCharField(required=False, max_length=200)
    support_group = StrictCharField(required=False, max_length=200)
    requester_email = StrictCharField(required=False, max_length=254)
    tag = StrictCharField(required=False, max_length=64)
    is_archive = serializers.BooleanField(required=False)
    created_after = serializers.DateTimeField(required=False)
    created_before = serializers.DateTimeField(required=False)
    updated_after = serializers.DateTimeField(required=False)
    updated_before = serializers.DateTimeField(required=False)
    q = StrictCharField(required=False, max_length=200, trim_whitespace=True)
    deleted = serializers.BooleanField(required=False, help_text="The trash (admin keys only).")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # is_archive/deleted: only true/false, never DRF's lenient 1/yes/on.
        for name in ("is_archive", "deleted"):
            self.fields[name].TRUE_VALUES = {"true", "True"}
            self.fields[name].FALSE_VALUES = {"false", "False"}

    def validate_requester_email(self, value):
        return value.lower()


MAX_PAGE_SIZE = settings.SERVICEDESK_MAX_PAGE_SIZE

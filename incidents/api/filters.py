"""Query parameters of `GET incident/`, validated before they reach the database."""

import re

from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from incidents import choices
from incidents.selectors import SORT_FIELDS
from servicedesk.api.fields import ObjectIdStringField, StrictCharField
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


CUSTOM_PREFIX = "cf."
CUSTOM_KEY = re.compile(r"[a-z][a-z0-9_-]{0,63}")  # custom-field keys (catalogue SLUG_REGEX)
MAX_CUSTOM_FILTERS = 10


class IncidentListParams(StrictQuery):
    paged = True

    sort_key = serializers.ChoiceField(choices=sorted(SORT_FIELDS), required=False)
    sort_order = serializers.ChoiceField(choices=["asc", "desc"], required=False)
    state_id = IntListField(choices.STATES, required=False)
    status_id = IntListField(choices.STATUSES, required=False)
    priority_id = IntListField(choices.PRIORITIES, required=False)
    urgency_id = IntListField(choices.URGENCIES, required=False)
    impact_id = IntListField(choices.IMPACTS, required=False)
    assignee = StrictCharField(required=False, max_length=200, help_text="An agent's name.")
    support_group = StrictCharField(required=False, max_length=200, help_text="A group's name.")
    assignee_id = ObjectIdStringField(required=False)
    support_group_id = ObjectIdStringField(required=False)
    unassigned = serializers.BooleanField(required=False, help_text="true: no assignee.")
    requester_email = StrictCharField(required=False, max_length=254)
    tag = StrictCharField(required=False, max_length=64)
    is_archive = serializers.BooleanField(required=False)
    created_after = serializers.DateTimeField(required=False)
    created_before = serializers.DateTimeField(required=False)
    updated_after = serializers.DateTimeField(required=False)
    updated_before = serializers.DateTimeField(required=False)
    q = StrictCharField(required=False, max_length=200, trim_whitespace=True)
    deleted = serializers.BooleanField(required=False, help_text="The trash (admin keys only).")
    parent = StrictCharField(
        required=False,
        max_length=64,
        help_text="The children of this incident (its id or display id).",
    )
    has_children = serializers.BooleanField(
        required=False, help_text="true: parent incidents (with children); false: the others."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # is_archive/deleted: only true/false, never DRF's lenient 1/yes/on.
        for name in ("is_archive", "deleted", "unassigned", "has_children"):
            self.fields[name].TRUE_VALUES = {"true", "True"}
            self.fields[name].FALSE_VALUES = {"false", "False"}

    def validate_requester_email(self, value):
        return value.lower()

    def to_internal_value(self, data):
        """`cf.<key>=<value>` filters by a custom field; the rest as declared."""
        custom = {name: data[name] for name in data if name.startswith(CUSTOM_PREFIX)}
        rest = data.copy()
        for name in custom:
            if hasattr(data, "getlist") and len(data.getlist(name)) > 1:
                raise serializers.ValidationError({name: ["Give this parameter once."]})
            rest.pop(name)
        if len(custom) > MAX_CUSTOM_FILTERS:
            raise serializers.ValidationError(
                {"cf": [f"At most {MAX_CUSTOM_FILTERS} custom field filters."]}
            )
        for name, value in custom.items():
            key = name.removeprefix(CUSTOM_PREFIX)
            if not CUSTOM_KEY.fullmatch(key) or not isinstance(value, str) or len(value) > 200:
                raise serializers.ValidationError(
                    {name: ["Expected cf.<field key>=<text of at most 200 characters>."]}
                )
        validated = super().to_internal_value(rest)
        if custom:
            validated["custom"] = {
                name.removeprefix(CUSTOM_PREFIX): v for name, v in custom.items()
            }
        return validated


MAX_PAGE_SIZE = settings.SERVICEDESK_MAX_PAGE_SIZE

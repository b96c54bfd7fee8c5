"""Query parameters of `GET incident/`, validated before they reach the database."""

import re

from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from incidents import choices
from incidents.representation import FIELDS
from incidents.selectors import INDEXED_SORTS, MAX_SORT_KEYS, SORT_FIELDS, sort_keys
from servicedesk.api.fields import ObjectIdStringField, StrictCharField
from servicedesk.api.query import StrictQuery
from servicedesk.errors import InvalidInput
from servicedesk.keyset import MAX_CURSOR_LENGTH

MAX_IDS = 20


class IntListField(serializers.Field):
    """`3` or `1,2,3` (ids of one enumeration, at most 20), checked against the table."""

    def __init__(self, table, **kwargs):
        self.table = table
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        parts = [part.strip(" ") for part in str(data).split(",")]
        if not parts or len(parts) > MAX_IDS or not all(p.isdigit() and len(p) < 6 for p in parts):
            raise serializers.ValidationError(
                f"Expected an id or at most {MAX_IDS} comma-separated ids, such as `1,2`."
            )
        known = {str(i) for i in self.table.ids()}
        unknown = [part for part in parts if part not in known]
        if unknown:
            raise serializers.ValidationError(
                f"Unknown {self.table.label} id {unknown[0]}; expected one of "
                f"{', '.join(map(str, self.table.ids()))}."
            )
        ids = [int(part) for part in parts]
        return ids if len(ids) > 1 else ids[0]


def one_of(values) -> str:
    return "(" + "|".join(re.escape(str(value)) for value in values) + ")"


def id_list(table) -> IntListField:
    """The filter of one enumeration's ids: `status_id=1,2,3` is any of them."""
    ids = f" *{one_of(table.ids())} *"  # spaces around an id are fine
    names = ", ".join(f"{c.id} {c.name}" for c in table)

    @extend_schema_field(
        {
            "type": "string",
            "pattern": f"^{ids}(,{ids}){{0,{MAX_IDS - 1}}}$",
            "example": ",".join(map(str, list(table.ids())[:2])),
            "description": f"One id or several, comma-separated (any of them): {names}.",
        }
    )
    class IdListField(IntListField):
        pass

    return IdListField(table, required=False)


def _checked(check, value):
    """`check(value)`, its InvalidInput as this field's ValidationError."""
    try:
        return check(value)
    except InvalidInput as exc:
        raise serializers.ValidationError(exc.message, code=exc.code) from None


_KEY = "-?" + one_of(sorted(SORT_FIELDS))


@extend_schema_field(
    {
        "type": "string",
        "pattern": f"^{_KEY}(,{_KEY}){{0,{MAX_SORT_KEYS - 1}}}$",
        "example": "-priority_id,creation_time",
    }
)
class SortKeyField(StrictCharField):
    """`sort_key`: keys of SORT_FIELDS (whatever the selector lists), checked by it."""

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        _checked(sort_keys, value)
        return value


SORT_KEY_HELP = (
    f"One sort key or up to {MAX_SORT_KEYS}, comma-separated, each `-` for descending: "
    f"{', '.join(sorted(SORT_FIELDS))}. An unsigned key sorts in `sort_order`, which "
    "defaults to `desc` for one key and to `asc` for several; ties end in display id "
    "order (in the direction of the last key). Index-backed: each single key, and "
    f"{', '.join(f'`{s}`' for s in INDEXED_SORTS)}."
)


def field_names(value: str) -> list[str]:
    """`fields`: comma-separated top-level fields of the representation."""
    names = value.split(",")
    unknown = [name for name in names if name not in FIELDS]
    if unknown:
        raise InvalidInput(
            f"Unknown field {unknown[0]!r}; known: {', '.join(FIELDS)}.", field="fields"
        )
    return names


_FIELD = one_of(FIELDS)


@extend_schema_field(
    {
        "type": "string",
        "pattern": f"^{_FIELD}(,{_FIELD})*$",
        "maxLength": 1000,
        "example": "incident_id,display_id,basic_info",
    }
)
class FieldsField(StrictCharField):
    def to_internal_value(self, data):
        return _checked(field_names, super().to_internal_value(data))


def fields_param() -> FieldsField:
    return FieldsField(
        required=False,
        max_length=1000,
        help_text=(
            "Only these top-level fields of the incident, comma-separated (`incident_id` "
            "is always included). Without it, every field."
        ),
    )


def only_fields(data: dict, fields: list[str] | None) -> dict:
    """The representation cut down to `fields` (and `incident_id`)."""
    if not fields:
        return data
    return {key: value for key, value in data.items() if key in fields or key == "incident_id"}


class IncidentReadParams(StrictQuery):
    fields = fields_param()


CUSTOM_PREFIX = "cf."
CUSTOM_KEY = re.compile(r"[a-z][a-z0-9_-]{0,63}")  # custom-field keys (catalogue SLUG_REGEX)
MAX_CUSTOM_FILTERS = 10


class IncidentListParams(StrictQuery):
    paged = True

    cursor = serializers.CharField(
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        max_length=MAX_CURSOR_LENGTH,
        help_text=(
            "Page by cursor instead of `page`: empty for the first page, then the "
            '`cursor` of the `Link: rel="next"` URL. Each page costs the same at any '
            "depth; no `next` link means the end. Keep the sort and filters as they were."
        ),
    )
    sort_key = SortKeyField(required=False, max_length=200, help_text=SORT_KEY_HELP)
    sort_order = serializers.ChoiceField(
        choices=["asc", "desc"],
        required=False,
        help_text="The direction of unsigned sort keys (default: see `sort_key`).",
    )
    fields = fields_param()
    state_id = id_list(choices.STATES)
    status_id = id_list(choices.STATUSES)
    priority_id = id_list(choices.PRIORITIES)
    urgency_id = id_list(choices.URGENCIES)
    impact_id = id_list(choices.IMPACTS)
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
    sla_breached = serializers.BooleanField(
        required=False,
        help_text="true: incidents with SLA clocks of which one missed its target; false: "
        "those with clocks and none missed.",
    )
    sla_due_before = serializers.DateTimeField(
        required=False,
        help_text="Incidents with a running SLA clock (response or resolution) due before "
        "this time (ISO 8601 with an offset); paused and stopped clocks are not due.",
    )
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
        for name in ("is_archive", "deleted", "unassigned", "sla_breached", "has_children"):
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

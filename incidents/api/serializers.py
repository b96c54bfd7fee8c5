"""Incident serializers: the listing's flat create body in, the structured incident out."""

import re

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.utils import OpenApiExample, extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from incidents import choices
from incidents.documents import (
    DESCRIPTION_MAX,
    NAME_MAX,
    SUMMARY_MAX,
    TAG_MAX,
    AssignmentInfo,
    BasicInfo,
    CloseInfo,
    Config,
    Incident,
    IncidentTypeInfo,
    MergedInto,
    ReporterInfo,
    Requester,
    SourceInfo,
)
from incidents.hooks import render_section
from incidents.representation import FIELDS
from servicedesk.api.fields import (
    EMAIL_BODY,
    MAX_STRING_LENGTH,
    ConfigRefField,
    JSONObjectField,
    JSONObjectListField,
    RichTextField,
    StrictCharField,
    StrictIntegerField,
)
from servicedesk.api.openapi import named_schema
from servicedesk.api.serializers import (
    DocumentSerializer,
    EmbeddedDocumentSerializer,
    NestedSerializer,
    StrictSerializer,
    TimestampField,
    embedded_serializer,
)
from servicedesk.errors import InvalidInputs

MAX_TAGS = 50
MAX_WATCHERS = 100
PHONE_RE = re.compile(r"^[0-9+()\-. x/]{0,40}$")

LISTING_CREATE_EXAMPLE = {
    "summary": "VPN Issue",
    "description": "",
    "catalogue": "",
    "impact_service": "",
    "impact_service_name": "service1",
    "service_classification": "",
    "service_classification_name": "",
    "state": "Open",
    "state_id": 1,
    "status": "New",
    "status_id": 1,
    "urgency_id": 3,
    "urgency": "Low",
    "priority_id": 5,
    "priority": "Very Low",
    "impact": "Department",
    "impact_id": 3,
    "incident_source": {"id": 1, "name": "Web"},
    "resolution_type": "",
    "is_first_call": "",
    "incident_type": {"id": 1, "name": "Incident", "prefix": "inci"},
    "requester_id": "",
    "requester_name": "Test req",
    "requester_email": "[email protected]",
    "requester_phone": "7778889999",
    "reporter_name": "",
    "reporter_email": "",
    "reporter_phone": "",
    "watcher": "",
    "hold_config": {},
    "support_group": "",
    "assignee": "",
    "escalation": {},
    "tag": [],
    "assets": [],
    "config": {},
    "reference": {},
    "template_info": {},
    "closure_info": {},
    "approval_config": {},
    "custom_field": [{}],
    "attachment": {},
    "api_link": {},
    "lock_config": {},
    "field_service_config": {},
    "closure_note": "",
}


def text(max_length: int = NAME_MAX, **kwargs) -> StrictCharField:
    """An optional string where "" means "not given" (as in the listing's example)."""
    return StrictCharField(
        required=False, allow_blank=True, max_length=max_length, trim_whitespace=True, **kwargs
    )


def _component(table: choices.ChoiceTable, suffix: str) -> str:
    return "".join(part.title() for part in table.label.split("_")) + suffix


def enum_id(table: choices.ChoiceTable) -> StrictIntegerField:
    """An optional id of `table` (absent: not given); the schema lists the ids."""
    ids = ", ".join(f"{c.id} {c.name}" for c in table)
    schema = {"type": "integer", "enum": list(table.ids()), "description": f"{ids}."}

    @extend_schema_field(named_schema(_component(table, "Id"), schema))
    class EnumIdField(StrictIntegerField):
        pass

    return EnumIdField(required=False, min_value=0, max_value=10_000)


def enum_name(table: choices.ChoiceTable) -> StrictCharField:
    """An optional name of `table` ("" or absent: not given); the schema lists the names
    (the service also takes them in any case and spacing)."""
    schema = {
        "type": "string",
        "enum": ["", *table.names()],
        "description": '"" means not given.',
    }

    @extend_schema_field(named_schema(_component(table, "Name"), schema))
    class EnumNameField(StrictCharField):
        pass

    return EnumNameField(
        required=False, allow_blank=True, max_length=NAME_MAX, trim_whitespace=True
    )


class EnumRefSerializer(NestedSerializer):
    """A source of the organization (`/ux/sd/org/picklists/sources/`) by id, name or both."""

    id = StrictIntegerField(required=False, min_value=1, max_value=1_000_000)
    name = text(help_text="A source's name, e.g. `Web`.")


class IncidentTypeRefSerializer(NestedSerializer):
    id = enum_id(choices.INCIDENT_TYPES)
    name = enum_name(choices.INCIDENT_TYPES)
    prefix = StrictCharField(
        required=False,
        allow_blank=True,
        max_length=16,
        trim_whitespace=True,
        help_text="Must be the type's prefix when given.",
    )


class WatcherField(serializers.Field):
    """A list of watchers (emails or user ids); also a comma-separated string, "" for none."""

    def to_internal_value(self, data):
        if isinstance(data, str):
            data = [part for part in (p.strip() for p in data.split(",")) if part]
        if not isinstance(data, list):
            raise serializers.ValidationError(
                "Expected a list of strings or a comma-separated string."
            )
        if len(data) > MAX_WATCHERS:
            raise serializers.ValidationError(f"At most {MAX_WATCHERS} watchers.")
        watchers = []
        for item in data:
            if not isinstance(item, str) or not item.strip() or len(item) > 254:
                raise serializers.ValidationError(
                    "Each watcher is a non-empty string of at most 254."
                )
            if item.strip() not in watchers:
                watchers.append(item.strip())
        return watchers

    def to_representation(self, value):
        return list(value)


class WatcherFieldExtension(OpenApiSerializerFieldExtension):
    """A list of strings; a request may also send one comma-separated string."""

    target_class = WatcherField

    def map_serializer_field(self, auto_schema, direction):
        watchers = {
            "type": "array",
            "items": {"type": "string", "minLength": 1, "maxLength": 254, "pattern": r"\S"},
            "maxItems": MAX_WATCHERS,
        }
        if direction != "request":
            return watchers
        return {"oneOf": [watchers, {"type": "string", "description": "Comma-separated."}]}


class TagListField(serializers.ListField):
    child = StrictCharField(max_length=TAG_MAX, trim_whitespace=True)

    def __init__(self, **kwargs):
        super().__init__(max_length=MAX_TAGS, **kwargs)

    def to_internal_value(self, data):
        values = super().to_internal_value(data)
        unique = []
        for tag in values:
            if tag and tag not in unique:
                unique.append(tag)
        return unique


class AssetListField(JSONObjectListField):
    """Impacted assets: objects, or a list of plain names which become `{"name": ...}`."""

    other_request_items = (
        {
            "type": "string",
            "maxLength": MAX_STRING_LENGTH,
            "description": 'A name: `{"name": ...}`.',
        },
    )

    def to_internal_value(self, data):
        if isinstance(data, list) and data and all(isinstance(item, str) for item in data):
            data = [{"name": item} for item in data]
        return super().to_internal_value(data)


class ContactEmailField(StrictCharField):
    """A contact email. Text with an `@` must be a valid address (so typos are caught);
    text without one (a redacted placeholder such as the listing's "[email protected]",
    or an internal handle) is kept as written and left out of the requester directory.
    """

    schema_pattern = f"^(?:[^@\\u0000]+|{EMAIL_BODY})$"  # blank: the other alternative

    def __init__(self, **kwargs):
        super().__init__(required=False, allow_blank=True, max_length=254, **kwargs)

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        if "@" in value:
            value = serializers.EmailField().run_validation(value).lower()
        return value


@extend_schema_field({"type": "object", "additionalProperties": True, "maxProperties": 0})
class EmptyObjectField(JSONObjectField):
    """The listing's `attachment: {}`: kept for its shape, nothing may be in it."""


class PhoneField(StrictCharField):
    """A phone number as people write it; the schema states the rule (PHONE_RE)."""

    # PHONE_RE, one character or more: blank is the schema's other alternative (oneOf).
    schema_pattern = PHONE_RE.pattern.replace("{0,40}", "{1,40}")

    def __init__(self, **kwargs):
        super().__init__(
            required=False, allow_blank=True, max_length=40, validators=[validate_phone], **kwargs
        )


def validate_phone(value: str) -> str:
    if value and not PHONE_RE.match(value):
        raise serializers.ValidationError("Digits, spaces and + ( ) - . x / only, at most 40.")
    return value


@extend_schema_field({"oneOf": [{"type": "boolean"}, {"type": "string", "enum": [""]}]})
class FirstCallField(serializers.JSONField):
    """true or false, or "" for false (checked by `validate_is_first_call`)."""


class ConfigObjects(StrictSerializer):
    """The incident's configuration objects, as the create body and `config` both carry them."""

    hold_config = JSONObjectField(required=False)
    escalation = JSONObjectField(required=False)
    approval_config = JSONObjectField(required=False)
    lock_config = JSONObjectField(required=False)
    field_service_config = JSONObjectField(required=False)
    api_link = JSONObjectField(required=False)


@extend_schema_serializer(
    examples=[
        OpenApiExample("The listing's example", value=LISTING_CREATE_EXAMPLE, request_only=True)
    ]
)
class IncidentCreateSerializer(ConfigObjects):
    """The flat create body of the API listing. Empty strings mean "not given".

    Enumerations (state, status, urgency, impact, priority, incident_source,
    incident_type) may be sent by id, by name, or both, which must agree. The
    priority follows from impact x urgency; a contradicting priority is refused.
    """

    summary = StrictCharField(max_length=SUMMARY_MAX, trim_whitespace=True)
    description = RichTextField(required=False, allow_blank=True, max_length=DESCRIPTION_MAX)
    catalogue = text()
    impact_service = text()
    impact_service_name = text()
    service_classification = text()
    service_classification_name = text()
    state = enum_name(choices.STATES)
    state_id = enum_id(choices.STATES)
    status = enum_name(choices.STATUSES)
    status_id = enum_id(choices.STATUSES)
    urgency = enum_name(choices.URGENCIES)
    urgency_id = enum_id(choices.URGENCIES)
    impact = enum_name(choices.IMPACTS)
    impact_id = enum_id(choices.IMPACTS)
    priority = enum_name(choices.PRIORITIES)
    priority_id = enum_id(choices.PRIORITIES)
    incident_source = EnumRefSerializer(required=False)
    incident_type = IncidentTypeRefSerializer(required=False)
    resolution_type = text(help_text="One of the organization's resolution types (by name).")
    is_first_call = FirstCallField(required=False)
    requester_id = text()
    requester_name = text()
    requester_email = ContactEmailField()
    requester_phone = PhoneField()
    reporter_name = text()
    reporter_email = ContactEmailField()
    reporter_phone = PhoneField()
    watcher = WatcherField(required=False)
    support_group = text()
    assignee = text()
    tag = TagListField(required=False)
    kb = serializers.ListField(child=text(), required=False, max_length=100)
    assets = AssetListField(required=False)
    reference = JSONObjectListField(required=False)
    custom_field = JSONObjectListField(required=False)
    custom_field_data = JSONObjectField(required=False)
    location = JSONObjectField(required=False)
    template_info = JSONObjectField(required=False)
    template_id = StrictCharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="A template of the organization (id or name): fills every field not given.",
    )
    config = JSONObjectField(required=False)
    closure_info = JSONObjectField(required=False, help_text="Ignored: set by resolving.")
    closure_note = text(max_length=DESCRIPTION_MAX, help_text="Ignored: set by resolving.")
    attachment = EmptyObjectField(
        required=False, help_text="Must be empty: upload files with `add-attachment/`."
    )

    def validate_is_first_call(self, value):
        if value in ("", None):
            return False
        if not isinstance(value, bool):
            raise serializers.ValidationError('Must be true, false or "".')
        return value

    def validate_attachment(self, value):
        if value:
            raise serializers.ValidationError(
                "Attachments are uploaded with POST incident/add-attachment/ after create."
            )
        return value

    def validate(self, attrs):
        errors = {}
        try:
            resolved: dict = choices.resolve_enums(attrs)
        except InvalidInputs as exc:
            resolved = {}
            for problem in exc.problems:
                errors[problem.field] = [
                    serializers.ErrorDetail(problem.message, code=problem.code)
                ]
        ref = attrs.get("incident_type") or {}
        try:
            resolved["incident_type"] = choices.resolve_choice(
                choices.INCIDENT_TYPES,
                id=ref.get("id"),
                name=ref.get("name"),
                field="incident_type",
                required=False,
            )
        except choices.ChoiceError as exc:
            errors["incident_type"] = [serializers.ErrorDetail(exc.message, code=exc.code)]
        kind = resolved.get("incident_type")
        prefix = (attrs.get("incident_type") or {}).get("prefix")
        if kind and prefix and prefix.lower() != kind.prefix:
            errors["incident_type"] = [
                serializers.ErrorDetail(
                    f"incident_type: prefix {prefix!r} does not match {kind.name!r} "
                    f"({kind.prefix!r}).",
                    code="mismatch",
                )
            ]
        if errors:
            raise serializers.ValidationError(errors)
        attrs["resolved"] = resolved
        return attrs


# --- The stored incident ---------------------------------------------------------


IncidentTypeInfoSerializer = embedded_serializer(IncidentTypeInfo)


class BasicInfoSerializer(EmbeddedDocumentSerializer):
    # Set at create; an update ignores it (so a request may not send it).
    incident_type = IncidentTypeInfoSerializer(read_only=True)
    description = RichTextField(
        required=False, allow_blank=True, max_length=DESCRIPTION_MAX, help_text="Sanitized HTML."
    )

    class Meta:
        model = BasicInfo
        fields = "__all__"
        # Enumeration names, checked against their tables by the update; bounded first.
        extra_kwargs = {
            name: {"max_length": NAME_MAX}
            for name in ("state", "status", "urgency", "impact", "priority")
        }


class ContactSerializer(EmbeddedDocumentSerializer):
    """A person's contact details: the requester, the reporter."""

    email = ContactEmailField()
    phone = PhoneField()


RequesterSerializer = embedded_serializer(Requester, ContactSerializer)
ReporterInfoSerializer = embedded_serializer(ReporterInfo, ContactSerializer)
SourceInfoSerializer = embedded_serializer(SourceInfo)
AssignmentInfoSerializer = embedded_serializer(
    AssignmentInfo,
    support_group=ConfigRefField(help_text="The support group (groups/ of /ux/sd/org/)."),
    assignee=ConfigRefField(help_text="The agent; must be an active member of the group."),
    assigned_at=TimestampField(read_only=True, allow_null=True),
)
MergedIntoSerializer = embedded_serializer(MergedInto)
CloseInfoSerializer = embedded_serializer(
    CloseInfo,
    merged_into=MergedIntoSerializer(
        read_only=True,
        allow_null=True,
        help_text="The incident this one was merged into (closed as a Duplicate), or null.",
    ),
)


class ConfigSerializer(EmbeddedDocumentSerializer, ConfigObjects):
    general = JSONObjectField(required=False)

    class Meta:
        model = Config
        fields = "__all__"


class SlaClockSerializer(serializers.Serializer):
    target_minutes = serializers.IntegerField(help_text="The target, in business minutes.")
    due_at = serializers.DateTimeField(
        allow_null=True, help_text="When the target falls due; null while paused."
    )
    met_at = serializers.DateTimeField(allow_null=True, help_text="When the clock stopped.")
    breached = serializers.BooleanField(help_text="The target was missed.")
    paused = serializers.BooleanField(help_text="In a pause status: the clock stands still.")
    remaining_seconds = serializers.IntegerField(
        allow_null=True,
        help_text="Business seconds left (negative: overdue); when met or paused, what was "
        "left then.",
    )
    warned = serializers.BooleanField(help_text="The warning threshold was passed.")


class SlaPolicyRefSerializer(serializers.Serializer):
    id = serializers.CharField()
    name = serializers.CharField()


class SlaSerializer(serializers.Serializer):
    policy = SlaPolicyRefSerializer()
    response = SlaClockSerializer(allow_null=True, help_text="null: the policy sets no target.")
    resolution = SlaClockSerializer(allow_null=True, help_text="null: the policy sets no target.")


@extend_schema_field(SlaSerializer(allow_null=True))
class SlaField(serializers.Field):
    """The SLA clocks (sla/ fills them), null when no SLA policy applies."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, allow_null=True, **kwargs)

    def to_representation(self, value):
        return render_section("sla", value)


class IncidentSerializer(DocumentSerializer):
    """The stored incident, as the listing shows it."""

    incident_id = serializers.CharField(source="id", read_only=True)
    requester = RequesterSerializer()
    config = ConfigSerializer()
    reporter_info = ReporterInfoSerializer()
    basic_info = BasicInfoSerializer()
    # Entries of merges and relations (`type` merged, parent, child, related) are the
    # server's: a PUT or PATCH keeps them as stored, whatever it sends.
    reference = JSONObjectListField(max_items=choices.MAX_REFERENCES)
    # Set at create (`incident_source`); an update ignores it.
    source_info = SourceInfoSerializer(read_only=True)
    template_info = JSONObjectField()
    impacted_asset = AssetListField()
    close_info = CloseInfoSerializer(read_only=True)
    current_watcher = WatcherField()
    current_assignment_info = AssignmentInfoSerializer()
    custom_field = JSONObjectListField()
    tag = TagListField()
    kb = serializers.ListField(child=text(), max_length=100)
    custom_field_data = JSONObjectField()
    location = JSONObjectField()
    sla = SlaField(
        help_text="The SLA clocks: `{policy: {id, name}, response, resolution}`; null when "
        "no SLA policy applies (sla-policies/ of /ux/sd/org/)."
    )

    class Meta:
        model = Incident
        fields = FIELDS
        read_only_fields = (
            "display_id",
            "creation_time",
            "created_by_id",
            "last_update_time",
            "updated_by_id",
            "is_merge_incident",
        )

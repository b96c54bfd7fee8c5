"""The catalogue over the API: input bodies (shape only) and representations."""

from rest_framework import serializers

from catalogue import selectors
from catalogue.documents import (
    DESCRIPTION_MAX,
    FIELD_TYPES,
    KEY_MAX,
    MAX_CLASSIFICATIONS,
    MAX_ENTRY_ID,
    MAX_OPTIONS,
    MAX_PICKLIST_ENTRIES,
    MAX_TAGS,
    NAME_MAX,
    PICKLISTS,
    RICH_TEXT_MAX,
    SLUG_REGEX,
    SUMMARY_MAX,
    TAG_MAX,
    Classification,
    CustomField,
    Service,
    Template,
)
from servicedesk.api.fields import (
    JSONObjectField,
    ObjectIdStringField,
    RichTextField,
    StrictBooleanField,
    StrictCharField,
    StrictIntegerField,
    known_id_field,
)
from servicedesk.api.serializers import (
    DocumentSerializer,
    NestedSerializer,
    StrictSerializer,
    embedded_serializer,
)

MAX_TYPE_ID = 1_000
REF_MAX = 254  # an id, a name or (agents) an email


def known_ids(name: str) -> tuple[int, ...]:
    """Ids of the fixed tables the incidents app registers at start-up (the catalogue
    cannot import it): so fields typed by them are made per serializer, not at import."""
    matrix = selectors.default_matrix()
    return {
        "impact": tuple(sorted({impact for impact, _ in matrix})),
        "urgency": tuple(sorted({urgency for _, urgency in matrix})),
        "priority": selectors.priority_ids(),
        "incident_type": selectors.incident_type_ids(),
    }[name]


def entry_id(**kwargs) -> StrictIntegerField:
    return StrictIntegerField(min_value=1, max_value=MAX_ENTRY_ID, **kwargs)


def name_field(**kwargs) -> StrictCharField:
    return StrictCharField(max_length=NAME_MAX, **kwargs)


# --- services ----------------------------------------------------------------------------


class ClassificationInput(NestedSerializer):
    id = entry_id(required=False, help_text="Unique in the service; the next free one if left out.")
    name = name_field(help_text="Unique in the service.")

    def validate(self, attrs):
        # A PATCH of a service is partial, but each classification it sends is whole.
        if "name" not in attrs:
            raise serializers.ValidationError(
                {"name": [serializers.ErrorDetail("This field is required.", code="required")]}
            )
        return attrs


class ServiceInput(StrictSerializer):
    name = name_field(help_text="Unique in the organization.")
    description = StrictCharField(max_length=DESCRIPTION_MAX, allow_blank=True, default="")
    classifications = serializers.ListField(
        child=ClassificationInput(), max_length=MAX_CLASSIFICATIONS, default=list
    )
    default_group_id = ObjectIdStringField(
        allow_null=True,
        default=None,
        help_text="The active support group an incident of this service gets when created "
        "without one.",
    )
    active = StrictBooleanField(default=True)


class ServiceSerializer(DocumentSerializer):
    classifications = embedded_serializer(Classification)(many=True, read_only=True)

    class Meta:
        model = Service
        fields = (
            "id",
            "name",
            "description",
            "classifications",
            "default_group_id",
            "active",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields


# --- custom fields -------------------------------------------------------------------------


class CustomFieldInput(StrictSerializer):
    key = serializers.RegexField(
        SLUG_REGEX,
        max_length=KEY_MAX,
        help_text="A slug (a-z, 0-9, _ and -, from a letter): the key of the values in "
        "`custom_field_data`. Unique in the organization; it cannot change.",
    )
    label = name_field()
    type = serializers.ChoiceField(choices=FIELD_TYPES)
    required = StrictBooleanField(default=False)
    options = serializers.ListField(
        child=name_field(),
        max_length=MAX_OPTIONS,
        default=list,
        help_text="The choices of `select` and `multiselect` fields (at least one, unique); "
        "none for the other types.",
    )
    incident_type_ids = serializers.ListField(
        child=StrictIntegerField(min_value=1, max_value=MAX_TYPE_ID),
        max_length=MAX_TYPE_ID,
        default=list,
        help_text="The incident types (1 Incident, 2 Service Request, 3 Problem) the field "
        "applies to; empty: all.",
    )
    active = StrictBooleanField(default=True)

    def get_fields(self):
        fields = super().get_fields()
        fields["incident_type_ids"].child = known_id_field(
            known_ids("incident_type"), min_value=1, max_value=MAX_TYPE_ID
        )
        fields["incident_type_ids"].child.bind(field_name="", parent=fields["incident_type_ids"])
        return fields


class CustomFieldSerializer(DocumentSerializer):
    class Meta:
        model = CustomField
        fields = (
            "id",
            "key",
            "label",
            "type",
            "required",
            "options",
            "incident_type_ids",
            "active",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields


# --- templates -----------------------------------------------------------------------------


def ref_field(help_text: str) -> StrictCharField:
    return StrictCharField(
        required=False, allow_blank=True, max_length=REF_MAX, help_text=help_text
    )


class TemplateFields(NestedSerializer):
    # One field for each of catalogue.documents.TEMPLATE_FIELDS (a test holds them equal).

    summary = StrictCharField(required=False, allow_blank=True, max_length=SUMMARY_MAX)
    description = RichTextField(
        required=False, allow_blank=True, max_length=RICH_TEXT_MAX, help_text="HTML, sanitized."
    )
    urgency_id = StrictIntegerField(required=False, min_value=1, max_value=MAX_TYPE_ID)
    impact_id = StrictIntegerField(required=False, min_value=1, max_value=MAX_TYPE_ID)
    incident_type = StrictCharField(required=False, allow_blank=True, max_length=NAME_MAX)
    support_group = ref_field("A support group by id or name; stored as its id.")
    assignee = ref_field("An agent by id, name or email; stored as its id.")
    impact_service = ref_field("A service by id or name; stored as its id.")
    service_classification = ref_field(
        "A classification of `impact_service`, by id or name; stored as its id."
    )
    tag = serializers.ListField(
        child=StrictCharField(max_length=TAG_MAX), max_length=MAX_TAGS, required=False
    )
    custom_field_data = JSONObjectField(
        required=False, help_text="Values by custom field key (active fields only)."
    )

    def get_fields(self):
        fields = super().get_fields()
        for name in ("urgency", "impact"):
            fields[f"{name}_id"] = known_id_field(
                known_ids(name), required=False, min_value=1, max_value=MAX_TYPE_ID
            )
        return fields


class TemplateInput(StrictSerializer):
    name = name_field(help_text="Unique in the organization.")
    fields = TemplateFields(
        default=dict,
        help_text="What an incident created from the template gets where its body gives "
        "nothing. Empty values are dropped; PATCH replaces the whole object.",
    )
    active = StrictBooleanField(default=True)


class TemplateSerializer(DocumentSerializer):
    fields = TemplateFields(read_only=True)

    class Meta:
        model = Template
        fields = ("id", "name", "fields", "active", "created_at", "updated_at")
        read_only_fields = fields


# --- picklists and the matrix --------------------------------------------------------------


class PicklistEntrySerializer(NestedSerializer):
    id = entry_id(help_text="Stable: incidents store it.")
    name = name_field(help_text="Unique in the list, case-insensitively.")
    active = StrictBooleanField(default=True, help_text="Inactive entries cannot be chosen.")


class PicklistSerializer(StrictSerializer):
    name = serializers.ChoiceField(choices=PICKLISTS, required=False)
    entries = serializers.ListField(
        child=PicklistEntrySerializer(), max_length=MAX_PICKLIST_ENTRIES
    )

    def validate_name(self, value):
        if value != self.context["name"]:
            raise serializers.ValidationError(
                f"The list in the path is {self.context['name']!r}.", code="mismatch"
            )
        return value


class MatrixCellSerializer(NestedSerializer):
    def get_fields(self):
        return {
            f"{name}_id": known_id_field(known_ids(name), min_value=1, max_value=MAX_TYPE_ID)
            for name in ("impact", "urgency", "priority")
        }


class PriorityMatrixSerializer(StrictSerializer):
    cells = serializers.ListField(child=MatrixCellSerializer(), max_length=MAX_TYPE_ID)

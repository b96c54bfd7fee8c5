"""An organization's catalogue: services, custom fields, templates, picklists, the matrix.

Everything an incident form offers beyond the workflow, configured per
organization. Names (and custom-field keys) are unique per organization,
case-insensitively (`name_key`). Picklists and the priority matrix exist once
per organization; until one is stored, the defaults of `incidents.choices`
apply (see catalogue.selectors).
"""

import mongoengine as me

from servicedesk.timeutil import now

NAME_MAX = 200
DESCRIPTION_MAX = 2_000
KEY_MAX = 64
MAX_CLASSIFICATIONS = 200
MAX_OPTIONS = 500
MAX_PICKLIST_ENTRIES = 200
MAX_ENTRY_ID = 1_000_000  # ids of classifications and picklist entries
SLUG_REGEX = r"^[a-z][a-z0-9_-]*$"
# Limits of template fields: those of the incident fields they fill.
SUMMARY_MAX = 500
RICH_TEXT_MAX = 100_000
TAG_MAX = 64
MAX_TAGS = 50

FIELD_TYPES = ("text", "number", "date", "select", "multiselect", "checkbox")
SELECT_TYPES = ("select", "multiselect")
PICKLISTS = ("resolution_types", "hold_reasons", "sources")
TEMPLATE_FIELDS = (
    "summary",
    "description",
    "urgency_id",
    "impact_id",
    "incident_type",
    "support_group",
    "assignee",
    "impact_service",
    "service_classification",
    "tag",
    "custom_field_data",
)


class Classification(me.EmbeddedDocument):
    id = me.IntField(required=True, min_value=1)
    name = me.StringField(required=True, max_length=NAME_MAX)


class Service(me.Document):
    organization_id = me.ObjectIdField(required=True)
    name = me.StringField(required=True, max_length=NAME_MAX)
    name_key = me.StringField(required=True)
    description = me.StringField(default="", max_length=DESCRIPTION_MAX)
    classifications = me.EmbeddedDocumentListField(Classification, max_length=MAX_CLASSIFICATIONS)
    default_group_id = me.ObjectIdField(null=True)
    active = me.BooleanField(default=True)
    # The highest classification id handed out: an id left out when none is given is
    # above it, so a removed classification's id never comes back with another meaning.
    last_classification_id = me.IntField(default=0)
    created_at = me.DateTimeField(required=True, default=now)
    updated_at = me.DateTimeField(required=True, default=now)

    meta = {
        "collection": "services",
        "auto_create_index": False,
        "indexes": [
            {"fields": ["organization_id", "name_key"], "unique": True, "name": "org_name_unique"},
        ],
    }


class CustomField(me.Document):
    organization_id = me.ObjectIdField(required=True)
    key = me.StringField(required=True, max_length=KEY_MAX)  # a slug, lower-case
    label = me.StringField(required=True, max_length=NAME_MAX)
    type = me.StringField(required=True, choices=FIELD_TYPES)
    required = me.BooleanField(default=False)
    options = me.ListField(me.StringField(max_length=NAME_MAX), max_length=MAX_OPTIONS)
    incident_type_ids = me.ListField(me.IntField())  # empty: every type
    active = me.BooleanField(default=True)
    created_at = me.DateTimeField(required=True, default=now)
    updated_at = me.DateTimeField(required=True, default=now)

    meta = {
        "collection": "custom_fields",
        "auto_create_index": False,
        "indexes": [
            {"fields": ["organization_id", "key"], "unique": True, "name": "org_key_unique"},
        ],
    }


class Template(me.Document):
    organization_id = me.ObjectIdField(required=True)
    name = me.StringField(required=True, max_length=NAME_MAX)
    name_key = me.StringField(required=True)
    fields = me.DictField()  # any of TEMPLATE_FIELDS, as a create body gives them
    active = me.BooleanField(default=True)
    created_at = me.DateTimeField(required=True, default=now)
    updated_at = me.DateTimeField(required=True, default=now)

    meta = {
        "collection": "templates",
        "auto_create_index": False,
        "indexes": [
            {"fields": ["organization_id", "name_key"], "unique": True, "name": "org_name_unique"},
        ],
    }


class PicklistEntry(me.EmbeddedDocument):
    id = me.IntField(required=True, min_value=1)
    name = me.StringField(required=True, max_length=NAME_MAX)
    active = me.BooleanField(default=True)


class Picklist(me.Document):
    organization_id = me.ObjectIdField(required=True)
    name = me.StringField(required=True, choices=PICKLISTS)
    entries = me.EmbeddedDocumentListField(PicklistEntry, max_length=MAX_PICKLIST_ENTRIES)
    version = me.IntField(default=0)  # written with servicedesk.cas: no entry lost in a race
    updated_at = me.DateTimeField(required=True, default=now)

    meta = {
        "collection": "picklists",
        "auto_create_index": False,
        "indexes": [
            {"fields": ["organization_id", "name"], "unique": True, "name": "org_name_unique"},
        ],
    }


class MatrixCell(me.EmbeddedDocument):
    impact_id = me.IntField(required=True)
    urgency_id = me.IntField(required=True)
    priority_id = me.IntField(required=True)


class PriorityMatrix(me.Document):
    organization_id = me.ObjectIdField(required=True, unique=True)
    cells = me.EmbeddedDocumentListField(MatrixCell)
    updated_at = me.DateTimeField(required=True, default=now)

    meta = {
        "collection": "priority_matrices",
        "auto_create_index": False,
        "indexes": [{"fields": ["organization_id"], "unique": True, "name": "org_unique"}],
    }

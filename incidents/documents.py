"""Incident documents: the structured representation of the API listing.

One incident is one MongoDB document. Everything a change touches (fields,
version, history) lives in it, so each change is one atomic update.
"""

import mongoengine as me

from incidents import hooks
from servicedesk.indexes import UniqueKeyed
from servicedesk.timeutil import now

SUMMARY_MAX = 500
DESCRIPTION_MAX = 100_000
NAME_MAX = 200
TEXT_MAX = 2_000
TAG_MAX = 64


class IncidentTypeInfo(me.EmbeddedDocument):
    id = me.IntField(required=True)
    name = me.StringField(required=True)
    prefix = me.StringField(required=True)


class BasicInfo(me.EmbeddedDocument):
    summary = me.StringField(required=True, max_length=SUMMARY_MAX)
    description = me.StringField(default="", max_length=DESCRIPTION_MAX)
    state = me.StringField(required=True)
    state_id = me.IntField(required=True)
    status = me.StringField(required=True)
    status_id = me.IntField(required=True)
    urgency = me.StringField(required=True)
    urgency_id = me.IntField(required=True)
    impact = me.StringField(required=True)
    impact_id = me.IntField(required=True)
    priority = me.StringField(required=True)
    priority_id = me.IntField(required=True)
    incident_type = me.EmbeddedDocumentField(IncidentTypeInfo, required=True)
    catalogue = me.StringField(default="", max_length=NAME_MAX)
    impact_service = me.StringField(default="", max_length=NAME_MAX)
    impact_service_name = me.StringField(default="", max_length=NAME_MAX)
    service_classification = me.StringField(default="", max_length=NAME_MAX)
    service_classification_name = me.StringField(default="", max_length=NAME_MAX)
    resolution_type = me.StringField(default="", max_length=NAME_MAX)
    is_first_call = me.BooleanField(default=False)


class Requester(me.EmbeddedDocument):
    id = me.StringField(default="", max_length=NAME_MAX)
    name = me.StringField(default="", max_length=NAME_MAX)
    email = me.StringField(default="", max_length=254)
    phone = me.StringField(default="", max_length=40)


class ReporterInfo(me.EmbeddedDocument):
    name = me.StringField(default="", max_length=NAME_MAX)
    email = me.StringField(default="", max_length=254)
    phone = me.StringField(default="", max_length=40)


class SourceInfo(me.EmbeddedDocument):
    id = me.IntField(required=True)
    name = me.StringField(required=True)


class RefField(me.DictField):
    """A reference to configuration, kept with its name: `{"id": "<hex>", "name": "Network"}`.

    Incidents stored before the directory existed hold a free string; it reads as
    `{"id": None, "name": "<the string>"}`, and an empty one as None. Organizations
    without configured entries still get name-only references (see services.refs).
    """

    def to_python(self, value):
        return as_ref(value)

    def validate(self, value):
        if value is not None and not (
            isinstance(value, dict)
            and set(value) == {"id", "name"}
            and isinstance(value["name"], str)
        ):
            self.error("a reference is {id, name} or null")

    def to_representation(self, value):
        return as_ref(value)


def as_ref(value):
    """The `{id, name}` form of a stored reference (legacy strings included), or None."""
    if isinstance(value, str):
        return {"id": None, "name": value} if value else None
    return value or None


class SectionField(me.DictField):
    """A field an app above incidents fills (through incidents.hooks) and renders."""

    def __init__(self, section: str, **kwargs):
        self.section = section
        super().__init__(**kwargs)

    def to_representation(self, value):
        return hooks.render_section(self.section, value)


class AssignmentInfo(me.EmbeddedDocument):
    support_group = RefField(null=True)
    assignee = RefField(null=True)
    assigned_at = me.DateTimeField(null=True)


class MergedInto(me.EmbeddedDocument):
    """The incident a merged (duplicate) incident was folded into."""

    incident_id = me.StringField(required=True)
    display_id = me.StringField(required=True)


class CloseInfo(me.EmbeddedDocument):
    resolution_type = me.StringField(default="", max_length=NAME_MAX)
    resolution_type_id = me.IntField(null=True)
    closure_note = me.StringField(default="", max_length=DESCRIPTION_MAX)
    resolved_at = me.DateTimeField(null=True)
    resolved_by = me.StringField(default="")
    closed_at = me.DateTimeField(null=True)
    closed_by = me.StringField(default="")
    cancel_reason = me.StringField(default="", max_length=TEXT_MAX)
    reopen_count = me.IntField(default=0)
    last_reopen_reason = me.StringField(default="", max_length=TEXT_MAX)
    # Set when the incident was merged into another one (closed as a Duplicate).
    merged_into = me.EmbeddedDocumentField(MergedInto, null=True, default=None)


class Config(me.EmbeddedDocument):
    """Free-form configuration objects of the listing, validated for safe keys and depth."""

    hold_config = me.DictField(default=dict)
    escalation = me.DictField(default=dict)
    approval_config = me.DictField(default=dict)
    lock_config = me.DictField(default=dict)
    field_service_config = me.DictField(default=dict)
    api_link = me.DictField(default=dict)
    general = me.DictField(default=dict)  # the create body's free `config` object


class HistoryEntry(me.EmbeddedDocument):
    """One field change (or one event with `field` empty), kept in the incident."""

    at = me.DateTimeField(required=True)
    actor_id = me.StringField(required=True)
    action = me.StringField(required=True)
    field = me.StringField(default="")
    old = me.DynamicField(null=True)
    new = me.DynamicField(null=True)


class Incident(UniqueKeyed, me.Document):
    organization_id = me.ObjectIdField(required=True)
    display_id = me.StringField(required=True)
    display_number = me.IntField(required=True)
    version = me.IntField(required=True, default=1)

    is_merge_incident = me.BooleanField(default=False)
    is_archive = me.BooleanField(default=False)
    unread_mail = me.BooleanField(default=False)

    requester = me.EmbeddedDocumentField(Requester, default=Requester)
    config = me.EmbeddedDocumentField(Config, default=Config)
    reporter_info = me.EmbeddedDocumentField(ReporterInfo, default=ReporterInfo)
    basic_info = me.EmbeddedDocumentField(BasicInfo, required=True)
    reference = me.ListField(me.DictField())
    # The parent named in `reference[]` (relations), kept beside it so that `parent=` and
    # a parent's resolve query one indexable field (rather than `$elemMatch` on array
    # items). Not part of the representation.
    parent_incident_id = me.ObjectIdField(null=True, default=None)
    source_info = me.EmbeddedDocumentField(SourceInfo, required=True)
    template_info = me.DictField(default=dict)
    impacted_asset = me.ListField(me.DictField())
    close_info = me.EmbeddedDocumentField(CloseInfo, default=CloseInfo)
    current_watcher = me.ListField(me.StringField(max_length=254))
    current_assignment_info = me.EmbeddedDocumentField(AssignmentInfo, default=AssignmentInfo)
    custom_field = me.ListField(me.DictField())
    tag = me.ListField(me.StringField(max_length=TAG_MAX))
    kb = me.ListField(me.StringField(max_length=NAME_MAX))
    custom_field_data = me.DictField(default=dict)
    location = me.DictField(default=dict)

    creation_time = me.DateTimeField(required=True, default=now)
    created_by_id = me.StringField(required=True)
    last_update_time = me.DateTimeField(required=True, default=now)
    updated_by_id = me.StringField(required=True)

    is_deleted = me.BooleanField(default=False)
    deleted_at = me.DateTimeField(null=True)
    deleted_by_id = me.StringField(null=True)

    history = me.EmbeddedDocumentListField(HistoryEntry)

    # The requester directory owes this incident an update (services.requesters): when
    # the write that set or changed the requester was made. Absent when nothing is owed
    # (the `directory_pending` index holds only the incidents that owe one). Set by the
    # same insert or compare-and-set that writes the requester; not part of the
    # representation.
    directory_pending = me.DateTimeField()

    # "<organization id>:<display id>", unique (services.create): the safety net under the
    # number counter. One field, because DocumentDB (v0.106) checks a compound unique
    # index by scanning it: an insert cost grew with the organization (4 ms at 30,000
    # incidents, benchmarks/RESULTS.md), where a one-field unique index costs the same at
    # any size (servicedesk.indexes.key_of). Filled in on incidents stored before it by
    # the upgrade's ensure_indexes; the index is sparse, for any written meanwhile by a
    # process of the earlier version. Not part of the representation.
    number_key = me.StringField()

    # What servicedesk.indexes.ensure_indexes reads: the one-field unique key and what it
    # is made of, and the index of earlier versions it replaces.
    unique_key = ("number_key", ("organization_id", "display_id"))
    retired_indexes = ("org_display_id_unique",)

    # The SLA clocks (sla.clocks writes them through incidents.hooks; None: no policy).
    # Incidents reads three paths of it for the list: `sla.breached` (a target was
    # missed), `sla.due_at` (the next due time of a running clock) and
    # `sla.resolution.due_at`; the breach scan reads `sla.next_at`.
    sla = SectionField("sla", null=True, default=None)

    meta = {
        "collection": "incidents",
        "auto_create_index": False,
        "indexes": [
            {"fields": ["number_key"], "unique": True, "sparse": True, "name": "number_key_unique"},
            {"fields": ["organization_id", "display_id"], "name": "org_display_id"},
            # One index per sort of the list, ending with its tie-breaker (display_number,
            # see selectors.incident_list), so a page is read in index order without a
            # blocking sort of the whole organization (tests/incidents/test_indexes.py).
            *(
                {
                    "fields": ["organization_id", "is_deleted", f"-{field}", "-display_number"],
                    "name": f"org_sort_{name}",
                }
                for name, field in (
                    ("created", "creation_time"),
                    ("updated", "last_update_time"),
                    ("priority", "basic_info.priority_id"),
                    ("urgency", "basic_info.urgency_id"),
                    ("status", "basic_info.status_id"),
                    ("state", "basic_info.state_id"),
                    ("summary", "basic_info.summary"),
                )
            ),
            {"fields": ["organization_id", "is_deleted", "display_number"], "name": "org_number"},
            # The status and priority filters with the default sort.
            {
                "fields": [
                    "organization_id",
                    "is_deleted",
                    "basic_info.status_id",
                    "-creation_time",
                    "-display_number",
                ],
                "name": "org_status_created",
            },
            {
                "fields": [
                    "organization_id",
                    "is_deleted",
                    "basic_info.priority_id",
                    "-creation_time",
                    "-display_number",
                ],
                "name": "org_priority_created",
            },
            {
                "fields": ["organization_id", "current_assignment_info.assignee"],
                "name": "org_assignee",
            },
            {
                "fields": ["organization_id", "current_assignment_info.support_group"],
                "name": "org_support_group",
            },
            # The assignee and group filters (by id), with the default sort: an agent's or
            # a team's queue.
            *(
                {
                    "fields": [
                        "organization_id",
                        "is_deleted",
                        f"current_assignment_info.{ref}.id",
                        "-creation_time",
                        "-display_number",
                    ],
                    "name": f"org_{ref}_id_created",
                }
                for ref in ("assignee", "support_group")
            ),
            {"fields": ["organization_id", "requester.email"], "name": "org_requester_email"},
            {"fields": ["organization_id", "tag"], "name": "org_tag"},
            # SLA: the breached filter and the due-before filter with the default sort, the
            # resolution-due sort, and the scan of the warning and breach job (every
            # organization: it reads only incidents whose next mark is due).
            {
                "fields": [
                    "organization_id",
                    "is_deleted",
                    "sla.breached",
                    "-creation_time",
                    "-display_number",
                ],
                "name": "org_sla_breached_created",
            },
            {
                "fields": ["organization_id", "is_deleted", "sla.due_at", "display_number"],
                "name": "org_sla_due",
            },
            {
                "fields": [
                    "organization_id",
                    "is_deleted",
                    "-sla.resolution.due_at",
                    "-display_number",
                ],
                "name": "org_sort_sla_resolution_due",
            },
            {"fields": ["sla.next_at"], "name": "sla_next_at", "sparse": True},
            # The requester directory job: only incidents that owe the directory an update.
            {"fields": ["directory_pending"], "name": "directory_pending", "sparse": True},
            # The auto-close job: resolved incidents by the time they were resolved.
            {
                "fields": ["basic_info.status_id", "close_info.resolved_at"],
                "name": "status_resolved_at",
            },
            # Relations: `parent=<ref>` (and a parent's children), `has_children=true`.
            {"fields": ["organization_id", "parent_incident_id"], "name": "org_parent"},
            {"fields": ["organization_id", "reference.type"], "name": "org_reference_type"},
        ],
    }


class Counter(me.Document):
    """Per-organization sequences; `$inc` on one document never hands out a number twice."""

    key = me.StringField(primary_key=True)
    seq = me.IntField(required=True, default=0)

    meta = {"collection": "counters", "auto_create_index": False}


class RequesterEntry(UniqueKeyed, me.Document):
    """The organization's requester directory, kept up to date from incidents."""

    organization_id = me.ObjectIdField(required=True)
    email = me.StringField(required=True, max_length=254)
    key = me.StringField()  # unique: key_of(organization, email) (servicedesk.indexes)
    name = me.StringField(default="", max_length=NAME_MAX)
    phone = me.StringField(default="", max_length=40)
    requester_id = me.StringField(default="", max_length=NAME_MAX)
    incident_count = me.IntField(default=0)
    last_seen = me.DateTimeField(required=True, default=now)

    meta = {
        "collection": "requesters",
        "auto_create_index": False,
        "indexes": [
            {"fields": ["key"], "unique": True, "sparse": True, "name": "key_unique"},
            {"fields": ["organization_id", "email"], "name": "org_email"},
            {"fields": ["organization_id", "-last_seen"], "name": "org_last_seen"},
        ],
    }
    unique_key = ("key", ("organization_id", "email"))
    retired_indexes = ("org_email_unique",)


class Feedback(UniqueKeyed, me.Document):
    """The requester's satisfaction with one resolution of an incident (once per resolution)."""

    organization_id = me.ObjectIdField(required=True)
    incident_id = me.ObjectIdField(required=True)
    # Which resolution this rates: the incident's reopen count when it was given.
    resolution_cycle = me.IntField(required=True, min_value=0)
    key = me.StringField()  # unique: key_of(organization, incident, resolution_cycle)
    rating = me.IntField(required=True, min_value=1, max_value=5)
    comment = me.StringField(default="", max_length=2000)
    author_id = me.StringField(required=True)
    created_at = me.DateTimeField(required=True, default=now)

    meta = {
        "collection": "feedback",
        "auto_create_index": False,
        "indexes": [
            {"fields": ["key"], "unique": True, "sparse": True, "name": "one_per_resolution_key"},
            {"fields": ["organization_id", "incident_id", "-created_at"], "name": "org_incident"},
        ],
    }
    unique_key = ("key", ("organization_id", "incident_id", "resolution_cycle"))
    retired_indexes = ("one_per_resolution",)

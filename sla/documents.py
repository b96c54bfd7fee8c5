"""Business calendars, SLA policies and the SLA settings of an organization.

Names are unique per organization, case-insensitively (`name_key`). The built-in
calendar `24x7` is stored (`builtin`) the first time an organization's calendars are
read (sla.selectors.builtin_calendar) and can be neither changed nor deleted; a
policy without a `calendar_id` counts on it.

The clocks of each incident are not here: they live on the incident (`sla`, see
sla.clocks), where the list filters and the breach scan find them by index.
"""

import mongoengine as me

from servicedesk.timeutil import now

NAME_MAX = 200
ZONE_MAX = 64
MAX_INTERVALS_PER_DAY = 12
MAX_HOLIDAYS = 1_000
MAX_CONDITION_IDS = 100
MAX_TARGET_MINUTES = 2_000_000  # about 3.8 years of 24x7 business time
MAX_AUTO_CLOSE_DAYS = 365
MAX_ORDER = 1_000_000
BUILTIN_NAME = "24x7"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DEFAULT_WARN_AT_PERCENT = 80
DEFAULT_AUTO_CLOSE_DAYS = 7


class BusinessCalendar(me.Document):
    organization_id = me.ObjectIdField(required=True)
    name = me.StringField(required=True, max_length=NAME_MAX)
    name_key = me.StringField(required=True)
    time_zone = me.StringField(required=True, max_length=ZONE_MAX)
    # weekday name -> [{"start": "09:00", "end": "17:00"}, ...] (local, end may be "24:00");
    # objects, not the API's pairs (a storage shape kept from FerretDB 1.x, which stored
    # no arrays of arrays; changing it would need a migration of stored calendars).
    hours = me.DictField(default=dict)
    holidays = me.ListField(me.StringField(), max_length=MAX_HOLIDAYS)  # "YYYY-MM-DD"
    builtin = me.BooleanField(default=False)
    active = me.BooleanField(default=True)
    created_at = me.DateTimeField(required=True, default=now)
    updated_at = me.DateTimeField(required=True, default=now)

    meta = {
        "collection": "sla_calendars",
        "auto_create_index": False,
        "indexes": [
            {"fields": ["organization_id", "name_key"], "unique": True, "name": "org_name_unique"},
        ],
    }


class Conditions(me.EmbeddedDocument):
    """Which incidents a policy applies to; an empty list means any."""

    priority_ids = me.ListField(me.IntField(), max_length=MAX_CONDITION_IDS)
    incident_type_ids = me.ListField(me.IntField(), max_length=MAX_CONDITION_IDS)
    service_ids = me.ListField(me.StringField(), max_length=MAX_CONDITION_IDS)
    support_group_ids = me.ListField(me.StringField(), max_length=MAX_CONDITION_IDS)


class Targets(me.EmbeddedDocument):
    """Business minutes from the incident's creation to the first response / resolution."""

    response_minutes = me.IntField(null=True, min_value=1, max_value=MAX_TARGET_MINUTES)
    resolution_minutes = me.IntField(null=True, min_value=1, max_value=MAX_TARGET_MINUTES)


class SlaPolicy(me.Document):
    organization_id = me.ObjectIdField(required=True)
    name = me.StringField(required=True, max_length=NAME_MAX)
    name_key = me.StringField(required=True)
    order = me.IntField(default=0, min_value=0, max_value=MAX_ORDER)
    active = me.BooleanField(default=True)
    conditions = me.EmbeddedDocumentField(Conditions, default=Conditions)
    calendar_id = me.ObjectIdField(null=True)  # None: the built-in 24x7
    targets = me.EmbeddedDocumentField(Targets, default=Targets)
    pause_status_ids = me.ListField(me.IntField(), max_length=MAX_CONDITION_IDS)
    warn_at_percent = me.IntField(default=DEFAULT_WARN_AT_PERCENT, min_value=1, max_value=99)
    created_at = me.DateTimeField(required=True, default=now)
    updated_at = me.DateTimeField(required=True, default=now)

    meta = {
        "collection": "sla_policies",
        "auto_create_index": False,
        "indexes": [
            {"fields": ["organization_id", "name_key"], "unique": True, "name": "org_name_unique"},
            {"fields": ["organization_id", "order"], "name": "org_order"},
        ],
    }


class SlaSettings(me.Document):
    organization_id = me.ObjectIdField(required=True)
    auto_close_days = me.IntField(
        null=True, default=DEFAULT_AUTO_CLOSE_DAYS, min_value=1, max_value=MAX_AUTO_CLOSE_DAYS
    )
    updated_at = me.DateTimeField(required=True, default=now)

    meta = {
        "collection": "sla_settings",
        "auto_create_index": False,
        "indexes": [{"fields": ["organization_id"], "unique": True, "name": "org_unique"}],
    }

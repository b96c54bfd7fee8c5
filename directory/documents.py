"""Agents and support groups of an organization: who works incidents, in which teams.

Membership is kept on the agent (`group_ids`): one update changes one agent's
groups, and a group's members are the agents that name it. `name_key` is the
name folded for the case-insensitive uniqueness every configuration name has.
"""

import mongoengine as me

from servicedesk.timeutil import now

NAME_MAX = 200
DESCRIPTION_MAX = 2_000
MAX_GROUPS_PER_AGENT = 100
AUTO_NONE, AUTO_ROUND_ROBIN, AUTO_LEAST_OPEN = "none", "round_robin", "least_open"
AUTO_ASSIGN = (AUTO_NONE, AUTO_ROUND_ROBIN, AUTO_LEAST_OPEN)


class Agent(me.Document):
    organization_id = me.ObjectIdField(required=True)
    name = me.StringField(required=True, max_length=NAME_MAX)
    name_key = me.StringField(required=True)
    email = me.StringField(required=True, max_length=254)  # lower-cased
    active = me.BooleanField(default=True)
    group_ids = me.ListField(me.ObjectIdField(), max_length=MAX_GROUPS_PER_AGENT)
    created_at = me.DateTimeField(required=True, default=now)
    updated_at = me.DateTimeField(required=True, default=now)

    meta = {
        "collection": "agents",
        "auto_create_index": False,
        "indexes": [
            {"fields": ["organization_id", "email"], "unique": True, "name": "org_email_unique"},
            {"fields": ["organization_id", "name_key"], "unique": True, "name": "org_name_unique"},
            {"fields": ["organization_id", "group_ids"], "name": "org_groups"},
        ],
    }


class Group(me.Document):
    organization_id = me.ObjectIdField(required=True)
    name = me.StringField(required=True, max_length=NAME_MAX)
    name_key = me.StringField(required=True)
    description = me.StringField(default="", max_length=DESCRIPTION_MAX)
    auto_assign = me.StringField(default=AUTO_NONE, choices=AUTO_ASSIGN)
    active = me.BooleanField(default=True)
    # Round robin's turn: one `$inc` per assignment hands each turn out once.
    turn = me.IntField(default=0)
    created_at = me.DateTimeField(required=True, default=now)
    updated_at = me.DateTimeField(required=True, default=now)

    meta = {
        "collection": "groups",
        "auto_create_index": False,
        "indexes": [
            {"fields": ["organization_id", "name_key"], "unique": True, "name": "org_name_unique"},
        ],
    }

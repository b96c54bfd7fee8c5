"""Merge records: what a merge call asked for, how far it got, what it answered.

A merge writes several documents (the target, each source, their conversations and
attachments). Each source's writes are one transaction where the server has them; the
embedded store has none, and a call can die between sources anywhere, so the record is
written first; every later step can run again without doing anything twice, and a retry
of the same call (same target, same sources) resumes from the record. Each source
is claimed by one record (`MergeClaim`, a unique `_id`), so that of concurrent merges of
overlapping sets exactly one merges each source.
"""

import mongoengine as me

from servicedesk.timeutil import now

RUNNING, DONE = "running", "done"
PENDING, CLAIMED, REFUSED = "pending", "claimed", "refused"


class MergeSource(me.EmbeddedDocument):
    ref = me.StringField(required=True)  # as the call named it
    incident_id = me.ObjectIdField(null=True)
    state = me.StringField(required=True, choices=(PENDING, CLAIMED, REFUSED, DONE))
    # Why it was refused or failed: {status, code, detail, attr}, as the API shows it.
    error = me.DictField(null=True)
    incident = me.DictField(null=True)  # its representation once merged (the answer)


class MergeRecord(me.Document):
    key = me.StringField(primary_key=True)  # "<organization id>:<digest of target+sources>"
    organization_id = me.ObjectIdField(required=True)
    target_id = me.ObjectIdField(required=True)
    note = me.StringField(default="")
    actor_id = me.StringField(required=True)
    # Who called, so that the `relations.resume_merges` job can finish it as them.
    key_id = me.ObjectIdField(required=True)
    organization_slug = me.StringField(required=True)
    scope = me.StringField(required=True)
    agent_id = me.ObjectIdField(null=True)
    state = me.StringField(required=True, choices=(RUNNING, DONE))
    sources = me.EmbeddedDocumentListField(MergeSource)
    target = me.DictField(null=True)  # the target's representation at the end (the answer)
    noted = me.BooleanField(default=False)  # the merge's reply on the target is written
    created_at = me.DateTimeField(required=True, default=now)
    finished_at = me.DateTimeField(null=True)

    meta = {
        "collection": "merges",
        "auto_create_index": False,
        "indexes": [
            {"fields": ["organization_id", "target_id"], "name": "org_target"},
            {"fields": ["state", "created_at"], "name": "state_created"},
        ],
    }


class MergeClaim(me.Document):
    """Source `incident_id` is merged by the record `merge_key`, and by no other."""

    key = me.StringField(primary_key=True)  # "<organization id>:<incident id>"
    merge_key = me.StringField(required=True)
    at = me.DateTimeField(required=True, default=now)

    meta = {"collection": "merge_claims", "auto_create_index": False}


class HierarchyLock(me.Document):
    """One per organization, written first by every parent/child link in its transaction:
    links of one organization are made one at a time, so the cycle check of each sees
    every link made before it (relations.services.links)."""

    key = me.StringField(primary_key=True)  # the organization id
    links = me.IntField(default=0)  # parent/child links made (what each writes)

    meta = {"collection": "relation_locks", "auto_create_index": False}

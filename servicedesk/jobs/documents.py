"""The lease documents: one per term of each job (see servicedesk.jobs.lease)."""

import mongoengine as me


class JobLease(me.Document):
    """One term of a job's lease, and the job's record for operators.

    The latest term of a job (highest `term`) is its lease: held by `holder`
    until `expires_at` unless `released_at` is set. The `last_*` and count
    fields are carried into each new term, so the latest document tells the
    job's whole story.
    """

    key = me.StringField(primary_key=True)  # "<job>:<term>"
    job = me.StringField(required=True)
    term = me.IntField(required=True)
    holder = me.StringField(required=True)  # "host:pid:thread"
    acquired_at = me.DateTimeField(required=True)
    expires_at = me.DateTimeField(required=True)
    released_at = me.DateTimeField(null=True)
    last_started_at = me.DateTimeField(null=True)
    last_finished_at = me.DateTimeField(null=True)
    last_error = me.StringField(null=True)
    last_error_at = me.DateTimeField(null=True)
    run_count = me.IntField(default=0)
    error_count = me.IntField(default=0)

    meta = {
        "collection": "job_leases",
        "auto_create_index": False,
        "indexes": [{"fields": ["job", "-term"], "name": "job_term"}],
    }

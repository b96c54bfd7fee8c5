"""Merges whose call died and was not sent again, finished by the resume job."""

from datetime import timedelta

from incidents import public as incidents
from relations.documents import RUNNING, MergeRecord
from relations.services.merge import release_merge, run_merge
from servicedesk.errors import DomainError
from servicedesk.tenancy.principal import Principal
from servicedesk.timeutil import now
from servicedesk.webhooks.services import endpoints_looked_up_once

# A merge still running after this long belongs to a call that died.
STALE_AFTER = timedelta(minutes=2)


def merges_resume(*, older_than: timedelta = STALE_AFTER, limit: int = 20, should_stop=None) -> int:
    """Finish merges whose call died and was not sent again (the `relations.resume_merges`
    job), as their caller; answers how many it took up. Their sources would otherwise stay
    claimed (open, refused to other merges) until the same call came again."""
    stale = MergeRecord.objects(state=RUNNING, created_at__lt=now() - older_than)
    taken = 0
    for record in stale.order_by("created_at").limit(limit):
        if should_stop is not None and should_stop():
            break
        principal = Principal(
            key_id=record.key_id,
            organization_id=record.organization_id,
            organization_slug=record.organization_slug,
            scope=record.scope,
            agent_id=record.agent_id,
        )
        taken += 1
        refs = [str(record.target_id)]
        target = incidents.incidents_by_refs(principal=principal, refs=refs, deleted=None)
        if str(record.target_id) not in target:  # deleted for good: nothing to merge into
            release_merge(principal, record)
            continue
        ids = [str(s.incident_id) for s in record.sources if s.incident_id is not None]
        found = incidents.incidents_by_refs(principal=principal, refs=ids, deleted=None)
        try:
            with endpoints_looked_up_once():
                run_merge(principal, record, target[str(record.target_id)], found)
        except DomainError:
            continue  # refused as a whole (the target closed meanwhile): released
    return taken

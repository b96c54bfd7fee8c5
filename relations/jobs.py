"""The relations' periodic job: finish merges whose call died and was not sent again."""

from relations.services.resume import merges_resume
from servicedesk.jobs import register, should_stop


@register("relations.resume_merges", every=60, lease_seconds=120)
def resume_merges() -> int:
    return merges_resume(should_stop=should_stop)

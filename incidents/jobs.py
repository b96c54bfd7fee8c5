"""The incidents' periodic job: pay what the requester directory is owed (services.requesters)."""

from datetime import timedelta

from incidents.services.requesters import requester_directory_apply
from servicedesk.jobs import register, should_stop

# Requester search and the mail name lookup see a new requester within about this.
DIRECTORY_EVERY = timedelta(seconds=3)


@register("incidents.requester_directory", every=DIRECTORY_EVERY, lease_seconds=60)
def requester_directory() -> int:
    return requester_directory_apply(should_stop=should_stop)

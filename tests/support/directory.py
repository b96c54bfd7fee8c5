"""The requester directory is written by its job (incidents.services.requesters), within
seconds of a create or an edit: tests that read it run the job's work first."""

from incidents.services import requester_directory_apply


def directory_job(organization_id=None) -> int:
    """What the job `incidents.requester_directory` does in one run; how many it paid."""
    return requester_directory_apply(organization_id=organization_id)

"""Who is calling: the one thing the domain knows of authentication."""

import dataclasses
from dataclasses import dataclass

from bson import ObjectId

from servicedesk.tenancy.documents import SCOPE_ADMIN, SCOPE_RANK, Organization


@dataclass(frozen=True)
class Principal:
    """Who is calling: one API key of one organization. Attached to the request once.

    A key may act for an agent of its organization (`create_api_key --agent EMAIL`):
    then what it writes is written in the agent's name (`actor_id`).
    """

    key_id: ObjectId
    organization_id: ObjectId
    organization_slug: str
    scope: str
    agent_id: ObjectId | None = None
    is_authenticated: bool = True
    # False when the key came from this worker's cache (tenancy.keycache), not the database.
    looked_up: bool = dataclasses.field(default=True, compare=False, repr=False)

    def has_scope(self, scope: str) -> bool:
        return SCOPE_RANK[self.scope] >= SCOPE_RANK[scope]

    @property
    def actor_id(self) -> str:
        """How history and audit fields name this caller: its agent, else its key."""
        if self.agent_id is not None:
            return f"agent:{self.agent_id}"
        return f"key:{self.key_id}"


SYSTEM_ACTOR = "system"
_NO_KEY = ObjectId("000000000000000000000000")


@dataclass(frozen=True)
class SystemPrincipal(Principal):
    """The service itself acting for an organization (periodic jobs): history names it
    `system`."""

    @property
    def actor_id(self) -> str:
        return SYSTEM_ACTOR


def system_principal(*, organization_id: ObjectId, organization_slug: str = "") -> Principal:
    if not organization_slug:
        found = Organization.objects(id=organization_id).only("slug").first()
        organization_slug = found.slug if found else ""
    return SystemPrincipal(
        key_id=_NO_KEY,
        organization_id=organization_id,
        organization_slug=organization_slug,
        scope=SCOPE_ADMIN,
    )

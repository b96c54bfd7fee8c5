"""Who is calling: the one thing the domain knows of authentication."""

import dataclasses
from dataclasses import dataclass

from bson import ObjectId

from servicedesk.tenancy.documents import SCOPE_RANK


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

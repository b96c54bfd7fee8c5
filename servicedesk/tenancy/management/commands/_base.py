"""Shared plumbing for the tenancy commands: errors as CommandError, JSON output."""

import json

from django.core.management.base import BaseCommand, CommandError

from servicedesk.tenancy.services import TenancyError
from servicedesk.timeutil import isoformat


class TenancyCommand(BaseCommand):
    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except TenancyError as exc:
            raise CommandError(exc.message) from None

    def emit(self, data: dict) -> None:
        self.stdout.write(json.dumps(data, indent=2, default=str))


def key_summary(key) -> dict:
    """What may be shown of a key: never the key or its hash."""
    return {
        "id": str(key.id),
        "organization": key.organization_slug,
        "name": key.name,
        "scope": key.scope,
        "agent_id": str(key.agent_id) if key.agent_id else None,
        "prefix": key.display_prefix,
        "created_at": isoformat(key.created_at),
        "last_used_at": isoformat(key.last_used_at),
        "expires_at": isoformat(key.expires_at),
        "revoked_at": isoformat(key.revoked_at),
    }

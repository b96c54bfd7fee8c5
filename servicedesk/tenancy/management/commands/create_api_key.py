from datetime import timedelta

from django.core.management.base import CommandError

from servicedesk.tenancy import services
from servicedesk.tenancy.documents import SCOPE_RANK, SCOPE_WRITE
from servicedesk.tenancy.management.commands._base import TenancyCommand, key_summary
from servicedesk.timeutil import now


class Command(TenancyCommand):
    help = "Create an API key for an organization. The key is printed once and never again."

    def add_arguments(self, parser):
        parser.add_argument("org", help="Organization slug.")
        parser.add_argument("--name", default="api key", help="What the key is for.")
        parser.add_argument("--scope", default=SCOPE_WRITE, choices=list(SCOPE_RANK))
        parser.add_argument("--expires-in-days", type=int, help="Expire after this many days.")
        parser.add_argument(
            "--create-org", action="store_true", help="Create the organization if missing."
        )
        parser.add_argument(
            "--agent",
            metavar="EMAIL",
            help="The key acts for this active agent of the organization: what it writes "
            "names the agent, not the key.",
        )

    def handle(
        self,
        *args,
        org,
        name,
        scope,
        expires_in_days=None,
        create_org=False,
        agent=None,
        **options,
    ):
        if expires_in_days is not None and expires_in_days < 1:
            raise CommandError("--expires-in-days must be at least 1.")
        organization = services.org_ensure(slug=org) if create_org else services.org_get(slug=org)
        expires_at = now() + timedelta(days=expires_in_days) if expires_in_days else None
        agent_id = services.agent_for(org=organization, email=agent) if agent else None
        doc, key = services.api_key_create(
            org=organization, name=name, scope=scope, expires_at=expires_at, agent_id=agent_id
        )
        self.emit({**key_summary(doc), "key": key})
        self.stderr.write("Store this key now: it is not kept and cannot be shown again.")

import random

from django.core.management.base import BaseCommand, CommandError

from incidents import demo
from servicedesk.tenancy import services
from servicedesk.tenancy.documents import SCOPE_WRITE


class Command(BaseCommand):
    help = (
        "Create a demo organization with realistic incidents in varied states, and print "
        "a write key for it (shown once)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--org", default="demo", help="Organization slug (created if missing).")
        parser.add_argument("--count", type=int, default=300, help="How many incidents (1..10000).")
        parser.add_argument(
            "--seed", type=int, default=None, help="Random seed, for repeatable data."
        )
        parser.add_argument("--no-key", action="store_true", help="Do not create an API key.")

    def handle(self, *args, org, count, seed=None, no_key=False, **options):
        if not 1 <= count <= 10_000:
            raise CommandError("--count must be between 1 and 10000.")
        organization = services.org_ensure(slug=org, name=f"{org} organization")
        doc, key = services.api_key_create(org=organization, name="seed_demo", scope=SCOPE_WRITE)
        principal = services.Principal(
            key_id=doc.id,
            organization_id=organization.id,
            organization_slug=organization.slug,
            scope=doc.scope,
        )
        made = demo.seed(principal=principal, count=count, rng=random.Random(seed))  # noqa: S311
        self.stdout.write(f"{made} incidents created in organization {org!r}.")
        if no_key:
            services.api_key_revoke(key=doc)
        else:
            self.stdout.write(f"Write key (shown once): {key}")

from django.conf import settings

from servicedesk.tenancy import services
from servicedesk.tenancy.management.commands._base import TenancyCommand


class Command(TenancyCommand):
    help = "Register the organizations and keys of SERVICEDESK_BOOTSTRAP_API_KEYS (idempotent)."

    def handle(self, *args, **options):
        keys = services.bootstrap(spec=settings.SERVICEDESK_BOOTSTRAP_API_KEYS)
        self.stdout.write(f"{len(keys)} bootstrap key(s) registered.")

from servicedesk.tenancy import services
from servicedesk.tenancy.documents import ApiKey
from servicedesk.tenancy.management.commands._base import TenancyCommand, key_summary


class Command(TenancyCommand):
    help = "List API keys (never their secrets), optionally of one organization."

    def add_arguments(self, parser):
        parser.add_argument("org", nargs="?", help="Organization slug (default: all).")
        parser.add_argument("--active", action="store_true", help="Only keys not revoked.")

    def handle(self, *args, org=None, active=False, **options):
        keys = ApiKey.objects
        if org:
            keys = keys(organization_id=services.org_get(slug=org).id)
        if active:
            keys = keys(revoked_at=None)
        self.emit({"keys": [key_summary(key) for key in keys.order_by("created_at")]})

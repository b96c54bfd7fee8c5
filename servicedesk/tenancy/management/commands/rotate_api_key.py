from servicedesk.tenancy import services
from servicedesk.tenancy.management.commands._base import TenancyCommand, key_summary


class Command(TenancyCommand):
    help = (
        "Replace an API key: a new key with the same organization, scope and expiry is "
        "printed once, and the old one is revoked."
    )

    def add_arguments(self, parser):
        parser.add_argument("key_id")
        parser.add_argument("--name", help="Name of the new key (default: the old one's).")

    def handle(self, *args, key_id, name=None, **options):
        old = services.api_key_get(key_id=key_id)
        new, key = services.api_key_rotate(key=old, name=name)
        self.emit({**key_summary(new), "key": key, "replaces": str(old.id)})
        self.stderr.write("Store this key now: it is not kept and cannot be shown again.")

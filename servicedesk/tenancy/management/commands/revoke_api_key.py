from servicedesk.tenancy import services
from servicedesk.tenancy.management.commands._base import TenancyCommand, key_summary


class Command(TenancyCommand):
    help = "Revoke an API key by its id (see list_api_keys); requests with it then get 401."

    def add_arguments(self, parser):
        parser.add_argument("key_id")

    def handle(self, *args, key_id, **options):
        key = services.api_key_revoke(key=services.api_key_get(key_id=key_id))
        self.emit(key_summary(key))

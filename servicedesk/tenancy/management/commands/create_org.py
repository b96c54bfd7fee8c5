from servicedesk.tenancy import services
from servicedesk.tenancy.management.commands._base import TenancyCommand


class Command(TenancyCommand):
    help = "Create an organization (tenant)."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="Short unique name: lowercase letters, digits and -.")
        parser.add_argument("--name", help="Display name (default: the slug).")

    def handle(self, *args, slug, name=None, **options):
        org = services.org_create(slug=slug, name=name)
        self.emit({"id": str(org.id), "slug": org.slug, "name": org.name})

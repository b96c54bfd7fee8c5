from django.core.management.base import BaseCommand, CommandError

from servicedesk.indexes import ensure_indexes, index_drift


class Command(BaseCommand):
    help = "Create every declared index; with --check, only report missing ones (exit 1)."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true")

    def handle(self, *args, check=False, **options):
        if check:
            drift = index_drift()
            for line in drift:
                self.stdout.write(line)
            if drift:
                raise CommandError(f"{len(drift)} index(es) missing; run ensure_indexes.")
            self.stdout.write("All declared indexes are present.")
            return
        for name in ensure_indexes():
            self.stdout.write(f"indexes ensured: {name}")

"""`manage.py fetch_mail [--org SLUG]... [--limit N]`: poll the organizations' IMAP mailboxes."""

from django.core.management.base import BaseCommand, CommandError

from mail.services.imap import mail_fetch
from servicedesk.tenancy.documents import Organization


class Command(BaseCommand):
    help = (
        "Take new mail from each organization's IMAP mailbox (mail-settings `imap`) as "
        "incidents and replies; each message is marked so that it is never taken twice. "
        "Exits 1 when a mailbox could not be polled."
    )

    def add_arguments(self, parser):
        parser.add_argument("--org", action="append", default=[], help="organization slug")
        parser.add_argument("--limit", type=int, default=200, help="messages per mailbox")

    def handle(self, *args, **options):
        organization_ids = None
        if options["org"]:
            found = {org.slug: org.id for org in Organization.objects(slug__in=options["org"])}
            unknown = sorted(set(options["org"]) - set(found))
            if unknown:
                raise CommandError(f"no organization {', '.join(unknown)}")
            organization_ids = list(found.values())
        if options["limit"] < 1:
            raise CommandError("--limit must be at least 1")
        reports = mail_fetch(organization_ids=organization_ids, limit=options["limit"])
        for report in reports:
            if report.error:
                self.stderr.write(f"{report.organization}: {report.error}")
                continue
            self.stdout.write(
                f"{report.organization}: {report.taken} taken, {report.ignored} ignored, "
                f"{report.refused} refused, {report.failed} failed"
            )
            for line in report.details:
                self.stdout.write(f"  {line}")
        if not reports:
            self.stdout.write("no IMAP mailbox is configured")
        if any(report.error or report.failed for report in reports):
            raise CommandError("some mail could not be fetched")

import signal
import threading

from django.core.management.base import BaseCommand

from servicedesk.webhooks.dispatcher import run
from servicedesk.webhooks.services import deliver_due


class Command(BaseCommand):
    help = (
        "Send due webhook deliveries in a loop (a separate worker; set "
        "SERVICEDESK_WEBHOOK_DISPATCHER=off on the web processes then). --once sends what "
        "is due now and exits."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true")

    def handle(self, *args, once=False, **options):
        if once:
            self.stdout.write(f"{deliver_due(limit=10_000)} deliveries attempted.")
            return
        stop = threading.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
        self.stdout.write("Delivering webhooks; stop with SIGTERM or Ctrl-C.")
        run(stop)

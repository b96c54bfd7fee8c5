"""The delivery queue as Prometheus sees it, read from the database at scrape time."""

from prometheus_client.core import GaugeMetricFamily

from servicedesk import mongo
from servicedesk.timeutil import now
from servicedesk.webhooks.documents import PENDING, Delivery


class QueueCollector:
    """How many deliveries are due now, and how long the oldest of them has waited."""

    def __init__(self, clock=now):
        self.clock = clock

    def collect(self):
        depth = GaugeMetricFamily(
            "servicedesk_webhook_queue_depth", "Webhook deliveries due now and not yet sent."
        )
        age = GaugeMetricFamily(
            "servicedesk_webhook_oldest_due_age_seconds",
            "How long the oldest due webhook delivery has been due (0 when none is).",
        )
        moment = self.clock()
        due = {"status": PENDING, "next_attempt_at": {"$lte": moment}}
        try:
            collection = Delivery._get_collection()
            count = collection.count_documents(due)
            oldest = collection.find_one(
                due, projection={"next_attempt_at": 1}, sort=[("next_attempt_at", 1)]
            )
        except mongo.UNAVAILABLE_ERRORS:
            return  # the scrape still shows everything else; database errors count it
        waited = 0.0
        if oldest is not None and oldest.get("next_attempt_at") is not None:
            waited = max(0.0, (moment - oldest["next_attempt_at"]).total_seconds())
        depth.add_metric([], count)
        age.add_metric([], waited)
        yield depth
        yield age

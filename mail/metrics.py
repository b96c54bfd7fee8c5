"""Counts of inbound mail by outcome (a Prometheus counter beside the log line)."""

from prometheus_client import Counter

INBOUND = Counter(
    "servicedesk_mail_inbound_total",
    "Inbound mail taken or ignored, by outcome (created, replied, duplicate, loop reasons).",
    ["outcome"],
)

from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "servicedesk.webhooks"
    label = "webhooks"
    verbose_name = "Outbound API calls (webhooks)"

    def ready(self) -> None:
        from servicedesk.webhooks import jobs  # noqa: F401, PLC0415 - registers the delivery job

from django.apps import AppConfig


class TenancyConfig(AppConfig):
    name = "servicedesk.tenancy"
    label = "tenancy"
    verbose_name = "Organizations and API keys"

    def ready(self) -> None:
        from servicedesk import mongo  # noqa: PLC0415 - settings are ready only now

        mongo.connect()

from django.apps import AppConfig


class TenancyConfig(AppConfig):
    name = "servicedesk.tenancy"
    label = "tenancy"
    verbose_name = "Organizations and API keys"

    def ready(self) -> None:
        from servicedesk import mongo

        mongo.connect()

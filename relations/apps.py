from django.apps import AppConfig


class RelationsConfig(AppConfig):
    name = "relations"
    verbose_name = "Merges and relations"

    def ready(self) -> None:
        # Imported here: Django loads apps before their modules may be imported.
        from incidents.public import register_resolve_follower  # noqa: PLC0415
        from relations import jobs  # noqa: F401, PLC0415 - registers the resume job
        from relations.api.serializers import children_fields  # noqa: PLC0415
        from relations.services.events import EVENTS  # noqa: PLC0415
        from relations.services.links import children_resolve  # noqa: PLC0415
        from servicedesk.webhooks.events import register_events  # noqa: PLC0415

        register_events(*EVENTS)
        register_resolve_follower("children", children_resolve, children_fields)

from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "conversations"
    verbose_name = "Conversations"

    def ready(self) -> None:
        # Imported here: Django loads apps before their modules may be imported.
        from conversations import public  # noqa: PLC0415
        from conversations.api.sections import incident_section, section_fields  # noqa: PLC0415
        from incidents.public import on_incident_purged, register_detail_section  # noqa: PLC0415
        from servicedesk.webhooks.events import register_events  # noqa: PLC0415

        register_events(*public.EVENTS)
        on_incident_purged("conversations", public.conversations_purge)
        register_detail_section("conversations", incident_section, section_fields)

from django.apps import AppConfig


class AttachmentsConfig(AppConfig):
    name = "attachments"
    verbose_name = "Attachments"

    def ready(self) -> None:
        # Imported here: Django loads apps before their modules may be imported.
        from attachments import public  # noqa: PLC0415
        from attachments.api.sections import incident_section, section_fields  # noqa: PLC0415
        from conversations.public import register_attachment_lookup  # noqa: PLC0415
        from incidents.public import on_incident_purged, register_detail_section  # noqa: PLC0415

        on_incident_purged("attachments", public.attachments_purge)
        register_detail_section("attachments", incident_section, section_fields)
        register_attachment_lookup(public.attachment_ids_on)

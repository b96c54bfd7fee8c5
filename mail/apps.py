from django.apps import AppConfig
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class MailConfig(AppConfig):
    name = "mail"
    verbose_name = "Mail in and out"

    def ready(self) -> None:
        # Imported here: Django loads apps before their modules may be imported.
        from conversations.public import register_mail_planner  # noqa: PLC0415
        from incidents.public import on_incident_purged  # noqa: PLC0415
        from mail import jobs  # noqa: F401, PLC0415 - registers the mail.send job
        from mail.services.outbox import mail_purge, plan_conversation_mail  # noqa: PLC0415
        from mail.smtp import BadSmtpUrl, parse_smtp_url  # noqa: PLC0415

        try:
            parse_smtp_url(settings.SERVICEDESK_SMTP_URL)
        except BadSmtpUrl as exc:
            raise ImproperlyConfigured(f"SERVICEDESK_SMTP_URL: {exc}") from None
        register_mail_planner(plan_conversation_mail)
        on_incident_purged("mail", mail_purge)

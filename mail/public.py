"""The mail app as other code may use it (it sits at the top: no app imports it; its
management commands and tests do)."""

from mail.message import parse
from mail.services.inbound import mail_receive
from mail.services.outbox import send_due
from mail.smtp import parse_smtp_url

__all__ = ["mail_receive", "parse", "parse_smtp_url", "send_due"]

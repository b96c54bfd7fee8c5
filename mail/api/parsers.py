"""The raw-message parser of `mail/inbound/`: the body is the message, read as bytes."""

from django.conf import settings
from rest_framework.parsers import BaseParser

from servicedesk.errors import PayloadTooLarge


class RawMessageParser(BaseParser):
    media_type = "message/rfc822"

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.SERVICEDESK_MAX_INBOUND_MAIL_BYTES
        raw = stream.read(limit + 1) if stream is not None else b""
        if len(raw) > limit:  # no Content-Length said so (the middleware refuses those)
            raise PayloadTooLarge(f"The message is over {limit} bytes.", code="payload_too_large")
        return raw

"""`/ux/sd/org/mail-settings/` and `/ux/sd/inci/mail/inbound/`."""

from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from drf_standardized_errors.openapi_validation_errors import extend_validation_errors
from rest_framework import exceptions, status
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from mail.api.parsers import RawMessageParser
from mail.api.serializers import (
    InboundIgnored,
    InboundResult,
    MailSettingsInput,
    MailSettingsSerializer,
)
from mail.selectors import mail_settings_of
from mail.services.inbound import mail_receive
from mail.services.outbox import smtp_server
from mail.services.settings import mail_settings_put
from servicedesk.api.config import WRITE_NOTE, admin_to_write
from servicedesk.tenancy.documents import SCOPE_ADMIN, SCOPE_MAIL

SETTINGS_NOTE = (
    "How the organization's mail goes out and comes in. Replies and forwards are sent "
    "from `from_address` (with `from_name`) through the service's SMTP server "
    "(SERVICEDESK_SMTP_URL); until both are set nothing is sent and outbound "
    'conversations say `mail.status: "not_sent"`. `inbound_addresses` are the '
    "addresses whose mail is this organization's. `imap` is the mailbox that "
    "`manage.py fetch_mail` polls; its `password` is write-only (`password_set` says "
    "whether one is stored) and never logged. Read keys read."
)
EXAMPLE = {
    "from_address": "help@example.com",
    "from_name": "Example IT Help Desk",
    "inbound_addresses": ["help@example.com", "it-support@example.com"],
    "imap": {
        "host": "imap.example.com",
        "port": 993,
        "security": "ssl",
        "username": "help@example.com",
        "password": "app-password",
        "folder": "INBOX",
        "enabled": True,
    },
}


def _settings_answer(organization_id):
    current = mail_settings_of(organization_id=organization_id)
    context = {"smtp_configured": smtp_server() is not None}
    return Response(MailSettingsSerializer(current, context=context).data)


class MailSettingsView(APIView):
    """The organization's mail settings."""

    required_scope = property(admin_to_write)

    @extend_schema(
        operation_id="mail_settings_read",
        summary="Read the mail settings",
        description=SETTINGS_NOTE,
        responses=MailSettingsSerializer,
        tags=["mail settings"],
    )
    def get(self, request):
        return _settings_answer(request.user.organization_id)

    @extend_schema(
        operation_id="mail_settings_replace",
        summary="Replace the mail settings",
        description=f"{SETTINGS_NOTE}\n\n{WRITE_NOTE}",
        request=MailSettingsInput,
        responses=MailSettingsSerializer,
        examples=[OpenApiExample("Help desk mailbox", value=EXAMPLE, request_only=True)],
        tags=["mail settings"],
    )
    def put(self, request):
        body = MailSettingsInput(data=request.data)
        body.is_valid(raise_exception=True)
        mail_settings_put(principal=request.user, data=body.validated_data)
        return _settings_answer(request.user.organization_id)


class MailOrAdminKey(BasePermission):
    """A `mail` key (an MTA's or an inbound-parse service's) or an `admin` key."""

    def has_permission(self, request, view):
        principal = request.user
        if principal is None or not getattr(principal, "is_authenticated", False):
            raise exceptions.NotAuthenticated()
        if principal.scope == SCOPE_MAIL or principal.has_scope(SCOPE_ADMIN):
            return True
        raise exceptions.PermissionDenied(
            detail=f"Delivering mail needs an API key with the 'mail' or 'admin' scope; "
            f"this key has {principal.scope!r}.",
            code="insufficient_scope",
        )


INBOUND_NOTE = """One raw RFC 822 message, as an MTA (a pipe or an HTTP transport) or an
inbound-parse service delivers it, with `Content-Type: message/rfc822`; at most
SERVICEDESK_MAX_INBOUND_MAIL_BYTES (413 beyond). Needs a `mail` key (which can do
nothing else) or an `admin` key of the organization the mail is for.

- A reply (its `In-Reply-To` or `References` names a Message-ID of the organization's
  mail, or its subject carries `[INCI-n]` of this organization) becomes an inbound
  conversation on that incident and sets `unread_mail: true`. A reply to a Resolved
  incident reopens it (history says why); a reply to a Closed or Cancelled one starts
  a new incident whose `reference` names the old one (`type: "follow_up_of"`).
- Any other message becomes a new incident: source Email, requester from `From`
  (through the organization's requester directory), summary from `Subject`
  (`(no subject)` when empty), description from the text part, else the sanitized
  HTML part, and an inbound conversation holding the message.
- The quoted history below a reply is cut off; the whole message is kept as the
  attachment `original.eml`, beside the message's own files (inline `cid:` images
  too), which are held to the upload limits (413) and typed from their bytes.
- 200 `{"ignored": reason}`, nothing stored: the same Message-ID again
  (`duplicate`; a message without one is identified by its bytes), mail from the
  organization's own addresses, auto-replies (`Auto-Submitted`, `X-Autoreply`),
  bulk mail (`Precedence: bulk/junk/list`), bounces (`mailer-daemon`, delivery
  reports), and, when the organization has `inbound_addresses`, mail addressed to
  none of them. Each is logged and counted (`servicedesk_mail_inbound_total`).
- `unread_mail` turns false when the desk answers (an outbound reply) or with
  `PATCH incident/{id}/ {"unread_mail": false}` when an agent has read the mail.
- A message that is no mail (no headers, no sender) is a 400 naming `message`;
  nothing is ever half stored."""

SAMPLE = (
    "From: Ada Lovelace <ada@example.org>\r\nTo: help@example.com\r\n"
    "Subject: VPN drops every hour\r\nMessage-ID: <abc123@example.org>\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n\r\nSince this morning the VPN drops.\r\n"
)


@extend_validation_errors(["malformed"], field_name="message", methods=["post"])
class InboundMailView(APIView):
    """Inbound mail."""

    parser_classes = [RawMessageParser]
    permission_classes = [MailOrAdminKey]

    @extend_schema(
        operation_id="mail_inbound",
        summary="Deliver an inbound mail",
        description=INBOUND_NOTE,
        request={"message/rfc822": {"type": "string", "format": "binary"}},
        responses={
            201: InboundResult,
            200: OpenApiResponse(InboundIgnored, description="Ignored: nothing stored."),
        },
        examples=[
            OpenApiExample(
                "A new incident",
                value={
                    "incident_id": "66d2f0c0a1b2c3d4e5f60718",
                    "display_id": "INCI-42",
                    "conversation_id": "66d2f0c0a1b2c3d4e5f60719",
                    "created_incident": True,
                },
                response_only=True,
                status_codes=["201"],
            ),
            OpenApiExample(
                "A duplicate",
                value={"ignored": "duplicate"},
                response_only=True,
                status_codes=["200"],
            ),
        ],
        tags=["mail"],
    )
    def post(self, request):
        raw = request.data if isinstance(request.data, bytes) else b""
        outcome = mail_receive(principal=request.user, raw=raw)
        if outcome.ignored:
            return Response({"ignored": outcome.ignored}, status=status.HTTP_200_OK)
        return Response(
            {
                "incident_id": str(outcome.incident.id),
                "display_id": outcome.incident.display_id,
                "conversation_id": str(outcome.conversation.id),
                "created_incident": outcome.created_incident,
            },
            status=status.HTTP_201_CREATED,
        )

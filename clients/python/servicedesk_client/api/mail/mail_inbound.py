from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.inbound_ignored import InboundIgnored
from ...models.inbound_result import InboundResult
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    body: File,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/ux/sd/inci/mail/inbound/",
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "message/rfc822"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | InboundIgnored | InboundResult | None:
    if response.status_code == 200:
        response_200 = InboundIgnored.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = InboundResult.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ApiError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ApiError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ApiError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ApiError.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = ApiError.from_dict(response.json())

        return response_405

    if response.status_code == 406:
        response_406 = ApiError.from_dict(response.json())

        return response_406

    if response.status_code == 409:
        response_409 = ApiError.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ApiError.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ApiError.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ApiError.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ApiError.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ApiError.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ApiError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiError | InboundIgnored | InboundResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: File,
    idempotency_key: str | Unset = UNSET,
) -> Response[ApiError | InboundIgnored | InboundResult]:
    """Deliver an inbound mail

     One raw RFC 822 message, as an MTA (a pipe or an HTTP transport) or an
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
      nothing is ever half stored.

    Args:
        idempotency_key (str | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | InboundIgnored | InboundResult]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: File,
    idempotency_key: str | Unset = UNSET,
) -> ApiError | InboundIgnored | InboundResult | None:
    """Deliver an inbound mail

     One raw RFC 822 message, as an MTA (a pipe or an HTTP transport) or an
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
      nothing is ever half stored.

    Args:
        idempotency_key (str | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | InboundIgnored | InboundResult
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: File,
    idempotency_key: str | Unset = UNSET,
) -> Response[ApiError | InboundIgnored | InboundResult]:
    """Deliver an inbound mail

     One raw RFC 822 message, as an MTA (a pipe or an HTTP transport) or an
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
      nothing is ever half stored.

    Args:
        idempotency_key (str | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | InboundIgnored | InboundResult]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: File,
    idempotency_key: str | Unset = UNSET,
) -> ApiError | InboundIgnored | InboundResult | None:
    """Deliver an inbound mail

     One raw RFC 822 message, as an MTA (a pipe or an HTTP transport) or an
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
      nothing is ever half stored.

    Args:
        idempotency_key (str | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | InboundIgnored | InboundResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed

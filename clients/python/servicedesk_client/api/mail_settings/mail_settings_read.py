from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.mail_settings import MailSettings
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/ux/sd/org/mail-settings/",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | MailSettings | None:
    if response.status_code == 200:
        response_200 = MailSettings.from_dict(response.json())

        return response_200

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

    if response.status_code == 415:
        response_415 = ApiError.from_dict(response.json())

        return response_415

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
) -> Response[ApiError | MailSettings]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ApiError | MailSettings]:
    """Read the mail settings

     How the organization's mail goes out and comes in. Replies and forwards are sent from `from_address`
    (with `from_name`) through the service's SMTP server (SERVICEDESK_SMTP_URL); until both are set
    nothing is sent and outbound conversations say `mail.status: "not_sent"`. `inbound_addresses` are
    the addresses whose mail is this organization's. `imap` is the mailbox that `manage.py fetch_mail`
    polls; its `password` is write-only (`password_set` says whether one is stored) and never logged.
    Read keys read.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | MailSettings]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> ApiError | MailSettings | None:
    """Read the mail settings

     How the organization's mail goes out and comes in. Replies and forwards are sent from `from_address`
    (with `from_name`) through the service's SMTP server (SERVICEDESK_SMTP_URL); until both are set
    nothing is sent and outbound conversations say `mail.status: "not_sent"`. `inbound_addresses` are
    the addresses whose mail is this organization's. `imap` is the mailbox that `manage.py fetch_mail`
    polls; its `password` is write-only (`password_set` says whether one is stored) and never logged.
    Read keys read.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | MailSettings
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ApiError | MailSettings]:
    """Read the mail settings

     How the organization's mail goes out and comes in. Replies and forwards are sent from `from_address`
    (with `from_name`) through the service's SMTP server (SERVICEDESK_SMTP_URL); until both are set
    nothing is sent and outbound conversations say `mail.status: "not_sent"`. `inbound_addresses` are
    the addresses whose mail is this organization's. `imap` is the mailbox that `manage.py fetch_mail`
    polls; its `password` is write-only (`password_set` says whether one is stored) and never logged.
    Read keys read.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | MailSettings]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> ApiError | MailSettings | None:
    """Read the mail settings

     How the organization's mail goes out and comes in. Replies and forwards are sent from `from_address`
    (with `from_name`) through the service's SMTP server (SERVICEDESK_SMTP_URL); until both are set
    nothing is sent and outbound conversations say `mail.status: "not_sent"`. `inbound_addresses` are
    the addresses whose mail is this organization's. `imap` is the mailbox that `manage.py fetch_mail`
    polls; its `password` is write-only (`password_set` says whether one is stored) and never logged.
    Read keys read.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | MailSettings
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed

from http import HTTPStatus
from io import BytesIO
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    attachment_id: str,
    *,
    range_: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(range_, Unset):
        headers["Range"] = range_

    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/ux/sd/inci/incident/attachment/{attachment_id}/download/".format(
            attachment_id=quote(str(attachment_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ApiError | File | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 206:
        response_206 = File(payload=BytesIO(response.content))

        return response_206

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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

    if response.status_code == 416:
        response_416 = ApiError.from_dict(response.json())

        return response_416

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
) -> Response[Any | ApiError | File]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    attachment_id: str,
    *,
    client: AuthenticatedClient,
    range_: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | ApiError | File]:
    """Download an attachment

     Streams the bytes (never held whole in memory) as an attachment with a safe file name (RFC 6266,
    `filename*` for non-ASCII names), the detected `Content-Type`, `X-Content-Type-Options: nosniff`,
    `Content-Security-Policy: sandbox`, `Content-Length` and an `ETag` from the SHA-256; `If-None-Match`
    with that ETag answers 304.

    Args:
        attachment_id (str):
        range_ (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ApiError | File]
    """

    kwargs = _get_kwargs(
        attachment_id=attachment_id,
        range_=range_,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    attachment_id: str,
    *,
    client: AuthenticatedClient,
    range_: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | ApiError | File | None:
    """Download an attachment

     Streams the bytes (never held whole in memory) as an attachment with a safe file name (RFC 6266,
    `filename*` for non-ASCII names), the detected `Content-Type`, `X-Content-Type-Options: nosniff`,
    `Content-Security-Policy: sandbox`, `Content-Length` and an `ETag` from the SHA-256; `If-None-Match`
    with that ETag answers 304.

    Args:
        attachment_id (str):
        range_ (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ApiError | File
    """

    return sync_detailed(
        attachment_id=attachment_id,
        client=client,
        range_=range_,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    attachment_id: str,
    *,
    client: AuthenticatedClient,
    range_: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | ApiError | File]:
    """Download an attachment

     Streams the bytes (never held whole in memory) as an attachment with a safe file name (RFC 6266,
    `filename*` for non-ASCII names), the detected `Content-Type`, `X-Content-Type-Options: nosniff`,
    `Content-Security-Policy: sandbox`, `Content-Length` and an `ETag` from the SHA-256; `If-None-Match`
    with that ETag answers 304.

    Args:
        attachment_id (str):
        range_ (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ApiError | File]
    """

    kwargs = _get_kwargs(
        attachment_id=attachment_id,
        range_=range_,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    attachment_id: str,
    *,
    client: AuthenticatedClient,
    range_: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | ApiError | File | None:
    """Download an attachment

     Streams the bytes (never held whole in memory) as an attachment with a safe file name (RFC 6266,
    `filename*` for non-ASCII names), the detected `Content-Type`, `X-Content-Type-Options: nosniff`,
    `Content-Security-Policy: sandbox`, `Content-Length` and an `ETag` from the SHA-256; `If-None-Match`
    with that ETag answers 304.

    Args:
        attachment_id (str):
        range_ (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ApiError | File
    """

    return (
        await asyncio_detailed(
            attachment_id=attachment_id,
            client=client,
            range_=range_,
            if_none_match=if_none_match,
        )
    ).parsed

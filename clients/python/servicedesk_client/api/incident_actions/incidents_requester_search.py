from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.requester_out import RequesterOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 10,
    q: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["q"] = q

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/ux/sd/inci/incident/requester_search/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | list[RequesterOut] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = RequesterOut.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[ApiError | list[RequesterOut]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 10,
    q: str,
) -> Response[ApiError | list[RequesterOut]]:
    """Search requesters

     Requesters of the organization whose name, email or phone contains `q` (literal text), exact and
    prefix matches first; at most `limit` (1..50). The directory is kept from incidents by the job
    `incidents.requester_directory` (every 3 s): a requester first named by a create or an edit appears
    within seconds, not in the same instant.

    Args:
        limit (int | Unset):  Default: 10.
        q (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | list[RequesterOut]]
    """

    kwargs = _get_kwargs(
        limit=limit,
        q=q,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 10,
    q: str,
) -> ApiError | list[RequesterOut] | None:
    """Search requesters

     Requesters of the organization whose name, email or phone contains `q` (literal text), exact and
    prefix matches first; at most `limit` (1..50). The directory is kept from incidents by the job
    `incidents.requester_directory` (every 3 s): a requester first named by a create or an edit appears
    within seconds, not in the same instant.

    Args:
        limit (int | Unset):  Default: 10.
        q (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | list[RequesterOut]
    """

    return sync_detailed(
        client=client,
        limit=limit,
        q=q,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 10,
    q: str,
) -> Response[ApiError | list[RequesterOut]]:
    """Search requesters

     Requesters of the organization whose name, email or phone contains `q` (literal text), exact and
    prefix matches first; at most `limit` (1..50). The directory is kept from incidents by the job
    `incidents.requester_directory` (every 3 s): a requester first named by a create or an edit appears
    within seconds, not in the same instant.

    Args:
        limit (int | Unset):  Default: 10.
        q (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | list[RequesterOut]]
    """

    kwargs = _get_kwargs(
        limit=limit,
        q=q,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 10,
    q: str,
) -> ApiError | list[RequesterOut] | None:
    """Search requesters

     Requesters of the organization whose name, email or phone contains `q` (literal text), exact and
    prefix matches first; at most `limit` (1..50). The directory is kept from incidents by the job
    `incidents.requester_directory` (every 3 s): a requester first named by a create or an edit appears
    within seconds, not in the same instant.

    Args:
        limit (int | Unset):  Default: 10.
        q (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | list[RequesterOut]
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            q=q,
        )
    ).parsed

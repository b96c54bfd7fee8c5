from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.incident import Incident
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    fields: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    params["fields"] = fields

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/ux/sd/inci/incident/{id}/".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ApiError | Incident | None:
    if response.status_code == 200:
        response_200 = Incident.from_dict(response.json())

        return response_200

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
) -> Response[Any | ApiError | Incident]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | ApiError | Incident]:
    """Read an incident

     This endpoint is used to fetch a incident details in the current organization. The `ETag` header
    carries the incident's version, for `If-Match` on edits. `fields=` answers only some top-level
    fields.

    Args:
        id (str):
        fields (str | Unset):  Example: incident_id,display_id,basic_info.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ApiError | Incident]
    """

    kwargs = _get_kwargs(
        id=id,
        fields=fields,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | ApiError | Incident | None:
    """Read an incident

     This endpoint is used to fetch a incident details in the current organization. The `ETag` header
    carries the incident's version, for `If-Match` on edits. `fields=` answers only some top-level
    fields.

    Args:
        id (str):
        fields (str | Unset):  Example: incident_id,display_id,basic_info.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ApiError | Incident
    """

    return sync_detailed(
        id=id,
        client=client,
        fields=fields,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | ApiError | Incident]:
    """Read an incident

     This endpoint is used to fetch a incident details in the current organization. The `ETag` header
    carries the incident's version, for `If-Match` on edits. `fields=` answers only some top-level
    fields.

    Args:
        id (str):
        fields (str | Unset):  Example: incident_id,display_id,basic_info.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ApiError | Incident]
    """

    kwargs = _get_kwargs(
        id=id,
        fields=fields,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | ApiError | Incident | None:
    """Read an incident

     This endpoint is used to fetch a incident details in the current organization. The `ETag` header
    carries the incident's version, for `If-Match` on edits. `fields=` answers only some top-level
    fields.

    Args:
        id (str):
        fields (str | Unset):  Example: incident_id,display_id,basic_info.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ApiError | Incident
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            fields=fields,
            if_none_match=if_none_match,
        )
    ).parsed

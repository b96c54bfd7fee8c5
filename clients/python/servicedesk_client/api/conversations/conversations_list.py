from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.conversation import Conversation
from ...models.conversations_list_direction import ConversationsListDirection
from ...models.conversations_list_kind import ConversationsListKind
from ...models.conversations_list_sort_order import ConversationsListSortOrder
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    direction: ConversationsListDirection | Unset = UNSET,
    incident_id: str | Unset = UNSET,
    items_per_page: int | Unset = 20,
    kind: ConversationsListKind | Unset = UNSET,
    page: int | Unset = 1,
    sort_order: ConversationsListSortOrder | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_direction: str | Unset = UNSET
    if not isinstance(direction, Unset):
        json_direction = direction.value

    params["direction"] = json_direction

    params["incident_id"] = incident_id

    params["items_per_page"] = items_per_page

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    params["page"] = page

    json_sort_order: str | Unset = UNSET
    if not isinstance(sort_order, Unset):
        json_sort_order = sort_order.value

    params["sort_order"] = json_sort_order

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/ux/sd/inci/conversation/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | list[Conversation] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Conversation.from_dict(response_200_item_data)

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
) -> Response[ApiError | list[Conversation]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    direction: ConversationsListDirection | Unset = UNSET,
    incident_id: str | Unset = UNSET,
    items_per_page: int | Unset = 20,
    kind: ConversationsListKind | Unset = UNSET,
    page: int | Unset = 1,
    sort_order: ConversationsListSortOrder | Unset = UNSET,
) -> Response[ApiError | list[Conversation]]:
    """List conversations

     Conversations of the organization, oldest first (a thread reads that way); filter by `incident_id`,
    `kind`, `direction`. Paged like the incident list.

    Args:
        direction (ConversationsListDirection | Unset):
        incident_id (str | Unset):
        items_per_page (int | Unset):  Default: 20.
        kind (ConversationsListKind | Unset):
        page (int | Unset):  Default: 1.
        sort_order (ConversationsListSortOrder | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | list[Conversation]]
    """

    kwargs = _get_kwargs(
        direction=direction,
        incident_id=incident_id,
        items_per_page=items_per_page,
        kind=kind,
        page=page,
        sort_order=sort_order,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    direction: ConversationsListDirection | Unset = UNSET,
    incident_id: str | Unset = UNSET,
    items_per_page: int | Unset = 20,
    kind: ConversationsListKind | Unset = UNSET,
    page: int | Unset = 1,
    sort_order: ConversationsListSortOrder | Unset = UNSET,
) -> ApiError | list[Conversation] | None:
    """List conversations

     Conversations of the organization, oldest first (a thread reads that way); filter by `incident_id`,
    `kind`, `direction`. Paged like the incident list.

    Args:
        direction (ConversationsListDirection | Unset):
        incident_id (str | Unset):
        items_per_page (int | Unset):  Default: 20.
        kind (ConversationsListKind | Unset):
        page (int | Unset):  Default: 1.
        sort_order (ConversationsListSortOrder | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | list[Conversation]
    """

    return sync_detailed(
        client=client,
        direction=direction,
        incident_id=incident_id,
        items_per_page=items_per_page,
        kind=kind,
        page=page,
        sort_order=sort_order,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    direction: ConversationsListDirection | Unset = UNSET,
    incident_id: str | Unset = UNSET,
    items_per_page: int | Unset = 20,
    kind: ConversationsListKind | Unset = UNSET,
    page: int | Unset = 1,
    sort_order: ConversationsListSortOrder | Unset = UNSET,
) -> Response[ApiError | list[Conversation]]:
    """List conversations

     Conversations of the organization, oldest first (a thread reads that way); filter by `incident_id`,
    `kind`, `direction`. Paged like the incident list.

    Args:
        direction (ConversationsListDirection | Unset):
        incident_id (str | Unset):
        items_per_page (int | Unset):  Default: 20.
        kind (ConversationsListKind | Unset):
        page (int | Unset):  Default: 1.
        sort_order (ConversationsListSortOrder | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | list[Conversation]]
    """

    kwargs = _get_kwargs(
        direction=direction,
        incident_id=incident_id,
        items_per_page=items_per_page,
        kind=kind,
        page=page,
        sort_order=sort_order,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    direction: ConversationsListDirection | Unset = UNSET,
    incident_id: str | Unset = UNSET,
    items_per_page: int | Unset = 20,
    kind: ConversationsListKind | Unset = UNSET,
    page: int | Unset = 1,
    sort_order: ConversationsListSortOrder | Unset = UNSET,
) -> ApiError | list[Conversation] | None:
    """List conversations

     Conversations of the organization, oldest first (a thread reads that way); filter by `incident_id`,
    `kind`, `direction`. Paged like the incident list.

    Args:
        direction (ConversationsListDirection | Unset):
        incident_id (str | Unset):
        items_per_page (int | Unset):  Default: 20.
        kind (ConversationsListKind | Unset):
        page (int | Unset):  Default: 1.
        sort_order (ConversationsListSortOrder | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | list[Conversation]
    """

    return (
        await asyncio_detailed(
            client=client,
            direction=direction,
            incident_id=incident_id,
            items_per_page=items_per_page,
            kind=kind,
            page=page,
            sort_order=sort_order,
        )
    ).parsed

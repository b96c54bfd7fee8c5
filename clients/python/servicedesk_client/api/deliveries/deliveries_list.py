from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.deliveries_list_event import DeliveriesListEvent
from ...models.deliveries_list_status import DeliveriesListStatus
from ...models.delivery import Delivery
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    event: DeliveriesListEvent | Unset = UNSET,
    incident_id: str | Unset = UNSET,
    items_per_page: int | Unset = 20,
    page: int | Unset = 1,
    status: DeliveriesListStatus | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_event: str | Unset = UNSET
    if not isinstance(event, Unset):
        json_event = event.value

    params["event"] = json_event

    params["incident_id"] = incident_id

    params["items_per_page"] = items_per_page

    params["page"] = page

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/ux/sd/inci/delivery/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | list[Delivery] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Delivery.from_dict(response_200_item_data)

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
) -> Response[ApiError | list[Delivery]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    event: DeliveriesListEvent | Unset = UNSET,
    incident_id: str | Unset = UNSET,
    items_per_page: int | Unset = 20,
    page: int | Unset = 1,
    status: DeliveriesListStatus | Unset = UNSET,
) -> Response[ApiError | list[Delivery]]:
    """The delivery log

     Every outbound call: status, attempts with their answers, next retry.

    Args:
        event (DeliveriesListEvent | Unset):
        incident_id (str | Unset):
        items_per_page (int | Unset):  Default: 20.
        page (int | Unset):  Default: 1.
        status (DeliveriesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | list[Delivery]]
    """

    kwargs = _get_kwargs(
        event=event,
        incident_id=incident_id,
        items_per_page=items_per_page,
        page=page,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    event: DeliveriesListEvent | Unset = UNSET,
    incident_id: str | Unset = UNSET,
    items_per_page: int | Unset = 20,
    page: int | Unset = 1,
    status: DeliveriesListStatus | Unset = UNSET,
) -> ApiError | list[Delivery] | None:
    """The delivery log

     Every outbound call: status, attempts with their answers, next retry.

    Args:
        event (DeliveriesListEvent | Unset):
        incident_id (str | Unset):
        items_per_page (int | Unset):  Default: 20.
        page (int | Unset):  Default: 1.
        status (DeliveriesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | list[Delivery]
    """

    return sync_detailed(
        client=client,
        event=event,
        incident_id=incident_id,
        items_per_page=items_per_page,
        page=page,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    event: DeliveriesListEvent | Unset = UNSET,
    incident_id: str | Unset = UNSET,
    items_per_page: int | Unset = 20,
    page: int | Unset = 1,
    status: DeliveriesListStatus | Unset = UNSET,
) -> Response[ApiError | list[Delivery]]:
    """The delivery log

     Every outbound call: status, attempts with their answers, next retry.

    Args:
        event (DeliveriesListEvent | Unset):
        incident_id (str | Unset):
        items_per_page (int | Unset):  Default: 20.
        page (int | Unset):  Default: 1.
        status (DeliveriesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | list[Delivery]]
    """

    kwargs = _get_kwargs(
        event=event,
        incident_id=incident_id,
        items_per_page=items_per_page,
        page=page,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    event: DeliveriesListEvent | Unset = UNSET,
    incident_id: str | Unset = UNSET,
    items_per_page: int | Unset = 20,
    page: int | Unset = 1,
    status: DeliveriesListStatus | Unset = UNSET,
) -> ApiError | list[Delivery] | None:
    """The delivery log

     Every outbound call: status, attempts with their answers, next retry.

    Args:
        event (DeliveriesListEvent | Unset):
        incident_id (str | Unset):
        items_per_page (int | Unset):  Default: 20.
        page (int | Unset):  Default: 1.
        status (DeliveriesListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | list[Delivery]
    """

    return (
        await asyncio_detailed(
            client=client,
            event=event,
            incident_id=incident_id,
            items_per_page=items_per_page,
            page=page,
            status=status,
        )
    ).parsed

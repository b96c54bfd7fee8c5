from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.workflow_status_out import WorkflowStatusOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    incident_id: str | Unset = UNSET,
    status_id: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["incident_id"] = incident_id

    params["status_id"] = status_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/ux/sd/inci/incident/workflow_status/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | WorkflowStatusOut | None:
    if response.status_code == 200:
        response_200 = WorkflowStatusOut.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ApiError.from_dict(response.json())

        return response_409

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
) -> Response[ApiError | WorkflowStatusOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    incident_id: str | Unset = UNSET,
    status_id: int | Unset = UNSET,
) -> Response[ApiError | WorkflowStatusOut]:
    """Workflow status

     For one incident (`incident_id`) or one status (`status_id`): the current status and the allowed
    next ones, with the fields each needs. Both: the incident's, if it is still in that status (409
    `status_changed` otherwise). Neither: those of New, the status incidents start in.

    Args:
        incident_id (str | Unset):
        status_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | WorkflowStatusOut]
    """

    kwargs = _get_kwargs(
        incident_id=incident_id,
        status_id=status_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    incident_id: str | Unset = UNSET,
    status_id: int | Unset = UNSET,
) -> ApiError | WorkflowStatusOut | None:
    """Workflow status

     For one incident (`incident_id`) or one status (`status_id`): the current status and the allowed
    next ones, with the fields each needs. Both: the incident's, if it is still in that status (409
    `status_changed` otherwise). Neither: those of New, the status incidents start in.

    Args:
        incident_id (str | Unset):
        status_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | WorkflowStatusOut
    """

    return sync_detailed(
        client=client,
        incident_id=incident_id,
        status_id=status_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    incident_id: str | Unset = UNSET,
    status_id: int | Unset = UNSET,
) -> Response[ApiError | WorkflowStatusOut]:
    """Workflow status

     For one incident (`incident_id`) or one status (`status_id`): the current status and the allowed
    next ones, with the fields each needs. Both: the incident's, if it is still in that status (409
    `status_changed` otherwise). Neither: those of New, the status incidents start in.

    Args:
        incident_id (str | Unset):
        status_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | WorkflowStatusOut]
    """

    kwargs = _get_kwargs(
        incident_id=incident_id,
        status_id=status_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    incident_id: str | Unset = UNSET,
    status_id: int | Unset = UNSET,
) -> ApiError | WorkflowStatusOut | None:
    """Workflow status

     For one incident (`incident_id`) or one status (`status_id`): the current status and the allowed
    next ones, with the fields each needs. Both: the incident's, if it is still in that status (409
    `status_changed` otherwise). Neither: those of New, the status incidents start in.

    Args:
        incident_id (str | Unset):
        status_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | WorkflowStatusOut
    """

    return (
        await asyncio_detailed(
            client=client,
            incident_id=incident_id,
            status_id=status_id,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.incident import Incident
from ...models.patched_incident_update_input_request import PatchedIncidentUpdateInputRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    body: PatchedIncidentUpdateInputRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/ux/sd/inci/incident/{id}/".format(
            id=quote(str(id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ApiError | Incident | None:
    if response.status_code == 200:
        response_200 = Incident.from_dict(response.json())

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

    if response.status_code == 412:
        response_412 = ApiError.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = ApiError.from_dict(response.json())

        return response_413

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ApiError | Incident]:
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
    body: PatchedIncidentUpdateInputRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[ApiError | Incident]:
    """Change part of an incident

     This endpoint is used to edit an existing incident for the current organization. Only fields that
    differ from the stored incident are written, each with a history entry, so concurrent edits of
    different fields both survive. Read-only fields (ids, times, actor ids, `close_info`, `display_id`,
    `basic_info.incident_type`, `source_info`) are ignored. The state follows the status and the
    priority follows impact x urgency (a priority that you change must agree with them). A status change
    obeys the workflow: On Hold needs `config.hold_config.reason`, Resolved needs
    `basic_info.resolution_type` and `closure_note`, Cancelled and reopening need `reason`. The create
    body's flat names (`summary`, `status_id`, `hold_reason`, `assignee`, `requester_email`, ...) are
    taken too, each for the field of the representation it names (`hold_reason` sets
    `config.hold_config.reason`, keeping the rest of `hold_config`); a body giving both forms of one
    field with different values is a 400 (`mismatch`). A field the body does not have is a 400
    (`unknown_field`), one error per field. Errors name fields as the body did: `hold_reason` when it
    used flat names, `config.hold_config.reason` when it used the representation's.

    Args:
        id (str):
        if_match (str | Unset):
        body (PatchedIncidentUpdateInputRequest | Unset): The representation (PUT) or part of it
            (PATCH), plus notes a status change needs.
            The create body's flat names (`summary`, `status_id`, `hold_reason`, `assignee`, ...)
            are taken too, each for the field of the representation it names; giving both forms
            of one field with different values is a 400.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | Incident]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    body: PatchedIncidentUpdateInputRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> ApiError | Incident | None:
    """Change part of an incident

     This endpoint is used to edit an existing incident for the current organization. Only fields that
    differ from the stored incident are written, each with a history entry, so concurrent edits of
    different fields both survive. Read-only fields (ids, times, actor ids, `close_info`, `display_id`,
    `basic_info.incident_type`, `source_info`) are ignored. The state follows the status and the
    priority follows impact x urgency (a priority that you change must agree with them). A status change
    obeys the workflow: On Hold needs `config.hold_config.reason`, Resolved needs
    `basic_info.resolution_type` and `closure_note`, Cancelled and reopening need `reason`. The create
    body's flat names (`summary`, `status_id`, `hold_reason`, `assignee`, `requester_email`, ...) are
    taken too, each for the field of the representation it names (`hold_reason` sets
    `config.hold_config.reason`, keeping the rest of `hold_config`); a body giving both forms of one
    field with different values is a 400 (`mismatch`). A field the body does not have is a 400
    (`unknown_field`), one error per field. Errors name fields as the body did: `hold_reason` when it
    used flat names, `config.hold_config.reason` when it used the representation's.

    Args:
        id (str):
        if_match (str | Unset):
        body (PatchedIncidentUpdateInputRequest | Unset): The representation (PUT) or part of it
            (PATCH), plus notes a status change needs.
            The create body's flat names (`summary`, `status_id`, `hold_reason`, `assignee`, ...)
            are taken too, each for the field of the representation it names; giving both forms
            of one field with different values is a 400.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | Incident
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: PatchedIncidentUpdateInputRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[ApiError | Incident]:
    """Change part of an incident

     This endpoint is used to edit an existing incident for the current organization. Only fields that
    differ from the stored incident are written, each with a history entry, so concurrent edits of
    different fields both survive. Read-only fields (ids, times, actor ids, `close_info`, `display_id`,
    `basic_info.incident_type`, `source_info`) are ignored. The state follows the status and the
    priority follows impact x urgency (a priority that you change must agree with them). A status change
    obeys the workflow: On Hold needs `config.hold_config.reason`, Resolved needs
    `basic_info.resolution_type` and `closure_note`, Cancelled and reopening need `reason`. The create
    body's flat names (`summary`, `status_id`, `hold_reason`, `assignee`, `requester_email`, ...) are
    taken too, each for the field of the representation it names (`hold_reason` sets
    `config.hold_config.reason`, keeping the rest of `hold_config`); a body giving both forms of one
    field with different values is a 400 (`mismatch`). A field the body does not have is a 400
    (`unknown_field`), one error per field. Errors name fields as the body did: `hold_reason` when it
    used flat names, `config.hold_config.reason` when it used the representation's.

    Args:
        id (str):
        if_match (str | Unset):
        body (PatchedIncidentUpdateInputRequest | Unset): The representation (PUT) or part of it
            (PATCH), plus notes a status change needs.
            The create body's flat names (`summary`, `status_id`, `hold_reason`, `assignee`, ...)
            are taken too, each for the field of the representation it names; giving both forms
            of one field with different values is a 400.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | Incident]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    body: PatchedIncidentUpdateInputRequest | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> ApiError | Incident | None:
    """Change part of an incident

     This endpoint is used to edit an existing incident for the current organization. Only fields that
    differ from the stored incident are written, each with a history entry, so concurrent edits of
    different fields both survive. Read-only fields (ids, times, actor ids, `close_info`, `display_id`,
    `basic_info.incident_type`, `source_info`) are ignored. The state follows the status and the
    priority follows impact x urgency (a priority that you change must agree with them). A status change
    obeys the workflow: On Hold needs `config.hold_config.reason`, Resolved needs
    `basic_info.resolution_type` and `closure_note`, Cancelled and reopening need `reason`. The create
    body's flat names (`summary`, `status_id`, `hold_reason`, `assignee`, `requester_email`, ...) are
    taken too, each for the field of the representation it names (`hold_reason` sets
    `config.hold_config.reason`, keeping the rest of `hold_config`); a body giving both forms of one
    field with different values is a 400 (`mismatch`). A field the body does not have is a 400
    (`unknown_field`), one error per field. Errors name fields as the body did: `hold_reason` when it
    used flat names, `config.hold_config.reason` when it used the representation's.

    Args:
        id (str):
        if_match (str | Unset):
        body (PatchedIncidentUpdateInputRequest | Unset): The representation (PUT) or part of it
            (PATCH), plus notes a status change needs.
            The create body's flat names (`summary`, `status_id`, `hold_reason`, `assignee`, ...)
            are taken too, each for the field of the representation it names; giving both forms
            of one field with different values is a 400.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | Incident
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed

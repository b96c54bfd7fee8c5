from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.incident import Incident
from ...models.relation_input_request import RelationInputRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    body: RelationInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/ux/sd/inci/incident/{id}/relations/".format(
            id=quote(str(id), safe=""),
        ),
    }

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
    body: RelationInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ApiError | Incident]:
    """Relate an incident to another (parent, child, related)

     Relate this incident to another: `type` is what the other incident is to this one (`parent`, `child`
    or `related`). The relation shows in `reference[]` on both (a parent on one side is a child on the
    other), each entry with `type`, `incident_id`, `display_id`, `summary` and `status` (the other
    incident's status when the relation was last written; a parent's resolve brings its children's up to
    date). An incident has at most one parent (409 `has_parent`), at most 1,000 children (409
    `too_many_children`) and 100 related incidents (409 `too_many_related`); a relation that would make
    a cycle is 400 `cycle`. Adding a relation that exists changes nothing. Resolving a parent with
    `inci_resolve/` resolves its open children. Answers 200 with this incident.

    Args:
        id (str):
        idempotency_key (str | Unset):
        body (RelationInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | Incident]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    body: RelationInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> ApiError | Incident | None:
    """Relate an incident to another (parent, child, related)

     Relate this incident to another: `type` is what the other incident is to this one (`parent`, `child`
    or `related`). The relation shows in `reference[]` on both (a parent on one side is a child on the
    other), each entry with `type`, `incident_id`, `display_id`, `summary` and `status` (the other
    incident's status when the relation was last written; a parent's resolve brings its children's up to
    date). An incident has at most one parent (409 `has_parent`), at most 1,000 children (409
    `too_many_children`) and 100 related incidents (409 `too_many_related`); a relation that would make
    a cycle is 400 `cycle`. Adding a relation that exists changes nothing. Resolving a parent with
    `inci_resolve/` resolves its open children. Answers 200 with this incident.

    Args:
        id (str):
        idempotency_key (str | Unset):
        body (RelationInputRequest):

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
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: RelationInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ApiError | Incident]:
    """Relate an incident to another (parent, child, related)

     Relate this incident to another: `type` is what the other incident is to this one (`parent`, `child`
    or `related`). The relation shows in `reference[]` on both (a parent on one side is a child on the
    other), each entry with `type`, `incident_id`, `display_id`, `summary` and `status` (the other
    incident's status when the relation was last written; a parent's resolve brings its children's up to
    date). An incident has at most one parent (409 `has_parent`), at most 1,000 children (409
    `too_many_children`) and 100 related incidents (409 `too_many_related`); a relation that would make
    a cycle is 400 `cycle`. Adding a relation that exists changes nothing. Resolving a parent with
    `inci_resolve/` resolves its open children. Answers 200 with this incident.

    Args:
        id (str):
        idempotency_key (str | Unset):
        body (RelationInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | Incident]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    body: RelationInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> ApiError | Incident | None:
    """Relate an incident to another (parent, child, related)

     Relate this incident to another: `type` is what the other incident is to this one (`parent`, `child`
    or `related`). The relation shows in `reference[]` on both (a parent on one side is a child on the
    other), each entry with `type`, `incident_id`, `display_id`, `summary` and `status` (the other
    incident's status when the relation was last written; a parent's resolve brings its children's up to
    date). An incident has at most one parent (409 `has_parent`), at most 1,000 children (409
    `too_many_children`) and 100 related incidents (409 `too_many_related`); a relation that would make
    a cycle is 400 `cycle`. Adding a relation that exists changes nothing. Resolving a parent with
    `inci_resolve/` resolves its open children. Answers 200 with this incident.

    Args:
        id (str):
        idempotency_key (str | Unset):
        body (RelationInputRequest):

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
            idempotency_key=idempotency_key,
        )
    ).parsed

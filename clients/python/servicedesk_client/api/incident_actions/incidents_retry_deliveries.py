from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.retry_input_request import RetryInputRequest
from ...models.retry_results import RetryResults
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: RetryInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/ux/sd/inci/incident/bulk_retry_api/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | RetryResults | None:
    if response.status_code == 200:
        response_200 = RetryResults.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiError | RetryResults]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RetryInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ApiError | RetryResults]:
    """Retry failed outbound API calls

     Queues to be sent again, now, the webhook deliveries not yet delivered (failed, or pending a retry)
    of the given incidents (`incident_ids`), or the given deliveries (`delivery_ids`), at most 100 per
    call (`remaining` tells how many are left). Nothing is sent inside the request: the delivery job
    sends what is queued (several at once, a few per receiver) and the delivery log shows the outcome.
    Each delivery counts once however often it is named. One result per delivery: `ok` and `queued`, its
    `status`, `attempt_count` and `next_attempt_at` (now, or later while its endpoint keeps failing and
    is slowed down). A failed delivery gets one more attempt; none gets more than the configured cap of
    attempts in all (409 `attempts_exhausted`); an already delivered one is 409 `already_delivered`; an
    unknown id is a failed result with status 404.

    Args:
        idempotency_key (str | Unset):
        body (RetryInputRequest): The failed deliveries of `incident_ids`, and `delivery_ids`;
            none: no results.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | RetryResults]
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
    body: RetryInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> ApiError | RetryResults | None:
    """Retry failed outbound API calls

     Queues to be sent again, now, the webhook deliveries not yet delivered (failed, or pending a retry)
    of the given incidents (`incident_ids`), or the given deliveries (`delivery_ids`), at most 100 per
    call (`remaining` tells how many are left). Nothing is sent inside the request: the delivery job
    sends what is queued (several at once, a few per receiver) and the delivery log shows the outcome.
    Each delivery counts once however often it is named. One result per delivery: `ok` and `queued`, its
    `status`, `attempt_count` and `next_attempt_at` (now, or later while its endpoint keeps failing and
    is slowed down). A failed delivery gets one more attempt; none gets more than the configured cap of
    attempts in all (409 `attempts_exhausted`); an already delivered one is 409 `already_delivered`; an
    unknown id is a failed result with status 404.

    Args:
        idempotency_key (str | Unset):
        body (RetryInputRequest): The failed deliveries of `incident_ids`, and `delivery_ids`;
            none: no results.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | RetryResults
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RetryInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ApiError | RetryResults]:
    """Retry failed outbound API calls

     Queues to be sent again, now, the webhook deliveries not yet delivered (failed, or pending a retry)
    of the given incidents (`incident_ids`), or the given deliveries (`delivery_ids`), at most 100 per
    call (`remaining` tells how many are left). Nothing is sent inside the request: the delivery job
    sends what is queued (several at once, a few per receiver) and the delivery log shows the outcome.
    Each delivery counts once however often it is named. One result per delivery: `ok` and `queued`, its
    `status`, `attempt_count` and `next_attempt_at` (now, or later while its endpoint keeps failing and
    is slowed down). A failed delivery gets one more attempt; none gets more than the configured cap of
    attempts in all (409 `attempts_exhausted`); an already delivered one is 409 `already_delivered`; an
    unknown id is a failed result with status 404.

    Args:
        idempotency_key (str | Unset):
        body (RetryInputRequest): The failed deliveries of `incident_ids`, and `delivery_ids`;
            none: no results.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | RetryResults]
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
    body: RetryInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> ApiError | RetryResults | None:
    """Retry failed outbound API calls

     Queues to be sent again, now, the webhook deliveries not yet delivered (failed, or pending a retry)
    of the given incidents (`incident_ids`), or the given deliveries (`delivery_ids`), at most 100 per
    call (`remaining` tells how many are left). Nothing is sent inside the request: the delivery job
    sends what is queued (several at once, a few per receiver) and the delivery log shows the outcome.
    Each delivery counts once however often it is named. One result per delivery: `ok` and `queued`, its
    `status`, `attempt_count` and `next_attempt_at` (now, or later while its endpoint keeps failing and
    is slowed down). A failed delivery gets one more attempt; none gets more than the configured cap of
    attempts in all (409 `attempts_exhausted`); an already delivered one is 409 `already_delivered`; an
    unknown id is a failed result with status 404.

    Args:
        idempotency_key (str | Unset):
        body (RetryInputRequest): The failed deliveries of `incident_ids`, and `delivery_ids`;
            none: no results.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | RetryResults
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed

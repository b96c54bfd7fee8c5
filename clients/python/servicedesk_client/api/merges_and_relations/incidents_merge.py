from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.merge_input_request import MergeInputRequest
from ...models.merge_out import MergeOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: MergeInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/ux/sd/inci/incident/merge/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ApiError | MergeOut | None:
    if response.status_code == 200:
        response_200 = MergeOut.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ApiError | MergeOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: MergeInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ApiError | MergeOut]:
    """Merge duplicate incidents into one

     Fold duplicate incidents (`sources`, ids or display ids, at most 100) into one (`target`). Answered
    like the bulk actions: 200 with one result per source, in the order given; one refused source spoils
    none of the others.

    Each merged source is closed (status Closed) with resolution `Duplicate`, its
    `close_info.merged_into` naming the target, and its conversations and attachments move to the
    target, each marked with `merged_from` (the incident it came from). The target gets
    `is_merge_incident: true`, a `reference[]` entry per source (`type` `merged`), the sources'
    requesters as watchers (up to 100 watchers), a history entry per source and a public reply recording
    the merge (addressed to its requester). Events: `incident.merged` (target), `incident.closed` (each
    source).

    Refused per source: the target itself (400 `same_as_target`), a source named twice (400
    `duplicate`), a closed or cancelled source (409 `source_closed`), one in the trash (409
    `source_deleted`), one already merged or being merged by another call (409 `already_merged`), an
    unknown or another organization's incident (404). A target that is unknown is 404; Closed, Cancelled
    or in the trash refuses the whole call (409 `target_closed`, `target_deleted`).

    Safe to retry: the same call (same target and sources) resumes a merge that was interrupted, and
    answers a finished one's results again; concurrent merges of overlapping sets merge each source
    exactly once.

    **Merged, one refused** (answer):

    ```json
    {
      "target": {
        "incident_id": "665f1c2ab9e1d4a0c3f2a001",
        "display_id": "INCI-40",
        "is_merge_incident": true,
        "reference": [
          {
            "type": "merged",
            "incident_id": "665f1c2ab9e1d4a0c3f2a003",
            "display_id": "INCI-41",
            "summary": "VPN down"
          }
        ]
      },
      "results": [
        {
          "incident_id": "INCI-41",
          "ok": true,
          "incident": {
            "incident_id": "665f1c2ab9e1d4a0c3f2a003",
            "display_id": "INCI-41",
            "close_info": {
              "resolution_type": "Duplicate",
              "merged_into": {
                "incident_id": "665f1c2ab9e1d4a0c3f2a001",
                "display_id": "INCI-40"
              }
            }
          }
        },
        {
          "incident_id": "665f1c2ab9e1d4a0c3f2a002",
          "ok": false,
          "error": {
            "status": 409,
            "code": "source_closed",
            "detail": "This incident is Closed: it cannot be merged.",
            "attr": "sources.1"
          }
        }
      ]
    }
    ```

    Args:
        idempotency_key (str | Unset):
        body (MergeInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | MergeOut]
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
    body: MergeInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> ApiError | MergeOut | None:
    """Merge duplicate incidents into one

     Fold duplicate incidents (`sources`, ids or display ids, at most 100) into one (`target`). Answered
    like the bulk actions: 200 with one result per source, in the order given; one refused source spoils
    none of the others.

    Each merged source is closed (status Closed) with resolution `Duplicate`, its
    `close_info.merged_into` naming the target, and its conversations and attachments move to the
    target, each marked with `merged_from` (the incident it came from). The target gets
    `is_merge_incident: true`, a `reference[]` entry per source (`type` `merged`), the sources'
    requesters as watchers (up to 100 watchers), a history entry per source and a public reply recording
    the merge (addressed to its requester). Events: `incident.merged` (target), `incident.closed` (each
    source).

    Refused per source: the target itself (400 `same_as_target`), a source named twice (400
    `duplicate`), a closed or cancelled source (409 `source_closed`), one in the trash (409
    `source_deleted`), one already merged or being merged by another call (409 `already_merged`), an
    unknown or another organization's incident (404). A target that is unknown is 404; Closed, Cancelled
    or in the trash refuses the whole call (409 `target_closed`, `target_deleted`).

    Safe to retry: the same call (same target and sources) resumes a merge that was interrupted, and
    answers a finished one's results again; concurrent merges of overlapping sets merge each source
    exactly once.

    **Merged, one refused** (answer):

    ```json
    {
      "target": {
        "incident_id": "665f1c2ab9e1d4a0c3f2a001",
        "display_id": "INCI-40",
        "is_merge_incident": true,
        "reference": [
          {
            "type": "merged",
            "incident_id": "665f1c2ab9e1d4a0c3f2a003",
            "display_id": "INCI-41",
            "summary": "VPN down"
          }
        ]
      },
      "results": [
        {
          "incident_id": "INCI-41",
          "ok": true,
          "incident": {
            "incident_id": "665f1c2ab9e1d4a0c3f2a003",
            "display_id": "INCI-41",
            "close_info": {
              "resolution_type": "Duplicate",
              "merged_into": {
                "incident_id": "665f1c2ab9e1d4a0c3f2a001",
                "display_id": "INCI-40"
              }
            }
          }
        },
        {
          "incident_id": "665f1c2ab9e1d4a0c3f2a002",
          "ok": false,
          "error": {
            "status": 409,
            "code": "source_closed",
            "detail": "This incident is Closed: it cannot be merged.",
            "attr": "sources.1"
          }
        }
      ]
    }
    ```

    Args:
        idempotency_key (str | Unset):
        body (MergeInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | MergeOut
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: MergeInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ApiError | MergeOut]:
    """Merge duplicate incidents into one

     Fold duplicate incidents (`sources`, ids or display ids, at most 100) into one (`target`). Answered
    like the bulk actions: 200 with one result per source, in the order given; one refused source spoils
    none of the others.

    Each merged source is closed (status Closed) with resolution `Duplicate`, its
    `close_info.merged_into` naming the target, and its conversations and attachments move to the
    target, each marked with `merged_from` (the incident it came from). The target gets
    `is_merge_incident: true`, a `reference[]` entry per source (`type` `merged`), the sources'
    requesters as watchers (up to 100 watchers), a history entry per source and a public reply recording
    the merge (addressed to its requester). Events: `incident.merged` (target), `incident.closed` (each
    source).

    Refused per source: the target itself (400 `same_as_target`), a source named twice (400
    `duplicate`), a closed or cancelled source (409 `source_closed`), one in the trash (409
    `source_deleted`), one already merged or being merged by another call (409 `already_merged`), an
    unknown or another organization's incident (404). A target that is unknown is 404; Closed, Cancelled
    or in the trash refuses the whole call (409 `target_closed`, `target_deleted`).

    Safe to retry: the same call (same target and sources) resumes a merge that was interrupted, and
    answers a finished one's results again; concurrent merges of overlapping sets merge each source
    exactly once.

    **Merged, one refused** (answer):

    ```json
    {
      "target": {
        "incident_id": "665f1c2ab9e1d4a0c3f2a001",
        "display_id": "INCI-40",
        "is_merge_incident": true,
        "reference": [
          {
            "type": "merged",
            "incident_id": "665f1c2ab9e1d4a0c3f2a003",
            "display_id": "INCI-41",
            "summary": "VPN down"
          }
        ]
      },
      "results": [
        {
          "incident_id": "INCI-41",
          "ok": true,
          "incident": {
            "incident_id": "665f1c2ab9e1d4a0c3f2a003",
            "display_id": "INCI-41",
            "close_info": {
              "resolution_type": "Duplicate",
              "merged_into": {
                "incident_id": "665f1c2ab9e1d4a0c3f2a001",
                "display_id": "INCI-40"
              }
            }
          }
        },
        {
          "incident_id": "665f1c2ab9e1d4a0c3f2a002",
          "ok": false,
          "error": {
            "status": 409,
            "code": "source_closed",
            "detail": "This incident is Closed: it cannot be merged.",
            "attr": "sources.1"
          }
        }
      ]
    }
    ```

    Args:
        idempotency_key (str | Unset):
        body (MergeInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | MergeOut]
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
    body: MergeInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> ApiError | MergeOut | None:
    """Merge duplicate incidents into one

     Fold duplicate incidents (`sources`, ids or display ids, at most 100) into one (`target`). Answered
    like the bulk actions: 200 with one result per source, in the order given; one refused source spoils
    none of the others.

    Each merged source is closed (status Closed) with resolution `Duplicate`, its
    `close_info.merged_into` naming the target, and its conversations and attachments move to the
    target, each marked with `merged_from` (the incident it came from). The target gets
    `is_merge_incident: true`, a `reference[]` entry per source (`type` `merged`), the sources'
    requesters as watchers (up to 100 watchers), a history entry per source and a public reply recording
    the merge (addressed to its requester). Events: `incident.merged` (target), `incident.closed` (each
    source).

    Refused per source: the target itself (400 `same_as_target`), a source named twice (400
    `duplicate`), a closed or cancelled source (409 `source_closed`), one in the trash (409
    `source_deleted`), one already merged or being merged by another call (409 `already_merged`), an
    unknown or another organization's incident (404). A target that is unknown is 404; Closed, Cancelled
    or in the trash refuses the whole call (409 `target_closed`, `target_deleted`).

    Safe to retry: the same call (same target and sources) resumes a merge that was interrupted, and
    answers a finished one's results again; concurrent merges of overlapping sets merge each source
    exactly once.

    **Merged, one refused** (answer):

    ```json
    {
      "target": {
        "incident_id": "665f1c2ab9e1d4a0c3f2a001",
        "display_id": "INCI-40",
        "is_merge_incident": true,
        "reference": [
          {
            "type": "merged",
            "incident_id": "665f1c2ab9e1d4a0c3f2a003",
            "display_id": "INCI-41",
            "summary": "VPN down"
          }
        ]
      },
      "results": [
        {
          "incident_id": "INCI-41",
          "ok": true,
          "incident": {
            "incident_id": "665f1c2ab9e1d4a0c3f2a003",
            "display_id": "INCI-41",
            "close_info": {
              "resolution_type": "Duplicate",
              "merged_into": {
                "incident_id": "665f1c2ab9e1d4a0c3f2a001",
                "display_id": "INCI-40"
              }
            }
          }
        },
        {
          "incident_id": "665f1c2ab9e1d4a0c3f2a002",
          "ok": false,
          "error": {
            "status": 409,
            "code": "source_closed",
            "detail": "This incident is Closed: it cannot be merged.",
            "attr": "sources.1"
          }
        }
      ]
    }
    ```

    Args:
        idempotency_key (str | Unset):
        body (MergeInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | MergeOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed

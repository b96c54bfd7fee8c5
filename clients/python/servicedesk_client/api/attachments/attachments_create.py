from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.attachment import Attachment
from ...models.json_upload_request import JsonUploadRequest
from ...models.multipart_upload_request import MultipartUploadRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: MultipartUploadRequest | JsonUploadRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/ux/sd/inci/incident/add-attachment/",
    }

    if isinstance(body, MultipartUploadRequest):
        _kwargs["files"] = body.to_multipart()

        headers["Content-Type"] = "multipart/form-data; boundary=+++"
    if isinstance(body, JsonUploadRequest):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | list[Attachment] | None:
    if response.status_code == 201:
        response_201 = []
        _response_201 = response.json()
        for response_201_item_data in _response_201:
            response_201_item = Attachment.from_dict(response_201_item_data)

            response_201.append(response_201_item)

        return response_201

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
) -> Response[ApiError | list[Attachment]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: MultipartUploadRequest | JsonUploadRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[ApiError | list[Attachment]]:
    """Add attachments

     This endpoint is used to add new attachments to an incident, or to one of its conversations
    (`conversation_id`). Send multipart form data (`incident_id`, optional `conversation_id`, one or
    more `file` parts) or JSON with base64 content. The content type is detected from the bytes, not
    taken from the client. All files of a request are stored or none are. Limits (configurable): 25 MiB
    per file, 10 files and 50 MiB per request; over a limit the answer is 413 with code
    `file_too_large`, `too_many_files` or `upload_too_large`, and nothing is stored. Base64 JSON bodies
    are capped at 10 MiB (413 `payload_too_large`).

    Args:
        idempotency_key (str | Unset):
        body (MultipartUploadRequest): `incident_id`, optional `conversation_id`, and one or more
            `file` parts.
        body (JsonUploadRequest): `{incident_id, conversation_id?, files: [{file_name,
            content_base64, content_type?}]}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | list[Attachment]]
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
    body: MultipartUploadRequest | JsonUploadRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> ApiError | list[Attachment] | None:
    """Add attachments

     This endpoint is used to add new attachments to an incident, or to one of its conversations
    (`conversation_id`). Send multipart form data (`incident_id`, optional `conversation_id`, one or
    more `file` parts) or JSON with base64 content. The content type is detected from the bytes, not
    taken from the client. All files of a request are stored or none are. Limits (configurable): 25 MiB
    per file, 10 files and 50 MiB per request; over a limit the answer is 413 with code
    `file_too_large`, `too_many_files` or `upload_too_large`, and nothing is stored. Base64 JSON bodies
    are capped at 10 MiB (413 `payload_too_large`).

    Args:
        idempotency_key (str | Unset):
        body (MultipartUploadRequest): `incident_id`, optional `conversation_id`, and one or more
            `file` parts.
        body (JsonUploadRequest): `{incident_id, conversation_id?, files: [{file_name,
            content_base64, content_type?}]}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | list[Attachment]
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: MultipartUploadRequest | JsonUploadRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[ApiError | list[Attachment]]:
    """Add attachments

     This endpoint is used to add new attachments to an incident, or to one of its conversations
    (`conversation_id`). Send multipart form data (`incident_id`, optional `conversation_id`, one or
    more `file` parts) or JSON with base64 content. The content type is detected from the bytes, not
    taken from the client. All files of a request are stored or none are. Limits (configurable): 25 MiB
    per file, 10 files and 50 MiB per request; over a limit the answer is 413 with code
    `file_too_large`, `too_many_files` or `upload_too_large`, and nothing is stored. Base64 JSON bodies
    are capped at 10 MiB (413 `payload_too_large`).

    Args:
        idempotency_key (str | Unset):
        body (MultipartUploadRequest): `incident_id`, optional `conversation_id`, and one or more
            `file` parts.
        body (JsonUploadRequest): `{incident_id, conversation_id?, files: [{file_name,
            content_base64, content_type?}]}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | list[Attachment]]
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
    body: MultipartUploadRequest | JsonUploadRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> ApiError | list[Attachment] | None:
    """Add attachments

     This endpoint is used to add new attachments to an incident, or to one of its conversations
    (`conversation_id`). Send multipart form data (`incident_id`, optional `conversation_id`, one or
    more `file` parts) or JSON with base64 content. The content type is detected from the bytes, not
    taken from the client. All files of a request are stored or none are. Limits (configurable): 25 MiB
    per file, 10 files and 50 MiB per request; over a limit the answer is 413 with code
    `file_too_large`, `too_many_files` or `upload_too_large`, and nothing is stored. Base64 JSON bodies
    are capped at 10 MiB (413 `payload_too_large`).

    Args:
        idempotency_key (str | Unset):
        body (MultipartUploadRequest): `incident_id`, optional `conversation_id`, and one or more
            `file` parts.
        body (JsonUploadRequest): `{incident_id, conversation_id?, files: [{file_name,
            content_base64, content_type?}]}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | list[Attachment]
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed

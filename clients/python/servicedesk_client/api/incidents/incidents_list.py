import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.incident import Incident
from ...models.incidents_list_sort_order import IncidentsListSortOrder
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    assignee: str | Unset = UNSET,
    assignee_id: str | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    cursor: str | Unset = UNSET,
    deleted: bool | Unset = UNSET,
    fields: str | Unset = UNSET,
    has_children: bool | Unset = UNSET,
    impact_id: str | Unset = UNSET,
    is_archive: bool | Unset = UNSET,
    items_per_page: int | Unset = 20,
    page: int | Unset = 1,
    parent: str | Unset = UNSET,
    priority_id: str | Unset = UNSET,
    q: str | Unset = UNSET,
    requester_email: str | Unset = UNSET,
    sla_breached: bool | Unset = UNSET,
    sla_due_before: datetime.datetime | Unset = UNSET,
    sort_key: str | Unset = UNSET,
    sort_order: IncidentsListSortOrder | Unset = UNSET,
    state_id: str | Unset = UNSET,
    status_id: str | Unset = UNSET,
    support_group: str | Unset = UNSET,
    support_group_id: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    unassigned: bool | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    updated_before: datetime.datetime | Unset = UNSET,
    urgency_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["assignee"] = assignee

    params["assignee_id"] = assignee_id

    json_created_after: str | Unset = UNSET
    if not isinstance(created_after, Unset):
        json_created_after = created_after.isoformat()
    params["created_after"] = json_created_after

    json_created_before: str | Unset = UNSET
    if not isinstance(created_before, Unset):
        json_created_before = created_before.isoformat()
    params["created_before"] = json_created_before

    params["cursor"] = cursor

    params["deleted"] = deleted

    params["fields"] = fields

    params["has_children"] = has_children

    params["impact_id"] = impact_id

    params["is_archive"] = is_archive

    params["items_per_page"] = items_per_page

    params["page"] = page

    params["parent"] = parent

    params["priority_id"] = priority_id

    params["q"] = q

    params["requester_email"] = requester_email

    params["sla_breached"] = sla_breached

    json_sla_due_before: str | Unset = UNSET
    if not isinstance(sla_due_before, Unset):
        json_sla_due_before = sla_due_before.isoformat()
    params["sla_due_before"] = json_sla_due_before

    params["sort_key"] = sort_key

    json_sort_order: str | Unset = UNSET
    if not isinstance(sort_order, Unset):
        json_sort_order = sort_order.value

    params["sort_order"] = json_sort_order

    params["state_id"] = state_id

    params["status_id"] = status_id

    params["support_group"] = support_group

    params["support_group_id"] = support_group_id

    params["tag"] = tag

    params["unassigned"] = unassigned

    json_updated_after: str | Unset = UNSET
    if not isinstance(updated_after, Unset):
        json_updated_after = updated_after.isoformat()
    params["updated_after"] = json_updated_after

    json_updated_before: str | Unset = UNSET
    if not isinstance(updated_before, Unset):
        json_updated_before = updated_before.isoformat()
    params["updated_before"] = json_updated_before

    params["urgency_id"] = urgency_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/ux/sd/inci/incident/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | list[Incident] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Incident.from_dict(response_200_item_data)

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
) -> Response[ApiError | list[Incident]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    assignee: str | Unset = UNSET,
    assignee_id: str | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    cursor: str | Unset = UNSET,
    deleted: bool | Unset = UNSET,
    fields: str | Unset = UNSET,
    has_children: bool | Unset = UNSET,
    impact_id: str | Unset = UNSET,
    is_archive: bool | Unset = UNSET,
    items_per_page: int | Unset = 20,
    page: int | Unset = 1,
    parent: str | Unset = UNSET,
    priority_id: str | Unset = UNSET,
    q: str | Unset = UNSET,
    requester_email: str | Unset = UNSET,
    sla_breached: bool | Unset = UNSET,
    sla_due_before: datetime.datetime | Unset = UNSET,
    sort_key: str | Unset = UNSET,
    sort_order: IncidentsListSortOrder | Unset = UNSET,
    state_id: str | Unset = UNSET,
    status_id: str | Unset = UNSET,
    support_group: str | Unset = UNSET,
    support_group_id: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    unassigned: bool | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    updated_before: datetime.datetime | Unset = UNSET,
    urgency_id: str | Unset = UNSET,
) -> Response[ApiError | list[Incident]]:
    """List incidents

     This endpoint is used to fetch all the incidents in the current organization. The body is a JSON
    array, newest first unless `sort_key`/`sort_order` say otherwise; the total is in `X-Total-Count`
    and the neighbour pages in `Link`. Deep lists page faster by `cursor` (empty to start, then `Link:
    rel="next"`). `q` is literal text searched in summary, description and display id. Deleted incidents
    are listed only with `deleted=true` (admin keys). Several sort keys:
    `sort_key=-priority_id,creation_time`; several values of an id filter: `status_id=1,2,3` (any of
    them); `fields=` answers only some top-level fields of each incident.

    Args:
        assignee (str | Unset):
        assignee_id (str | Unset):  Example: 66d3f0c2a4b1e2d3c4b5a697.
        created_after (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        cursor (str | Unset):
        deleted (bool | Unset):
        fields (str | Unset):  Example: incident_id,display_id,basic_info.
        has_children (bool | Unset):
        impact_id (str | Unset):  Example: 1,2.
        is_archive (bool | Unset):
        items_per_page (int | Unset):  Default: 20.
        page (int | Unset):  Default: 1.
        parent (str | Unset):
        priority_id (str | Unset):  Example: 1,2.
        q (str | Unset):
        requester_email (str | Unset):
        sla_breached (bool | Unset):
        sla_due_before (datetime.datetime | Unset):
        sort_key (str | Unset):  Example: -priority_id,creation_time.
        sort_order (IncidentsListSortOrder | Unset):
        state_id (str | Unset):  Example: 1,2.
        status_id (str | Unset):  Example: 1,2.
        support_group (str | Unset):
        support_group_id (str | Unset):  Example: 66d3f0c2a4b1e2d3c4b5a697.
        tag (str | Unset):
        unassigned (bool | Unset):
        updated_after (datetime.datetime | Unset):
        updated_before (datetime.datetime | Unset):
        urgency_id (str | Unset):  Example: 1,2.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | list[Incident]]
    """

    kwargs = _get_kwargs(
        assignee=assignee,
        assignee_id=assignee_id,
        created_after=created_after,
        created_before=created_before,
        cursor=cursor,
        deleted=deleted,
        fields=fields,
        has_children=has_children,
        impact_id=impact_id,
        is_archive=is_archive,
        items_per_page=items_per_page,
        page=page,
        parent=parent,
        priority_id=priority_id,
        q=q,
        requester_email=requester_email,
        sla_breached=sla_breached,
        sla_due_before=sla_due_before,
        sort_key=sort_key,
        sort_order=sort_order,
        state_id=state_id,
        status_id=status_id,
        support_group=support_group,
        support_group_id=support_group_id,
        tag=tag,
        unassigned=unassigned,
        updated_after=updated_after,
        updated_before=updated_before,
        urgency_id=urgency_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    assignee: str | Unset = UNSET,
    assignee_id: str | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    cursor: str | Unset = UNSET,
    deleted: bool | Unset = UNSET,
    fields: str | Unset = UNSET,
    has_children: bool | Unset = UNSET,
    impact_id: str | Unset = UNSET,
    is_archive: bool | Unset = UNSET,
    items_per_page: int | Unset = 20,
    page: int | Unset = 1,
    parent: str | Unset = UNSET,
    priority_id: str | Unset = UNSET,
    q: str | Unset = UNSET,
    requester_email: str | Unset = UNSET,
    sla_breached: bool | Unset = UNSET,
    sla_due_before: datetime.datetime | Unset = UNSET,
    sort_key: str | Unset = UNSET,
    sort_order: IncidentsListSortOrder | Unset = UNSET,
    state_id: str | Unset = UNSET,
    status_id: str | Unset = UNSET,
    support_group: str | Unset = UNSET,
    support_group_id: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    unassigned: bool | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    updated_before: datetime.datetime | Unset = UNSET,
    urgency_id: str | Unset = UNSET,
) -> ApiError | list[Incident] | None:
    """List incidents

     This endpoint is used to fetch all the incidents in the current organization. The body is a JSON
    array, newest first unless `sort_key`/`sort_order` say otherwise; the total is in `X-Total-Count`
    and the neighbour pages in `Link`. Deep lists page faster by `cursor` (empty to start, then `Link:
    rel="next"`). `q` is literal text searched in summary, description and display id. Deleted incidents
    are listed only with `deleted=true` (admin keys). Several sort keys:
    `sort_key=-priority_id,creation_time`; several values of an id filter: `status_id=1,2,3` (any of
    them); `fields=` answers only some top-level fields of each incident.

    Args:
        assignee (str | Unset):
        assignee_id (str | Unset):  Example: 66d3f0c2a4b1e2d3c4b5a697.
        created_after (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        cursor (str | Unset):
        deleted (bool | Unset):
        fields (str | Unset):  Example: incident_id,display_id,basic_info.
        has_children (bool | Unset):
        impact_id (str | Unset):  Example: 1,2.
        is_archive (bool | Unset):
        items_per_page (int | Unset):  Default: 20.
        page (int | Unset):  Default: 1.
        parent (str | Unset):
        priority_id (str | Unset):  Example: 1,2.
        q (str | Unset):
        requester_email (str | Unset):
        sla_breached (bool | Unset):
        sla_due_before (datetime.datetime | Unset):
        sort_key (str | Unset):  Example: -priority_id,creation_time.
        sort_order (IncidentsListSortOrder | Unset):
        state_id (str | Unset):  Example: 1,2.
        status_id (str | Unset):  Example: 1,2.
        support_group (str | Unset):
        support_group_id (str | Unset):  Example: 66d3f0c2a4b1e2d3c4b5a697.
        tag (str | Unset):
        unassigned (bool | Unset):
        updated_after (datetime.datetime | Unset):
        updated_before (datetime.datetime | Unset):
        urgency_id (str | Unset):  Example: 1,2.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | list[Incident]
    """

    return sync_detailed(
        client=client,
        assignee=assignee,
        assignee_id=assignee_id,
        created_after=created_after,
        created_before=created_before,
        cursor=cursor,
        deleted=deleted,
        fields=fields,
        has_children=has_children,
        impact_id=impact_id,
        is_archive=is_archive,
        items_per_page=items_per_page,
        page=page,
        parent=parent,
        priority_id=priority_id,
        q=q,
        requester_email=requester_email,
        sla_breached=sla_breached,
        sla_due_before=sla_due_before,
        sort_key=sort_key,
        sort_order=sort_order,
        state_id=state_id,
        status_id=status_id,
        support_group=support_group,
        support_group_id=support_group_id,
        tag=tag,
        unassigned=unassigned,
        updated_after=updated_after,
        updated_before=updated_before,
        urgency_id=urgency_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    assignee: str | Unset = UNSET,
    assignee_id: str | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    cursor: str | Unset = UNSET,
    deleted: bool | Unset = UNSET,
    fields: str | Unset = UNSET,
    has_children: bool | Unset = UNSET,
    impact_id: str | Unset = UNSET,
    is_archive: bool | Unset = UNSET,
    items_per_page: int | Unset = 20,
    page: int | Unset = 1,
    parent: str | Unset = UNSET,
    priority_id: str | Unset = UNSET,
    q: str | Unset = UNSET,
    requester_email: str | Unset = UNSET,
    sla_breached: bool | Unset = UNSET,
    sla_due_before: datetime.datetime | Unset = UNSET,
    sort_key: str | Unset = UNSET,
    sort_order: IncidentsListSortOrder | Unset = UNSET,
    state_id: str | Unset = UNSET,
    status_id: str | Unset = UNSET,
    support_group: str | Unset = UNSET,
    support_group_id: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    unassigned: bool | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    updated_before: datetime.datetime | Unset = UNSET,
    urgency_id: str | Unset = UNSET,
) -> Response[ApiError | list[Incident]]:
    """List incidents

     This endpoint is used to fetch all the incidents in the current organization. The body is a JSON
    array, newest first unless `sort_key`/`sort_order` say otherwise; the total is in `X-Total-Count`
    and the neighbour pages in `Link`. Deep lists page faster by `cursor` (empty to start, then `Link:
    rel="next"`). `q` is literal text searched in summary, description and display id. Deleted incidents
    are listed only with `deleted=true` (admin keys). Several sort keys:
    `sort_key=-priority_id,creation_time`; several values of an id filter: `status_id=1,2,3` (any of
    them); `fields=` answers only some top-level fields of each incident.

    Args:
        assignee (str | Unset):
        assignee_id (str | Unset):  Example: 66d3f0c2a4b1e2d3c4b5a697.
        created_after (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        cursor (str | Unset):
        deleted (bool | Unset):
        fields (str | Unset):  Example: incident_id,display_id,basic_info.
        has_children (bool | Unset):
        impact_id (str | Unset):  Example: 1,2.
        is_archive (bool | Unset):
        items_per_page (int | Unset):  Default: 20.
        page (int | Unset):  Default: 1.
        parent (str | Unset):
        priority_id (str | Unset):  Example: 1,2.
        q (str | Unset):
        requester_email (str | Unset):
        sla_breached (bool | Unset):
        sla_due_before (datetime.datetime | Unset):
        sort_key (str | Unset):  Example: -priority_id,creation_time.
        sort_order (IncidentsListSortOrder | Unset):
        state_id (str | Unset):  Example: 1,2.
        status_id (str | Unset):  Example: 1,2.
        support_group (str | Unset):
        support_group_id (str | Unset):  Example: 66d3f0c2a4b1e2d3c4b5a697.
        tag (str | Unset):
        unassigned (bool | Unset):
        updated_after (datetime.datetime | Unset):
        updated_before (datetime.datetime | Unset):
        urgency_id (str | Unset):  Example: 1,2.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | list[Incident]]
    """

    kwargs = _get_kwargs(
        assignee=assignee,
        assignee_id=assignee_id,
        created_after=created_after,
        created_before=created_before,
        cursor=cursor,
        deleted=deleted,
        fields=fields,
        has_children=has_children,
        impact_id=impact_id,
        is_archive=is_archive,
        items_per_page=items_per_page,
        page=page,
        parent=parent,
        priority_id=priority_id,
        q=q,
        requester_email=requester_email,
        sla_breached=sla_breached,
        sla_due_before=sla_due_before,
        sort_key=sort_key,
        sort_order=sort_order,
        state_id=state_id,
        status_id=status_id,
        support_group=support_group,
        support_group_id=support_group_id,
        tag=tag,
        unassigned=unassigned,
        updated_after=updated_after,
        updated_before=updated_before,
        urgency_id=urgency_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    assignee: str | Unset = UNSET,
    assignee_id: str | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    cursor: str | Unset = UNSET,
    deleted: bool | Unset = UNSET,
    fields: str | Unset = UNSET,
    has_children: bool | Unset = UNSET,
    impact_id: str | Unset = UNSET,
    is_archive: bool | Unset = UNSET,
    items_per_page: int | Unset = 20,
    page: int | Unset = 1,
    parent: str | Unset = UNSET,
    priority_id: str | Unset = UNSET,
    q: str | Unset = UNSET,
    requester_email: str | Unset = UNSET,
    sla_breached: bool | Unset = UNSET,
    sla_due_before: datetime.datetime | Unset = UNSET,
    sort_key: str | Unset = UNSET,
    sort_order: IncidentsListSortOrder | Unset = UNSET,
    state_id: str | Unset = UNSET,
    status_id: str | Unset = UNSET,
    support_group: str | Unset = UNSET,
    support_group_id: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    unassigned: bool | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    updated_before: datetime.datetime | Unset = UNSET,
    urgency_id: str | Unset = UNSET,
) -> ApiError | list[Incident] | None:
    """List incidents

     This endpoint is used to fetch all the incidents in the current organization. The body is a JSON
    array, newest first unless `sort_key`/`sort_order` say otherwise; the total is in `X-Total-Count`
    and the neighbour pages in `Link`. Deep lists page faster by `cursor` (empty to start, then `Link:
    rel="next"`). `q` is literal text searched in summary, description and display id. Deleted incidents
    are listed only with `deleted=true` (admin keys). Several sort keys:
    `sort_key=-priority_id,creation_time`; several values of an id filter: `status_id=1,2,3` (any of
    them); `fields=` answers only some top-level fields of each incident.

    Args:
        assignee (str | Unset):
        assignee_id (str | Unset):  Example: 66d3f0c2a4b1e2d3c4b5a697.
        created_after (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        cursor (str | Unset):
        deleted (bool | Unset):
        fields (str | Unset):  Example: incident_id,display_id,basic_info.
        has_children (bool | Unset):
        impact_id (str | Unset):  Example: 1,2.
        is_archive (bool | Unset):
        items_per_page (int | Unset):  Default: 20.
        page (int | Unset):  Default: 1.
        parent (str | Unset):
        priority_id (str | Unset):  Example: 1,2.
        q (str | Unset):
        requester_email (str | Unset):
        sla_breached (bool | Unset):
        sla_due_before (datetime.datetime | Unset):
        sort_key (str | Unset):  Example: -priority_id,creation_time.
        sort_order (IncidentsListSortOrder | Unset):
        state_id (str | Unset):  Example: 1,2.
        status_id (str | Unset):  Example: 1,2.
        support_group (str | Unset):
        support_group_id (str | Unset):  Example: 66d3f0c2a4b1e2d3c4b5a697.
        tag (str | Unset):
        unassigned (bool | Unset):
        updated_after (datetime.datetime | Unset):
        updated_before (datetime.datetime | Unset):
        urgency_id (str | Unset):  Example: 1,2.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | list[Incident]
    """

    return (
        await asyncio_detailed(
            client=client,
            assignee=assignee,
            assignee_id=assignee_id,
            created_after=created_after,
            created_before=created_before,
            cursor=cursor,
            deleted=deleted,
            fields=fields,
            has_children=has_children,
            impact_id=impact_id,
            is_archive=is_archive,
            items_per_page=items_per_page,
            page=page,
            parent=parent,
            priority_id=priority_id,
            q=q,
            requester_email=requester_email,
            sla_breached=sla_breached,
            sla_due_before=sla_due_before,
            sort_key=sort_key,
            sort_order=sort_order,
            state_id=state_id,
            status_id=status_id,
            support_group=support_group,
            support_group_id=support_group_id,
            tag=tag,
            unassigned=unassigned,
            updated_after=updated_after,
            updated_before=updated_before,
            urgency_id=urgency_id,
        )
    ).parsed

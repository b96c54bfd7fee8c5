"""clients/python (openapi-python-client) drives the running service as an integrator would."""

import io

from incidents.api.serializers import LISTING_CREATE_EXAMPLE


def test_the_generated_client_creates_lists_resolves_replies_uploads_and_reads_errors(
    service, python_client
):
    from servicedesk_client import AuthenticatedClient
    from servicedesk_client.api.attachments import attachments_create, attachments_download
    from servicedesk_client.api.conversations import conversations_create
    from servicedesk_client.api.incident_actions import incidents_resolve
    from servicedesk_client.api.incidents import incidents_create, incidents_list, incidents_read
    from servicedesk_client.models import (
        ApiError,
        Attachment,
        ConversationInputRequest,
        ConversationKindEnum,
        Incident,
        IncidentCreateRequest,
        MultipartUploadRequest,
        ResolveInputRequest,
    )
    from servicedesk_client.types import File

    base, key = service
    client = AuthenticatedClient(base_url=base, token=key, prefix="")

    made = incidents_create.sync_detailed(
        client=client, body=IncidentCreateRequest.from_dict(LISTING_CREATE_EXAMPLE)
    )
    assert made.status_code == 201
    incident = made.parsed
    assert isinstance(incident, Incident)
    assert incident.basic_info.priority == "Very Low"
    assert made.headers["Location"].endswith(f"/ux/sd/inci/incident/{incident.incident_id}/")
    incidents_create.sync_detailed(client=client, body=IncidentCreateRequest(summary="second"))

    page = incidents_list.sync_detailed(client=client, items_per_page=1)
    assert page.status_code == 200 and len(page.parsed) == 1
    assert page.headers["X-Total-Count"] == "2"
    assert 'rel="next"' in page.headers["Link"]

    resolved = incidents_resolve.sync_detailed(
        client=client,
        body=ResolveInputRequest(
            incident_id=incident.display_id,
            resolution_type="Fixed",
            closure_note="Reset the VPN profile",
        ),
    )
    (result,) = resolved.parsed.results
    assert result.ok and result.incident.basic_info.status == "Resolved"

    reply = conversations_create.sync_detailed(
        client=client,
        body=ConversationInputRequest(
            incident_id=incident.incident_id,
            kind=ConversationKindEnum.REPLY,
            body="<p>Fixed, please try again.</p>",
        ),
    )
    assert reply.status_code == 201 and reply.parsed.kind == ConversationKindEnum.REPLY

    upload = attachments_create.sync_detailed(
        client=client,
        body=MultipartUploadRequest(
            incident_id=incident.incident_id,
            file=File(payload=io.BytesIO(b"hello, desk\n"), file_name="hello.txt"),
        ),
    )
    assert upload.status_code == 201, upload.content
    (attachment,) = upload.parsed
    assert isinstance(attachment, Attachment) and attachment.size == 12

    download = attachments_download.sync_detailed(
        client=client, attachment_id=attachment.attachment_id
    )
    assert download.status_code == 200
    assert download.content == b"hello, desk\n"
    assert download.headers["Content-Disposition"].startswith("attachment;")

    missing = incidents_read.sync_detailed(client=client, id="INCI-999")
    assert missing.status_code == 404
    assert isinstance(missing.parsed, ApiError)
    assert missing.parsed.errors[0].code == "not_found"

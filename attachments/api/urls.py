"""Attachment routes sit under `incident/` as the listing shows them.

They are included before the incident router so that `incident/attachment/`
is not taken for the incident with the id "attachment".
"""

from django.urls import path, re_path

from attachments.api.views import AttachmentViewSet

ID = r"(?P<attachment_id>[0-9a-fA-F]{24})"

urlpatterns = [
    path(
        "incident/add-attachment/",
        AttachmentViewSet.as_view({"post": "create"}),
        name="attachment-add",
    ),
    path(
        "incident/attachment/", AttachmentViewSet.as_view({"get": "list"}), name="attachment-list"
    ),
    re_path(
        rf"^incident/attachment/{ID}/$",
        AttachmentViewSet.as_view({"get": "retrieve", "delete": "destroy"}),
        name="attachment-detail",
    ),
    re_path(
        rf"^incident/attachment/{ID}/download/$",
        AttachmentViewSet.as_view({"get": "download"}),
        name="attachment-download",
    ),
]

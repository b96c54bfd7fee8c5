"""Merge and relation routes, under `incident/` as the issue names them.

Included before the incident router, so that `incident/merge/` is not taken for the
incident with the id "merge".
"""

from django.urls import path, re_path

from relations.api.views import MergeViewSet, RelationViewSet

REF = r"[^/]+"

urlpatterns = [
    path("incident/merge/", MergeViewSet.as_view({"post": "create"}), name="incident-merge"),
    re_path(
        rf"^incident/(?P<id>{REF})/relations/$",
        RelationViewSet.as_view({"post": "create"}),
        name="incident-relations",
    ),
    re_path(
        rf"^incident/(?P<id>{REF})/relations/(?P<other>{REF})/$",
        RelationViewSet.as_view({"delete": "destroy"}),
        name="incident-relation",
    ),
]

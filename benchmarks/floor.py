"""The framework floor: the app's routes plus three bare views, for `ROOT_URLCONF`.

`/ux/bench/floor/` is a bare DRF view under the API prefix, so it goes through the
same middleware (key lookup, rate limit), DRF authentication, the scope permission
and the renderer as every API route, and returns a constant. `/bench/plain/` is a
plain Django view outside the API prefix: the middleware stack without a key lookup.
`/bench/raw-retrieve/<org>/<id>/` is the same plain view reading one incident with
pymongo: the least any Django view pays to answer a retrieve (benchmarks/scale.py).
"""

import orjson
from bson import ObjectId
from bson.errors import InvalidId
from django.http import HttpResponse
from django.urls import path
from rest_framework.response import Response
from rest_framework.views import APIView

from servicedesk import urls as app_urls

FLOOR_PATH = "/ux/bench/floor/"
PLAIN_PATH = "/bench/plain/"
RAW_RETRIEVE_PATH = "/bench/raw-retrieve/"  # + <organization id>/<incident id>/
BODY = {"ok": True}


class FloorView(APIView):
    """Authenticated like every API view (the project's defaults); returns a constant."""

    def get(self, request):
        return Response(BODY)


def plain(request):
    return HttpResponse(b'{"ok":true}', content_type="application/json")


def raw_retrieve(request, organization_id, incident_id):
    """The least a Django app can do to answer a retrieve: the middleware stack (no key
    lookup, no rate limit, no DRF), one pymongo `find_one`, the hand-written projection
    and orjson. The scale benchmark sets it beside the raw pymongo retrieve."""
    from benchmarks.projection import hand_written
    from incidents.documents import Incident
    from incidents.representation import PROJECTION

    try:
        lookup = {
            "_id": ObjectId(incident_id),
            "organization_id": ObjectId(organization_id),
            "is_deleted": False,
        }
    except InvalidId:
        return HttpResponse(status=404)
    doc = Incident._get_collection().find_one(lookup, PROJECTION)
    if doc is None:
        return HttpResponse(status=404)
    return HttpResponse(orjson.dumps(hand_written(doc)), content_type="application/json")


urlpatterns = [
    *app_urls.urlpatterns,
    path(FLOOR_PATH.strip("/") + "/", FloorView.as_view()),
    path(PLAIN_PATH.strip("/") + "/", plain),
    path(RAW_RETRIEVE_PATH.strip("/") + "/<str:organization_id>/<str:incident_id>/", raw_retrieve),
]

handler400 = app_urls.handler400
handler403 = app_urls.handler403
handler404 = app_urls.handler404
handler500 = app_urls.handler500

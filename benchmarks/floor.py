"""The framework floor: the app's routes plus two constant views, for `ROOT_URLCONF`.

`/ux/bench/floor/` is a bare DRF view under the API prefix, so it goes through the
same middleware (key lookup, rate limit), DRF authentication, the scope permission
and the renderer as every API route, and returns a constant. `/bench/plain/` is a
plain Django view outside the API prefix: the middleware stack without a key lookup.
"""

from django.http import HttpResponse
from django.urls import path
from rest_framework.response import Response
from rest_framework.views import APIView

from servicedesk import urls as app_urls

FLOOR_PATH = "/ux/bench/floor/"
PLAIN_PATH = "/bench/plain/"
BODY = {"ok": True}


class FloorView(APIView):
    """Authenticated like every API view (the project's defaults); returns a constant."""

    def get(self, request):
        return Response(BODY)


def plain(request):
    return HttpResponse(b'{"ok":true}', content_type="application/json")


urlpatterns = [
    *app_urls.urlpatterns,
    path(FLOOR_PATH.strip("/") + "/", FloorView.as_view()),
    path(PLAIN_PATH.strip("/") + "/", plain),
]

handler400 = app_urls.handler400
handler403 = app_urls.handler403
handler404 = app_urls.handler404
handler500 = app_urls.handler500

"""A path without its trailing slash is answered 308, never 301.

Django's CommonMiddleware answers 301 (and refuses POSTs in DEBUG): clients following a
301 turn a POST into a GET, which lists instead of creating. 308 keeps the method and body.
"""

from django.http import HttpResponsePermanentRedirect
from django.middleware.common import CommonMiddleware
from django.utils.http import escape_leading_slashes


class PermanentRedirect(HttpResponsePermanentRedirect):
    status_code = 308


class AppendSlashMiddleware(CommonMiddleware):
    response_redirect_class = PermanentRedirect

    def get_full_path_with_slash(self, request):
        # Django raises in DEBUG for POST/PUT/PATCH, since a 301 would lose the body; a
        # 308 does not.
        return escape_leading_slashes(request.get_full_path(force_append_slash=True))

"""DRF side of API-key authentication: the middleware did the lookup, this reports it."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

WWW_AUTHENTICATE = 'ApiKey realm="servicedesk"'


class ApiKeyAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        django_request = request._request
        principal = getattr(django_request, "principal", None)
        if principal is not None:
            return principal, principal
        error = getattr(django_request, "auth_error", None)
        if error is None:  # a route outside the API prefix: nobody is authenticated
            return None
        raise exceptions.AuthenticationFailed(detail=error.message, code=error.code)

    def authenticate_header(self, request):
        return WWW_AUTHENTICATE


class ApiKeyAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = ApiKeyAuthentication
    name = "ApiKeyAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": (
                "The organization's API key, sent as `Authorization: <key>` "
                "(also `Bearer <key>` or `Api-Key <key>`)."
            ),
        }

"""Answers with the headers HTTP asks of them."""

from django.urls import reverse
from rest_framework import status
from rest_framework.response import Response


def created(data, *, request, url_name: str, query: str = "", **kwargs) -> Response:
    """201 with `Location`: the URL of what was created (`url_name` reversed with `kwargs`,
    plus `query` for a collection such as `?incident_id=...`)."""
    url = request.build_absolute_uri(reverse(url_name, kwargs=kwargs) + query)
    return Response(data, status=status.HTTP_201_CREATED, headers={"Location": url})

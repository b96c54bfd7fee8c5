"""A multipart parser that refuses tricky file names instead of quietly rewriting them.

Django's parser reduces `../../etc/passwd` to `passwd` and drops control
characters. We want the client told (400 naming the part), so names are
checked as sent and the first bad one fails the request.
"""

import html

from django.http.multipartparser import MultiPartParser as DjangoMultiPartParser
from django.http.multipartparser import MultiPartParserError
from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.parsers import DataAndFiles, MultiPartParser

from attachments.files import BadFileName, check_file_name


class _CheckingParser(DjangoMultiPartParser):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.refusals: list[str] = []

    def sanitize_file_name(self, file_name):
        try:
            return check_file_name(html.unescape(file_name))
        except BadFileName as exc:
            self.refusals.append(f"{file_name[:80]!r}: {exc}")
            return "refused"


class StrictMultiPartParser(MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        request = parser_context["request"]
        meta = request.META.copy()
        meta["CONTENT_TYPE"] = media_type
        try:
            # (Constructing it checks the boundary: a missing one is a parse error too.)
            parser = _CheckingParser(meta, stream, request.upload_handlers, "utf-8")
            data, files = parser.parse()
        except MultiPartParserError as exc:
            raise ParseError(f"Multipart form parse error - {exc}") from None
        if parser.refusals:
            raise ValidationError({"file": parser.refusals}, code="invalid_file_name")
        return DataAndFiles(data, files)

"""The JSON parser of every API route: DRF's, with a bound on nesting.

Python's JSON decoder, and every serializer after it, recurses once per level: a
body nested about a thousand levels deep (`[[[[...]]]]`, 2 KiB) raised a
RecursionError, a 500. Deeper than SERVICEDESK_MAX_JSON_DEPTH is now a 400 before
anything is decoded.
"""

import re

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser as DrfJSONParser

_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(rb"[\[\]{}]")
_OPENING = frozenset(b"[{")


def nesting(raw: bytes, limit: int) -> int:
    """How deep arrays and objects nest in `raw` (stopping once past `limit`)."""
    if raw.count(b"[") + raw.count(b"{") <= limit:
        return 0  # cannot be deeper than it has openings (the common case, no scan)
    level = deepest = 0
    for match in _BRACKET.finditer(_STRING.sub(b'""', raw)):
        if match.group()[0] in _OPENING:
            level += 1
            if level > deepest:
                deepest = level
                if deepest > limit:
                    break
        else:
            level -= 1
    return deepest


class JSONParser(DrfJSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        raw = stream.read() if stream is not None else b""
        limit = settings.SERVICEDESK_MAX_JSON_DEPTH
        if nesting(raw, limit) > limit:
            raise ParseError(
                f"JSON parse error - arrays and objects nest more than {limit} levels deep.",
                code="too_deep",
            )
        return super().parse(_Bytes(raw), media_type, parser_context)


class _Bytes:
    """The body already read, handed on as the stream DRF's parser reads."""

    def __init__(self, raw: bytes):
        self.raw = raw

    def read(self, *args) -> bytes:
        raw, self.raw = self.raw, b""
        return raw

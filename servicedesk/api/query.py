"""Query-string serializers that refuse what they do not know.

A typo in a filter (`?stauts_id=3`) silently ignored returns the wrong data,
so unknown parameters, and parameters given twice, are a 400 naming them.
"""

from rest_framework import serializers

PAGING = ("page", "items_per_page")


class StrictQuery(serializers.Serializer):
    """Base for query parameters; subclasses set `paged = True` to allow the paging ones."""

    paged = False

    def to_internal_value(self, data):
        known = set(self.fields) | (set(PAGING) if self.paged else set())
        unknown = sorted(set(data) - known)
        if unknown:
            raise serializers.ValidationError(
                {unknown[0]: [f"Unknown query parameter; known: {', '.join(sorted(known))}."]},
                code="unknown_parameter",
            )
        flat = {}
        for key in data:
            values = data.getlist(key) if hasattr(data, "getlist") else [data[key]]
            if len(values) > 1:
                raise serializers.ValidationError(
                    {key: ["Give this parameter once."]}, code="repeated_parameter"
                )
            flat[key] = values[0]
        return super().to_internal_value(flat)


class PageQuery(StrictQuery):
    """A route that takes only the paging parameters."""

    paged = True

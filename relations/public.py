"""The relations app as others may use it (nothing is below it but the benchmarks)."""

from relations.services.links import MAX_CHILDREN, relation_add, relation_remove
from relations.services.merge import MAX_SOURCES, merge_incidents

__all__ = ["MAX_CHILDREN", "MAX_SOURCES", "merge_incidents", "relation_add", "relation_remove"]

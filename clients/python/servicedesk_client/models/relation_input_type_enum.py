from enum import StrEnum


class RelationInputTypeEnum(StrEnum):
    CHILD = "child"
    PARENT = "parent"
    RELATED = "related"

    def __str__(self) -> str:
        return str(self.value)

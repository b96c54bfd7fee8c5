from enum import StrEnum


class CustomFieldTypeEnum(StrEnum):
    CHECKBOX = "checkbox"
    DATE = "date"
    MULTISELECT = "multiselect"
    NUMBER = "number"
    SELECT = "select"
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class RichTextFieldEnum(StrEnum):
    CLOSURE_NOTE = "closure_note"
    DESCRIPTION = "description"

    def __str__(self) -> str:
        return str(self.value)

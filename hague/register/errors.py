"""What the register's services raise: a problem with one field of the user's input, or a step not allowed.

Messages are English templates with named placeholders, marked with `N_` so the catalogue extractor
finds them; the web layer translates them (`gettext(err.message, **err.params)`), the command line
prints `str(err)`.
"""

from __future__ import annotations


def N_(message: str) -> str:
    """Mark a message for the catalogue without translating it here."""
    return message


class _Explained(Exception):
    def __init__(self, message: str, params: dict[str, object]):
        self.message = message
        self.params = params
        self.text = message % params if params else message  # in English
        super().__init__(self.text)


class RegisterError(_Explained, ValueError):
    """Input the register cannot accept: `field` names the form field (or None for the whole request)."""

    def __init__(self, field: str | None, message: str, **params: object):
        super().__init__(message, params)
        self.field = field

    def __str__(self) -> str:
        text = super().__str__()
        return f"{self.field}: {text}" if self.field else text


class NotAllowed(_Explained, PermissionError):
    """A step the user may not take (their role, four eyes, or the letter's state)."""

    def __init__(self, message: str, **params: object):
        super().__init__(message, params)

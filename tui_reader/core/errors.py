"""Errors that carry a message meant for the user (one line, no traceback)."""


class UserError(Exception):
    """A problem the user can fix (unknown article, missing corpus, bad query); exit code 1 in the CLI."""

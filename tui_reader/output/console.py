"""The Rich console every command prints through: no markup, no auto-highlighting, no emoji codes."""

from __future__ import annotations

from rich.console import Console


def make_console(*, stderr: bool = False) -> Console:
    """A console on which only ``Text`` and renderables carry style: article text is never parsed as markup."""
    return Console(highlight=False, markup=False, emoji=False, stderr=stderr)

"""Fixtures for the UI tests: an app over the seeds or over a corpus written by the test, and a helper to
wait until the app has done everything it started (workers, then a refresh) without sleeping."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.conftest import SEEDS
from tui_reader.app import NewsreaderApp
from tui_reader.library import Library

HOSTILE_TITLE = "[bold red]Breaking[/] [@click=app.quit]news[/]"
HOSTILE_BODY = (
    "A paragraph with [@click=app.quit]click me[/] and [link=file:///etc/passwd]a link[/link] inside.\n\n"
    "Then [bold an unclosed tag, a lone [/ and a trailing backslash \\\n\n"
    'Officials said "there are at least 5,500 troops [bold]here[/bold]" on Sunday.\n'
)


async def settle(pilot: Pilot) -> None:
    """Let every worker finish and the screen catch up (workers may start more workers, so twice)."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


@pytest.fixture
def make_app() -> Callable[..., NewsreaderApp]:
    """Build the app over given paths (default: the seeds) with a fixed theme."""

    def make(paths: list[Path] | None = None, theme: str = "textual-dark") -> NewsreaderApp:
        return NewsreaderApp(Library(paths or [SEEDS]), theme=theme)

    return make


@pytest.fixture
def hostile_corpus(tmp_path: Path) -> Path:
    """A corpus whose title and body look like Rich/Textual markup."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "markup.txt").write_text(f"{HOSTILE_TITLE}\n\n{HOSTILE_BODY}", encoding="utf-8")
    (folder / "plain.txt").write_text("A plain article\n\nNothing to see here.\n", encoding="utf-8")
    return folder

"""Snapshot tests of the key screens (pytest-textual-snapshot): fixed sizes, theme, corpus and annotations.

Update after an intended change with ``pytest tests/ui/test_snapshots.py --snapshot-update`` and look at
the SVGs under ``tests/ui/__snapshots__/`` before committing them.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SEED_B
from tests.ui.conftest import settle
from tests.ui.fakes import FixedLibrary
from tui_reader.app import NewsreaderApp


def fixed_app(paths: list[Path] | None = None) -> NewsreaderApp:
    return NewsreaderApp(FixedLibrary(paths), theme="textual-dark")


def test_main_screen(snap_compare) -> None:
    assert snap_compare(fixed_app(), terminal_size=(120, 36), run_before=settle)


def test_search_for_a_figure(snap_compare) -> None:
    async def search(pilot) -> None:
        await settle(pilot)
        await pilot.press("slash", *"5,500")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(fixed_app(), terminal_size=(120, 36), run_before=search)


def test_reader_with_highlights(snap_compare) -> None:
    async def highlights(pilot) -> None:
        await settle(pilot)
        pilot.app.screen.query_one("SourceList").select_id(SEED_B)
        await settle(pilot)
        await pilot.press("slash", *"nato")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("n", "n")
        await settle(pilot)

    assert snap_compare(fixed_app(), terminal_size=(110, 34), run_before=highlights)


def test_compare_wide(snap_compare) -> None:
    async def compare(pilot) -> None:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("right_square_bracket")
        await settle(pilot)

    assert snap_compare(fixed_app(), terminal_size=(160, 45), run_before=compare)


def test_compare_narrow(snap_compare) -> None:
    async def compare(pilot) -> None:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)

    assert snap_compare(fixed_app(), terminal_size=(80, 24), run_before=compare)


def test_help(snap_compare) -> None:
    async def help_screen(pilot) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(fixed_app(), terminal_size=(100, 40), run_before=help_screen)


def test_hostile_article(snap_compare, hostile_corpus: Path) -> None:
    async def hostile(pilot) -> None:
        await settle(pilot)
        pilot.app.screen.query_one("SourceList").select_id("markup")
        await settle(pilot)

    assert snap_compare(fixed_app([hostile_corpus]), terminal_size=(100, 24), run_before=hostile)


def test_reader_with_highlights_light_theme(snap_compare) -> None:
    async def highlights(pilot) -> None:
        await settle(pilot)
        pilot.app.screen.query_one("SourceList").select_id(SEED_B)
        await settle(pilot)
        await pilot.press("slash", *"80%", "enter")
        await settle(pilot)

    app = NewsreaderApp(FixedLibrary(), theme="textual-light")
    assert snap_compare(app, terminal_size=(110, 34), run_before=highlights)

"""Pilot tests of the main screen: list, reader, keys, toggles, facts panel, help, palette, sizes, hostile text."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from textual.command import CommandPalette

from tests.conftest import SEED_A, SEED_B
from tests.ui.conftest import HOSTILE_TITLE, settle
from tests.ui.fakes import FixedLibrary
from tui_reader.app import NewsreaderApp
from tui_reader.screens.help import HelpScreen
from tui_reader.screens.main import MainScreen
from tui_reader.widgets.facts_panel import FactsPanel
from tui_reader.widgets.reader import MAX_MEASURE, Reader
from tui_reader.widgets.source_list import SourceList
from tui_reader.widgets.status_line import StatusLine
from tui_reader.widgets.title_bar import TitleBar


def screen_lines(widget: Reader | SourceList) -> list[str]:
    """What the widget draws, line by line, as plain text (from its own render_line)."""
    return [widget.render_line(y).text for y in range(widget.scrollable_content_region.height)]


async def test_opens_with_the_list_filled_and_the_first_article_in_the_reader(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.query_one(TitleBar).count == 2
        source_list = screen.query_one(SourceList)
        assert set(source_list.article_ids()) == {SEED_A, SEED_B}
        assert source_list.has_focus
        reader = screen.query_one(Reader)
        assert reader.article is not None and reader.article.id == source_list.highlighted.id
        assert reader.article.title in screen_lines(reader)[0]


async def test_j_and_k_move_through_the_list_and_the_reader_follows(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        reader = app.screen.query_one(Reader)
        first = reader.article.id
        await pilot.press("j")
        await settle(pilot)
        second = reader.article.id
        assert second != first
        assert screen_lines(reader)[0].strip().startswith(reader.article.title[:20])
        await pilot.press("k")
        await settle(pilot)
        assert reader.article.id == first


async def test_enter_moves_to_the_reader_and_tab_moves_between_panes(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.focused, Reader)
        await pilot.press("space")  # pages down without leaving the reader
        assert isinstance(app.focused, Reader)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, SourceList)


async def test_clicking_a_row_opens_that_article(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        source_list = app.screen.query_one(SourceList)
        other = source_list.article_ids()[1]
        await pilot.click(SourceList, offset=(5, 2))  # the second article's two lines start at row 2
        await settle(pilot)
        assert app.screen.query_one(Reader).article.id == other


async def test_hostile_markup_shows_literally_and_does_nothing(make_app, hostile_corpus: Path) -> None:
    app = make_app([hostile_corpus])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        source_list = app.screen.query_one(SourceList)
        assert source_list.select_id("markup")
        await settle(pilot)
        reader = app.screen.query_one(Reader)
        text = "\n".join(screen_lines(reader))
        assert HOSTILE_TITLE in text
        assert "[@click=app.quit]click me[/]" in text
        assert "[link=file:///etc/passwd]a link[/link]" in text
        assert "[bold an unclosed tag, a lone [/ and a trailing backslash \\" in text
        assert "[bold red]Breaking[/] [@click=app.quit]ne" in "\n".join(screen_lines(source_list))
        # Clicking every line of the reader and the list runs no action hidden in the text.
        for y in range(8):
            await pilot.click(Reader, offset=(12, y))
            await pilot.click(SourceList, offset=(12, y))
        await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, MainScreen)


async def test_help_lists_every_main_key_and_closes(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = app.screen.query_one("#help-keys").render()
        for binding in MainScreen.BINDINGS:
            assert binding.description in str(keys)
        syntax = str(app.screen.query_one("#help-search").render())
        for example in ('"no NATO buildup"', "title:", "date:2020-08..2020-09", "num:>5000", "elect*"):
            assert example in syntax
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_command_palette_runs_a_newsreader_command(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"facts panel")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(FactsPanel).display


async def test_highlight_toggles_and_facts_panel(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        reader = app.screen.query_one(Reader)
        for key, attr in (("1", "show_quotes"), ("2", "show_figures"), ("3", "show_matches")):
            assert getattr(reader, attr)
            await pilot.press(key)
            assert not getattr(reader, attr)
            assert "off" in app.screen.query_one(StatusLine).text
            await pilot.press(key)
            assert getattr(reader, attr)
        panel = app.screen.query_one(FactsPanel)
        assert not panel.display
        await pilot.press("f")
        assert panel.display and panel.has_focus
        await pilot.press("f")
        assert not panel.display


async def test_order_key_cycles_and_groups_by_outlet(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.order == "date"
        await pilot.press("o")
        assert screen.order == "outlet"
        headers = [r for r in screen.query_one(SourceList).rows if r.entry is None]
        assert headers and sum(h.count for h in headers) == 2
        await pilot.press("o")
        assert screen.order in ("story", "corpus")


async def test_narrow_terminal_fits_and_truncates_visibly(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        source_list = app.screen.query_one(SourceList)
        reader = app.screen.query_one(Reader)
        assert source_list.size.width >= 28 and reader.size.width >= 40
        rows = screen_lines(source_list)
        assert any(r.rstrip().endswith("…") for r in rows)  # long titles say they are cut
        assert all(len(line.rstrip()) <= reader.scrollable_content_region.width for line in screen_lines(reader))


async def test_wide_terminal_keeps_lines_readable(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(250, 50)) as pilot:
        await settle(pilot)
        reader = app.screen.query_one(Reader)
        lines = [line for line in screen_lines(reader) if line.strip()]
        assert max(len(line.strip()) for line in lines) <= MAX_MEASURE
        margin = min(len(line) - len(line.lstrip()) for line in lines)
        assert margin > 10  # the measure sits in the middle of a wide pane, not against the list


async def test_an_empty_corpus_says_so(make_app, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    app = make_app([empty])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        reader = app.screen.query_one(Reader)
        assert reader.article is None
        assert "No articles" in "\n".join(screen_lines(reader))
        await pilot.press("j", "c", "n", "slash")  # nothing to act on: no crash
        await settle(pilot)
        assert app.is_running


async def test_a_group_header_stays_in_view_above_the_selected_article(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("o")  # by outlet: every article under a header
        await settle(pilot)
        source_list = app.screen.query_one(SourceList)
        source_list.focus()
        await pilot.press("end", "home")
        await pilot.pause()
        assert source_list.scroll_offset.y == 0 and source_list.rows[0].entry is None


class SlowStories(FixedLibrary):
    """Story grouping that runs until it is stopped (through its progress callback)."""

    def __init__(self) -> None:
        super().__init__()
        self.started = threading.Event()

    def stories(self, progress=None) -> dict[str, str]:
        self.started.set()
        while True:  # stopped by progress() raising once the worker is cancelled
            progress(1, 2)
            threading.Event().wait(0.01)


async def test_leaving_story_order_stops_the_grouping() -> None:
    library = SlowStories()
    app = NewsreaderApp(library)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("o", "o")
        assert app.screen.order == "story"
        await asyncio.to_thread(library.started.wait, 10)
        await pilot.pause()
        assert app.screen.query_one(TitleBar).state.startswith("grouping stories")
        await pilot.press("o")
        await settle(pilot)  # returns only once the grouping worker has stopped
        assert app.screen.order == "corpus" and app.screen.stories is None
        assert not app.screen.query_one(TitleBar).state.startswith("grouping")


async def test_an_article_without_outlet_says_so_and_names_its_file(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.screen.query_one(SourceList).select_id(SEED_B)
        await settle(pilot)
        assert f"source unknown · file {SEED_B}.txt" in app.screen.query_one(Reader).visible_text()
        rows = screen_lines(app.screen.query_one(SourceList))
        assert any(line.strip() == "source unknown" for line in rows) and not any(SEED_B in line for line in rows)

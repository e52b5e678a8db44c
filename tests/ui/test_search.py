"""Pilot tests of search: live as you type, stale results dropped, enter, n/N across articles, escape,
clearing, no results. The library here searches by substring, so these test the UI's paths alone."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from tests.conftest import SEED_A, SEED_B
from tests.ui.conftest import settle
from tui_reader.widgets.reader import Reader
from tui_reader.widgets.search_bar import SearchBar
from tui_reader.widgets.source_list import SourceList
from tui_reader.widgets.status_line import StatusLine


async def type_query(pilot, text: str) -> None:
    await pilot.press("slash", *text)
    await settle(pilot)


async def test_results_update_as_you_type_with_match_counts(search_app) -> None:
    app = search_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_query(pilot, "nato")
        assert isinstance(app.focused, Input)
        rows = app.screen.query_one(SourceList).rows
        assert [(r.entry.id, r.count) for r in rows] == [(SEED_B, 8), (SEED_A, 7)]
        assert app.screen.query_one(StatusLine).text.startswith("15 matches in 2 articles")
        await pilot.press(*" denies")  # narrows as the query grows: "nato denies" is only in A
        await settle(pilot)
        assert [r.entry.id for r in app.screen.query_one(SourceList).rows] == [SEED_A]
        assert app.screen.search_state.query == "nato denies"


async def test_a_newer_query_replaces_an_older_one(search_app) -> None:
    app = search_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        screen = app.screen
        screen.run_search("lukashenko")
        screen.run_search("5,500")  # cancels the first before its pause ends
        await settle(pilot)
        assert "lukashenko" not in app.library.searches
        assert screen.search_state.query == "5,500"
        assert [r.entry.id for r in screen.query_one(SourceList).rows] == [SEED_A]


async def test_enter_jumps_to_the_first_match_and_n_crosses_into_the_next_article(search_app) -> None:
    app = search_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_query(pilot, "nato")
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.query_one(Reader)
        status = app.screen.query_one(StatusLine)
        assert isinstance(app.focused, Reader)
        assert reader.article.id == SEED_B and reader.current_match == 0
        assert status.text == "match 1 of 15 in 2 articles"
        first = reader.matches[0]
        assert reader.article.body[first.start : first.end].casefold() == "nato"
        await pilot.press("n")
        assert reader.current_match == 1 and status.text == "match 2 of 15 in 2 articles"
        await pilot.press("N")
        assert reader.current_match == 0
        for _ in range(7):
            await pilot.press("n")
        assert status.text == "match 8 of 15 in 2 articles"
        await pilot.press("n")  # past the last match of B: the first match of A
        await settle(pilot)
        assert reader.article.id == SEED_A and reader.current_match == 0
        assert status.text == "match 9 of 15 in 2 articles"
        assert app.screen.query_one(SourceList).highlighted.id == SEED_A
        await pilot.press("N")  # and back: the last match of B
        await settle(pilot)
        assert reader.article.id == SEED_B and reader.current_match == 7


async def test_the_current_match_is_scrolled_into_view(search_app) -> None:
    app = search_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_query(pilot, "5,500")
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.query_one(Reader)
        line = reader.line_of(reader.matches[0].start)
        top = reader.scroll_offset.y
        assert top <= line < top + reader.scrollable_content_region.height
        assert "5,500" in reader.visible_text()


async def test_escape_leaves_the_input_and_keeps_the_results(search_app) -> None:
    app = search_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_query(pilot, "5,500")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.focused, Input)
        assert app.screen.search_state.query == "5,500"
        assert len(app.screen.query_one(SourceList).rows) == 1
        await pilot.press("n")  # n works from the reader after escape
        assert app.screen.query_one(Reader).current_match == 0


async def test_clearing_the_query_restores_the_list(search_app) -> None:
    app = search_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_query(pilot, "5,500")
        assert len(app.screen.query_one(SourceList).rows) == 1
        await pilot.press(*["backspace"] * 5)
        await settle(pilot)
        rows = app.screen.query_one(SourceList).rows
        assert len(rows) == 2 and all(r.count == 0 for r in rows)
        assert app.screen.query_one(StatusLine).text == ""
        assert app.screen.query_one(Reader).matches == ()


async def test_no_result_says_so(search_app) -> None:
    app = search_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_query(pilot, "zeppelin")
        source_list = app.screen.query_one(SourceList)
        assert source_list.rows == []
        assert "zeppelin" in source_list.render_line(1).text
        assert app.screen.query_one(StatusLine).text == "No articles match “zeppelin”."
        await pilot.press("enter", "n", "N")  # nothing to jump to: no crash, still a message
        await settle(pilot)
        assert app.is_running


async def test_n_and_N_show_in_the_footer_only_while_there_are_matches(search_app) -> None:
    app = search_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert not screen.check_action("next_match", ())
        await pilot.press("n")  # inert, no crash
        await type_query(pilot, "nato")
        assert screen.check_action("next_match", ()) and screen.check_action("previous_match", ())
        await pilot.press(*["backspace"] * 4)
        await settle(pilot)
        assert not screen.check_action("next_match", ())


async def test_keys_typed_right_after_slash_land_in_the_input(search_app) -> None:
    """A fast typist (or a paste) sends "/5,500" in one burst: none of it may go to the list."""
    app = search_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        for character, key in [("/", "slash"), ("5", "5"), (",", "comma"), ("5", "5"), ("0", "0"), ("0", "0")]:
            app.post_message(events.Key(key, character))
        await settle(pilot)
        assert app.screen.query_one(Input).value == "5,500"
        assert app.screen.search_state.query == "5,500"


async def test_a_slash_inside_the_input_is_text(search_app) -> None:
    app = search_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "a", "slash", "b")
        assert app.screen.query_one(Input).value == "a/b"


async def test_a_burst_with_enter_and_n_gives_n_to_the_reader(search_app) -> None:
    """tmux send-keys "/" "nato" Enter "n": found in a newcomer run, where "n" once landed in the query."""
    app = search_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        keys = [("/", "slash"), ("n", "n"), ("a", "a"), ("t", "t"), ("o", "o"), ("\r", "enter"), ("n", "n")]
        for character, key in keys:
            app.post_message(events.Key(key, character))
        await settle(pilot)
        assert app.screen.query_one(Input).value == "nato"
        assert isinstance(app.focused, Reader)
        assert app.screen.query_one(Reader).current_match == 1  # enter: the first match, n: the second


async def test_a_burst_with_escape_leaves_the_input_at_once(search_app) -> None:
    app = search_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        for character, key in [("/", "slash"), ("x", "x"), ("\x1b", "escape"), ("j", "j")]:
            app.post_message(events.Key(key, character))
        await settle(pilot)
        assert app.screen.query_one(Input).value == "x"
        assert not isinstance(app.focused, Input)


async def test_escape_in_the_list_clears_the_search_and_o_says_how(search_app) -> None:
    app = search_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"5,500", "enter")
        await settle(pilot)
        screen = app.screen
        assert len(screen.query_one(SourceList).article_ids()) == 1
        await pilot.press("o")
        assert "esc clears the search" in screen.query_one(StatusLine).text
        await pilot.press("escape")
        await settle(pilot)
        assert len(screen.query_one(SourceList).article_ids()) == 2 and not screen.search_state.active
        assert not screen.query_one(SearchBar).display

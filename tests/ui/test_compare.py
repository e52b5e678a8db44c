"""Pilot tests of the compare screen: open with c, aligned rows, ]/[, swap, picker, summary, back, sizes."""

from __future__ import annotations

from textual.widgets import OptionList

from tests.conftest import SEED_A, SEED_B
from tests.ui.conftest import settle
from tests.ui.fakes import FixedLibrary
from tui_reader.app import NewsreaderApp
from tui_reader.screens.compare import CompareScreen
from tui_reader.screens.main import MainScreen
from tui_reader.screens.picker import CandidatePicker
from tui_reader.widgets.compare_view import CompareView
from tui_reader.widgets.reader import Reader


async def open_compare(pilot, article_id: str = SEED_A) -> CompareScreen:
    await settle(pilot)
    pilot.app.screen.query_one("SourceList").select_id(article_id)
    await settle(pilot)
    assert pilot.app.screen.query_one(Reader).article.id == article_id
    await pilot.press("c")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CompareScreen)
    return pilot.app.screen


async def test_c_opens_the_best_match_side_by_side_with_aligned_pairs() -> None:
    app = NewsreaderApp(FixedLibrary())
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_compare(pilot)
        layout = screen.query_one(CompareView).layout
        assert layout is not None and not layout.stacked
        assert layout.left.article.id == SEED_A and layout.right.article.id == SEED_B
        for index, row in enumerate(layout.rows):
            first = layout.lines[layout.row_tops[index]]
            if row.left and row.right:  # a pair: both sentences start on the same screen line
                assert first.left and not first.left.marker and first.right and not first.right.marker
            elif row.left:
                assert first.right.marker == "only in A"
            else:
                assert first.left.marker == "only in B"
        counts = str(screen.query_one("#summary-counts").render())
        assert "2 paraphrased" in counts and "only in A" in counts


async def test_brackets_step_through_differences_and_s_swaps() -> None:
    app = NewsreaderApp(FixedLibrary())
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_compare(pilot)
        view = screen.query_one(CompareView)
        assert view.has_focus and view.current_row is None
        await pilot.press("right_square_bracket")
        first = view.current_row
        assert first is not None and view.layout.rows[first].is_difference
        await pilot.press("right_square_bracket")
        assert view.current_row > first
        await pilot.press("left_square_bracket")
        assert view.current_row == first
        await pilot.press("s")
        await settle(pilot)
        layout = view.layout
        assert layout.left.article.id == SEED_B and layout.left.label == "B"
        await pilot.press("s")
        await settle(pilot)
        assert view.layout.left.article.id == SEED_A


async def test_choosing_a_summary_item_scrolls_both_sides_to_it() -> None:
    app = NewsreaderApp(FixedLibrary())
    async with app.run_test(size=(160, 30)) as pilot:
        screen = await open_compare(pilot)
        options = screen.query_one("#summary-items", OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert labels[0].startswith("conflict")
        last = options.option_count - 1  # a quotation only in B, far down
        options.focus()
        options.highlighted = last
        await pilot.press("enter")
        await settle(pilot)
        view = screen.query_one(CompareView)
        row = view.current_row
        assert row is not None and view.layout.rows[row].right
        top = view.scroll_offset.y
        assert top <= view.layout.row_tops[row] < top + view.scrollable_content_region.height
        assert view.has_focus


async def test_picker_lists_other_accounts_and_q_and_escape_go_back() -> None:
    app = NewsreaderApp(FixedLibrary())
    async with app.run_test(size=(120, 36)) as pilot:
        await open_compare(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, CandidatePicker)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_narrow_terminals_stack_a_over_b() -> None:
    app = NewsreaderApp(FixedLibrary())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        layout = screen.query_one(CompareView).layout
        assert layout.stacked
        pair = next(i for i, r in enumerate(layout.rows) if r.left and r.right)
        lines = layout.lines[layout.row_tops[pair] :]
        assert lines[0].left.label == "A"
        assert any(line.side == 1 and line.left and line.left.label == "B" for line in lines[:12])
        view = screen.query_one(CompareView)
        assert all(len(view.render_line(y).text.rstrip()) <= 78 for y in range(view.size.height))


async def test_compare_without_another_account_says_so(make_app, tmp_path) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "only.txt").write_text("Only one\n\nA lone article about nothing else.\n", encoding="utf-8")
    app = make_app([folder])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        text = str(app.screen.query_one("#summary-counts").render())
        assert "No other account" in text
        await pilot.press("q")
        assert isinstance(app.screen, MainScreen)


async def test_the_counts_line_says_which_difference_is_current() -> None:
    app = NewsreaderApp(FixedLibrary())
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_compare(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert "difference 2 of" in str(screen.query_one("#summary-counts").render())


class IndexingLibrary(FixedLibrary):
    """The first run of a big corpus: the index is still being built, so story matching has no pool yet."""

    can_match = False

    def candidates(self, article, limit: int = 10) -> list[tuple[str, float]]:
        return []


async def test_compare_while_the_index_is_built_says_to_wait() -> None:
    app = NewsreaderApp(IndexingLibrary())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert "still being built" in str(app.screen.query_one("#summary-counts").render())


async def test_the_counts_leave_page_furniture_out_as_the_command_line_does(make_app) -> None:
    """The seeds' B ends an embedded post with a signature and a thread counter: page furniture, never
    aligned, and not counted as "only in B" (newsreader compare counts the same way)."""
    from tui_reader.core.furniture import FURNITURE_KINDS

    app = make_app()  # the real comparison of the seeds
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_compare(pilot)
        cmp = screen.comparison
        only_b = sum(1 for j in cmp.only_b if cmp.sentences_b[j].kind not in FURNITURE_KINDS)
        furniture_b = len(cmp.only_b) - only_b
        assert furniture_b > 0  # the case this test is about
        assert f" {only_b} only in B" in screen._counts

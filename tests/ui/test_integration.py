"""The app on the real engine (index, annotation, compare) over the seeds: the newcomer's path end to end."""

from __future__ import annotations

from tests.conftest import SEED_A, SEED_B
from tests.ui.conftest import settle
from tui_reader.screens.compare import CompareScreen
from tui_reader.screens.main import MainScreen
from tui_reader.widgets.compare_view import CompareView
from tui_reader.widgets.facts_panel import FactsPanel
from tui_reader.widgets.reader import Reader
from tui_reader.widgets.source_list import SourceList
from tui_reader.widgets.status_line import StatusLine
from tui_reader.widgets.title_bar import TitleBar


async def test_search_enter_n_compare_back_on_the_real_engine(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(TitleBar).state.startswith("index")
        await pilot.press("slash", *"5,500")
        await settle(pilot)
        assert [r.entry.id for r in app.screen.query_one(SourceList).rows] == [SEED_A]
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.query_one(Reader)
        assert reader.article.id == SEED_A and reader.current_match == 0
        match = reader.matches[0]
        assert reader.article.body[match.start : match.end] == "5,500"
        assert app.screen.query_one(StatusLine).text == "match 1 of 1 in 1 article"
        await pilot.press("n")  # one match only: n wraps to itself
        assert reader.current_match == 0
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        view = app.screen.query_one(CompareView)
        layout = view.layout
        assert layout is not None and layout.right.article.id == SEED_B
        assert any(row.left and row.right for row in layout.rows)  # at least one aligned pair
        await pilot.press("s")
        await settle(pilot)
        assert view.layout.left.article.id == SEED_B
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


async def test_real_annotations_reach_the_reader_and_the_facts_panel(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.screen.query_one(SourceList).select_id(SEED_A)
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        panel = app.screen.query_one(FactsPanel)
        labels = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert any("Lungescu" in label for label in labels)  # the NATO quotation, attributed
        assert any(label.startswith("at least 5,500") for label in labels)
        panel.highlighted = next(i for i, label in enumerate(labels) if "Lungescu" in label)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.query_one(Reader)
        assert "— Oana Lungescu" in " ".join(reader.visible_text().split())  # the speaker label after the quote

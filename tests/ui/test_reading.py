"""Pilot tests of reading: the facts panel jumps, story grouping, a 5 MB article, themes stay readable."""

from __future__ import annotations

import pytest
from rich.color import Color as RichColor
from textual.geometry import Offset
from textual.selection import Selection

from tests.conftest import SEED_B
from tests.ui.conftest import settle
from tests.ui.fakes import FixedLibrary
from tui_reader.app import NewsreaderApp
from tui_reader.core.model import Article
from tui_reader.widgets.facts_panel import FactsPanel
from tui_reader.widgets.reader import HIGHLIGHT_CLASSES, KIND_CLASSES, Reader
from tui_reader.widgets.source_list import SourceList


async def test_choosing_a_fact_scrolls_the_reader_to_it() -> None:
    app = NewsreaderApp(FixedLibrary())
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(pilot)
        app.screen.query_one(SourceList).select_id(SEED_B)
        await settle(pilot)
        await pilot.press("f")
        panel = app.screen.query_one(FactsPanel)
        labels = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert labels[0].startswith("“there is no NATO buildup") and "Oana Lungescu" in labels[0]
        assert any(label.startswith("1.5 miles") for label in labels)
        panel.highlighted = next(i for i, label in enumerate(labels) if label.startswith("1.5 miles"))
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.query_one(Reader)
        assert "demonstration about 1.5" in " ".join(reader.visible_text().split())
        assert reader.scroll_offset.y > 0


async def test_o_groups_the_list_by_story() -> None:
    app = NewsreaderApp(FixedLibrary())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        while app.screen.order != "story":
            await pilot.press("o")
            await settle(pilot)
        rows = app.screen.query_one(SourceList).rows
        assert rows[0].entry is None and rows[0].label == "Belarus election" and rows[0].count == 2
        assert "by story" in app.screen.query_one("StatusLine").text


class BigLibrary(FixedLibrary):
    """One extra article of about 5 MB in the list."""

    def __init__(self) -> None:
        super().__init__()
        paragraph = "The quick brown fox said “nothing” about 5,500 troops. " * 20
        self.big = Article(
            id="big", path="big.txt", title="A five-megabyte article", body="\n\n".join([paragraph] * 4600)
        )

    def scan(self, progress=None):
        entries, skipped = super().scan(progress)
        from tui_reader.library import Entry

        return [*entries, Entry.of(self.big)], skipped

    def load(self, article_id: str):
        return self.big if article_id == "big" else super().load(article_id)


async def test_a_five_megabyte_article_opens_and_scrolls_to_its_end() -> None:
    library = BigLibrary()
    assert len(library.big.body) > 5_000_000
    app = NewsreaderApp(library)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        app.screen.query_one(SourceList).select_id("big")
        await settle(pilot)
        reader = app.screen.query_one(Reader)
        assert reader.article.id == "big"
        assert reader.virtual_size.height > 60_000
        reader.focus()
        await pilot.press("G")
        await settle(pilot)
        assert reader.scroll_offset.y == reader.max_scroll_y
        assert "quick brown fox" in reader.visible_text()
        await pilot.press("g")
        assert reader.scroll_offset.y == 0


def _contrast(fg: RichColor, bg: RichColor) -> float:
    def luminance(c: RichColor) -> float:
        r, g, b = (x / 255 for x in c.get_truecolor())
        lin = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in (r, g, b)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "nord", "gruvbox", "solarized-light", "dracula"])
async def test_highlights_are_readable_in_light_and_dark_themes(theme: str) -> None:
    app = NewsreaderApp(FixedLibrary(), theme=theme)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        reader = app.screen.query_one(Reader)
        base = reader.rich_style
        worst = []
        for name in (*HIGHLIGHT_CLASSES, *KIND_CLASSES.values()):
            style = reader.get_component_rich_style(name)  # what the reader draws with
            fg, bg = style.color or base.color, style.bgcolor or base.bgcolor
            ratio = _contrast(fg, bg)
            worst.append((ratio, name))
            # Dimmed text (speaker, meta, captions) is meant to recede, but must stay legible.
            assert ratio >= (2.5 if "dim" in str(style) or name.endswith(("meta", "caption", "speaker")) else 3.0), (
                theme,
                name,
                ratio,
            )
        print(theme, "lowest contrast:", min(worst))


async def test_mouse_selection_copies_the_text_as_shown() -> None:
    app = NewsreaderApp(FixedLibrary())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        reader = app.screen.query_one(Reader)
        first_line = reader.render_line(0).text.rstrip()
        assert reader.article.title.startswith(first_line)
        got = reader.get_selection(Selection(Offset(0, 0), Offset(len(first_line), 0)))
        assert got == (first_line, "\n")
        two_lines = reader.get_selection(Selection(Offset(0, 0), Offset(3, 1)))[0]
        assert two_lines.startswith(first_line + "\n")
        reader.selection_updated(Selection(Offset(0, 0), Offset(5, 0)))
        strip = reader.render_line(0)
        assert strip.text.startswith(first_line[:5])
        await pilot.pause()


def test_the_reader_names_the_folder_when_there_is_no_outlet() -> None:
    from tui_reader.core.model import Article
    from tui_reader.widgets.article_layout import meta_text

    article = Article(id="business/001", path="/corpus/business/001.txt", title="t", body="b")
    assert meta_text(article) == "business · file 001.txt"
    assert meta_text(Article("x", "/c/x.txt", "t", "b")) == "source unknown · file x.txt"

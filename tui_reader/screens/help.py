"""The help screen: every key of every screen and pane (read from the bindings themselves) and the legend."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui_reader.widgets.legend import Legend


def _sections() -> list[tuple[str, list[BindingType]]]:
    """Where each key works, and the bindings there (imported late: the screens import this module)."""
    from textual.app import App

    from tui_reader.app import NewsreaderApp
    from tui_reader.screens.compare import CompareScreen
    from tui_reader.screens.main import MainScreen
    from tui_reader.widgets.compare_view import CompareView
    from tui_reader.widgets.reader import Reader
    from tui_reader.widgets.search_bar import SearchBar
    from tui_reader.widgets.source_list import SourceList

    everywhere = [*NewsreaderApp.BINDINGS, *(b for b in App.BINDINGS if isinstance(b, Binding) and b.key == "ctrl+q")]
    everywhere.append(Binding("tab", "focus_next", "Next pane (shift+tab: previous)"))
    return [
        ("Everywhere", everywhere),
        ("Main screen", list(MainScreen.BINDINGS)),
        ("Source list (left)", list(SourceList.BINDINGS)),
        ("Reader (right)", [*Reader.BINDINGS, Binding("up,down,pageup,pagedown", "", "Scroll")]),
        ("Search input", [Binding("enter", "", "Go to the first match"), *SearchBar.BINDINGS]),
        ("Compare screen", [*CompareScreen.BINDINGS, *CompareView.BINDINGS]),
    ]


def _keys_text(app_key_display: object, sections: Iterable[tuple[str, list[BindingType]]]) -> Content:
    """The key table as plain text with styles (descriptions are ours, but never parsed as markup)."""
    display = app_key_display  # App.get_key_display
    lines: list[Content] = []
    for title, bindings in sections:
        lines.append(Content.styled(title, "bold $text-accent"))
        rows: dict[str, list[str]] = {}
        tips: dict[str, str] = {}
        for binding in Binding.make_bindings(bindings):
            label = binding.description or binding.action
            keys = rows.setdefault(label, [])
            tips[label] = tips.get(label) or binding.tooltip
            shown = display(binding)  # type: ignore[operator]
            if shown not in keys:
                keys.append(shown)
        for label, keys in rows.items():
            key_text = " ".join(keys)
            tip = f"  {tips[label]}" if tips.get(label) else ""
            lines.append(Content.assemble("  ", (f"{key_text:<14}", "bold"), " ", label, (tip, "dim")))
        lines.append(Content(""))
    return Content("\n").join(lines)


SEARCH_SYNTAX: tuple[tuple[str, str], ...] = (
    ("troops Poland", "every word must match (troops finds troop)"),
    ('"no NATO buildup"', "a phrase"),
    ("5,500  80%", "figures however written: 5500, 80 percent, 80 per cent"),
    ("a OR b  NOT c  -c  ( )", "either, neither, groups"),
    ("title: outlet: byline:", "one field: title:Lukashenko"),
    ("date:2020-08..2020-09", "a date range; also date:>=2020-08-10"),
    ("num:>5000  num:>50%", "any figure above 5,000; any percentage above 50"),
    ("elect*", "words that start with elect"),
)
"""What the help screen says of the query language (core/query.py has it all)."""


def _search_text() -> Content:
    return Content("\n").join(
        Content.assemble("  ", (f"{example:<24}", "bold"), " ", (meaning, "dim")) for example, meaning in SEARCH_SYNTAX
    )


class HelpScreen(Screen[None]):
    """Every key, where it works, and what the highlight colours mean; any of q, escape or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "app.pop_screen", "Close help"),
    ]

    def compose(self) -> ComposeResult:
        """The widgets of this screen, top to bottom."""
        with VerticalScroll(id="help-body"):
            yield Static(Content.styled("newsreader — keys", "bold"), id="help-title")
            yield Static(
                Content(
                    "Read one story across outlets: pick an article on the left, read it on the right, "
                    "search with /, compare accounts with c. The footer shows the keys of the pane in focus."
                ),
                id="help-intro",
            )
            yield Static(Content.styled("Highlights", "bold $text-accent"), classes="help-heading")
            yield Legend()
            yield Static(Content.styled("Search (/)", "bold $text-accent"), classes="help-heading")
            yield Static(_search_text(), id="help-search")
            yield Static(_keys_text(self.app.get_key_display, _sections()), id="help-keys")
        yield Footer(compact=True)

"""The source list: one two-line row an article (title; outlet · date · matches), optionally under group headers.

A line-API widget, so 90,000 articles cost one ``Row`` each and only the rows on screen are drawn. Moving
the cursor posts ``ArticleHighlighted``; enter or a click posts ``ArticleChosen``. Titles and outlets are
untrusted text and only ever become plain ``Segment`` text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui_reader.library import UNKNOWN_SOURCE, Entry
from tui_reader.messages import ArticleChosen, ArticleHighlighted

HEADER_LINES = 1
"""Lines a group header takes in the list."""
ARTICLE_LINES = 2
"""Lines an article takes in the list (title, then source and date)."""


class Row(NamedTuple):
    """A list row: a group header (``entry`` None, ``label`` and ``count``) or an article with its match count.

    A named tuple: one is made per article each time the list is arranged (89,000 of them on a big corpus).
    """

    entry: Entry | None
    label: str = ""
    count: int = 0

    @property
    def height(self) -> int:
        """Lines the row takes: headers one, articles two."""
        return HEADER_LINES if self.entry is None else ARTICLE_LINES


def _fit(text: str, cells: int) -> str:
    """``text`` cut to ``cells`` cells with an ellipsis when it does not fit (one line, no controls)."""
    text = text.replace("\n", " ").replace("\t", " ")
    if cells <= 0:
        return ""
    if cell_len(text) <= cells:
        return text
    out, used = [], 0
    for ch in text:
        w = cell_len(ch)
        if used + w > cells - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


class SourceList(ScrollView, can_focus=True):
    """Articles as rows under optional group headers; the cursor never rests on a header."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "source-list--title",
        "source-list--meta",
        "source-list--count",
        "source-list--header",
        "source-list--cursor",
        "source-list--empty",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor(1)", "Next", show=False),
        Binding("up,k", "cursor(-1)", "Previous", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
        Binding("enter", "choose", "Read", tooltip="Open the article in the reader"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: list[Row] = []
        self._row_of_id: dict[str, int] | None = None  # article id -> row, made when first needed
        self._tops: list[int] = []
        self._cursor = -1
        self._empty = "Reading the corpus…"
        self._strips: LRUCache[tuple[int, int, bool, bool], Strip] = LRUCache(512)

    # -- content --------------------------------------------------------------------------------------

    @property
    def rows(self) -> Sequence[Row]:
        """The rows, headers included, in display order."""
        return self._rows

    @property
    def highlighted(self) -> Entry | None:
        """The entry under the cursor, if any."""
        return self._rows[self._cursor].entry if 0 <= self._cursor < len(self._rows) else None

    def article_ids(self) -> list[str]:
        """Ids of the listed articles in display order."""
        return [r.entry.id for r in self._rows if r.entry is not None]

    def set_rows(self, rows: Sequence[Row], keep: str | None = None, empty: str = "") -> None:
        """Replace the rows; the cursor goes to article ``keep`` if listed, else to the first article.

        Posts ``ArticleHighlighted`` when the article under the cursor changes. ``empty`` is what an empty
        list says.
        """
        before = self.highlighted
        self._rows = list(rows)
        self._row_of_id = None
        self._empty = empty or "No articles."
        # Every row's top line and the height of all (Row.height inlined: 89,000 property calls at start-up).
        tops = list(accumulate([HEADER_LINES if r.entry is None else ARTICLE_LINES for r in self._rows], initial=0))
        top = tops.pop()
        self._tops = tops
        self.virtual_size = Size(self.size.width, top)
        self._strips.clear()
        target = next((i for i, r in enumerate(self._rows) if r.entry and r.entry.id == keep), None)
        if target is None:
            target = next((i for i, r in enumerate(self._rows) if r.entry), -1)
        self._cursor = -1
        self._move_to(target, announce=before is None or self.highlighted_id_at(target) != before.id)
        self.refresh()

    def highlighted_id_at(self, index: int) -> str | None:
        """The article id of row ``index`` (None for a header or out of range)."""
        if 0 <= index < len(self._rows) and self._rows[index].entry is not None:
            return self._rows[index].entry.id  # type: ignore[union-attr]
        return None

    def update_entry(self, entry: Entry) -> None:
        """Redraw the row of ``entry.id`` with fresher metadata (the index lists no bylines; a loaded article has)."""
        i = self._row_of(entry.id)
        if i is not None:
            row = self._rows[i]
            self._rows[i] = Row(entry, row.label, row.count)
            self._strips.clear()
            self.refresh_lines(self._tops[i], row.height)

    def select_id(self, article_id: str) -> bool:
        """Move the cursor to ``article_id``; False when it is not listed."""
        i = self._row_of(article_id)
        if i is None:
            return False
        self._move_to(i)
        return True

    def _row_of(self, article_id: str) -> int | None:
        """The row of an article (a lookup made once per list: opening articles asks for it each time)."""
        if self._row_of_id is None:
            self._row_of_id = {}
            for i, row in enumerate(self._rows):
                if row.entry is not None:
                    self._row_of_id.setdefault(row.entry.id, i)  # the first, as a walk down the list finds it
        return self._row_of_id.get(article_id)

    def step(self, delta: int) -> bool:
        """Move the cursor ``delta`` articles (skipping headers); False at either end."""
        i = self._cursor
        while True:
            i += 1 if delta > 0 else -1
            if not 0 <= i < len(self._rows):
                return False
            if self._rows[i].entry is not None:
                delta += -1 if delta > 0 else 1
                if delta == 0:
                    self._move_to(i)
                    return True

    # -- cursor ---------------------------------------------------------------------------------------

    def _move_to(self, index: int, announce: bool = True) -> None:
        if index == self._cursor or not -1 <= index < len(self._rows):
            return
        old = self._cursor
        self._cursor = index
        for i in (old, index):
            if 0 <= i < len(self._rows):
                self.refresh_lines(self._tops[i], self._rows[i].height)
        if index >= 0:
            self._scroll_cursor_visible()
            entry = self._rows[index].entry
            if announce and entry is not None:
                self.post_message(ArticleHighlighted(entry.id))

    def _scroll_cursor_visible(self) -> None:
        top = self._tops[self._cursor]
        height = self._rows[self._cursor].height
        if self._cursor > 0 and self._rows[self._cursor - 1].entry is None:  # keep its group's header in view
            top, height = self._tops[self._cursor - 1], height + 1
        view = self.scrollable_content_region.height or self.size.height
        if top < self.scroll_offset.y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif top + height > self.scroll_offset.y + view:
            self.scroll_to(y=top + height - view, animate=False, immediate=True)

    def action_cursor(self, delta: int) -> None:
        """Move to the next (1) or previous (-1) article."""
        self.step(delta)

    def action_page(self, direction: int) -> None:
        """Move a page of rows down or up."""
        rows = max(1, (self.scrollable_content_region.height or 2) // 2)
        if not self.step(direction * rows):
            self.action_last() if direction > 0 else self.action_first()

    def action_first(self) -> None:
        """Move to the first article."""
        self._move_to(next((i for i, r in enumerate(self._rows) if r.entry), self._cursor))

    def action_last(self) -> None:
        """Move to the last article."""
        last = [i for i, r in enumerate(self._rows) if r.entry]
        if last:
            self._move_to(last[-1])

    def action_choose(self) -> None:
        """Open the article under the cursor in the reader."""
        entry = self.highlighted
        if entry is not None:
            self.post_message(ArticleChosen(entry.id))

    def on_click(self, event: events.Click) -> None:
        """A click selects the row under the pointer; a double click opens it in the reader."""
        index = self._row_at(event.y + self.scroll_offset.y)
        if index is None or self._rows[index].entry is None:
            return
        self._move_to(index)
        if event.chain >= 2:
            self.action_choose()

    def _row_at(self, line: int) -> int | None:
        if not self._rows or line < 0:
            return None
        index = bisect_right(self._tops, line) - 1
        return index if 0 <= index < len(self._rows) and line < self._tops[index] + self._rows[index].height else None

    # -- drawing --------------------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        """Theme or CSS changed: drop cached lines."""
        super().notify_style_update()
        self._strips.clear()

    def on_focus(self) -> None:
        """Redraw the cursor in its focused colour."""
        self.refresh()

    def on_blur(self) -> None:
        """Redraw the cursor in its unfocused colour."""
        self.refresh()

    def on_resize(self) -> None:
        """Lay out again when the width changed."""
        self._strips.clear()
        self.virtual_size = Size(self.size.width, self.virtual_size.height)

    def _part(self, name: str, base: Style) -> Style:
        return base + self.get_component_rich_style(name, partial=True)

    def render_line(self, y: int) -> Strip:
        """Draw screen row ``y``."""
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        index = self._row_at(line)
        if index is None:
            if not self._rows and y == 1:
                text = _fit(f" {self._empty}", width)
                return Strip([Segment(text, self._part("source-list--empty", self.rich_style))]).crop_extend(
                    0, width, self.rich_style
                )
            return Strip.blank(width, self.rich_style)
        key = (line, width, self.has_focus, index == self._cursor)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._draw(index, line - self._tops[index], width)
            self._strips[key] = strip
        return strip

    def _draw(self, index: int, sub: int, width: int) -> Strip:
        row = self._rows[index]
        # Parts use partial styles (solid theme colours only); the cursor's full style goes on top, so its
        # colours (resolved against its own background) win on the cursor row.
        cursor = self.get_component_rich_style("source-list--cursor") if index == self._cursor else None

        def style(name: str | None) -> Style:
            out = self._part(name, self.rich_style) if name else self.rich_style
            return out + cursor if cursor is not None else out

        base = style(None)
        if row.entry is None:  # a group: its name, and how many articles it holds at the right edge
            header = style("source-list--header")
            count = f" {row.count:,} "
            text = _fit(f" {row.label}", max(0, width - cell_len(count)))
            gap = " " * max(0, width - cell_len(text) - cell_len(count))
            return Strip([Segment(text + gap, header), Segment(count, header)]).crop_extend(0, width, header)
        entry = row.entry
        if sub == 0:
            text = _fit(f" {entry.title or '(untitled)'}", width)
            return Strip([Segment(text, style("source-list--title"))]).crop_extend(0, width, base)
        count = f"{row.count:,} match{'es' if row.count != 1 else ''} " if row.count else ""
        meta = " · ".join(p for p in (entry.source or UNKNOWN_SOURCE, entry.date) if p)
        room = width - cell_len(count)
        meta_text = _fit(f"   {meta}", room)
        segments = [Segment(meta_text, style("source-list--meta"))]
        gap = width - cell_len(meta_text) - cell_len(count)
        if gap > 0:
            segments.append(Segment(" " * gap, base))
        if count and room > 0:
            segments.append(Segment(count, style("source-list--count")))
        return Strip(segments).crop_extend(0, width, base)

"""The compare view: two accounts in aligned rows, one scroll for both, word differences coloured.

A line-API widget over ``CompareLayout``: both columns are drawn on the same screen line, so they can
only scroll together. ``]`` / ``[`` move the current row to the next / previous difference.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui_reader.core.furniture import FURNITURE_KINDS
from tui_reader.widgets.compare_layout import (
    CONFLICT,
    FIGURE_ONLY_HERE,
    GUTTER,
    MARKS,
    ONLY_HERE,
    CompareLayout,
    Line,
    Piece,
    Side,
)

TAG_CLASSES = {ONLY_HERE: "cmp--only-here", CONFLICT: "cmp--conflict", FIGURE_ONLY_HERE: "cmp--figure-only"}
KIND_CLASSES = {
    "heading": "cmp--heading",
    "caption": "cmp--caption",
    **{kind: "cmp--furniture" for kind in FURNITURE_KINDS},
}
"""Sentences that are not the account's prose: headings and captions in their reader styles, page furniture
(bylines, credits, post signatures, widgets) dim."""


class CompareView(ScrollView, can_focus=True):
    """Aligned rows of two articles; ``set_layout`` fills it, ``go_to_row`` scrolls both sides at once."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *TAG_CLASSES.values(),
        *KIND_CLASSES.values(),
        "cmp--marker",
        "cmp--gutter",
        "cmp--label",
        "cmp--current",
        "cmp--paraphrase",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right_square_bracket", "next_difference", "Next diff", tooltip="Next sentence that differs"),
        Binding("left_square_bracket", "previous_difference", "Prev diff", tooltip="Previous sentence that differs"),
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("b", "page_up", "Page up", show=False),
    ]

    current_row: reactive[int | None] = reactive(None)

    @dataclass
    class RowChanged(Message):
        """The current row moved (to say "difference 3 of 12")."""

        row: int | None

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._layout: CompareLayout | None = None
        self._strips: LRUCache[int, Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}

    @property
    def layout(self) -> CompareLayout | None:
        """The rows and lines on show."""
        return self._layout

    def set_layout(self, layout: CompareLayout | None) -> None:
        """Show a comparison's rows from the top."""
        self._layout = layout
        self.current_row = None
        self._reflow()
        self.scroll_to(0, 0, animate=False, immediate=True)

    def _reflow(self) -> None:
        if self._layout is None:
            self.virtual_size = Size(0, 0)
        else:
            self._layout.reflow(self.scrollable_content_region.width or self.size.width or 80)
            self.virtual_size = Size(self._layout.width, len(self._layout))
        self._strips.clear()
        self.refresh()

    def on_resize(self) -> None:
        """Lay out again when the width changed."""
        if self._layout is not None and self._layout.width != self.scrollable_content_region.width:
            top_row = self._layout.row_at(self.scroll_offset.y)
            self._reflow()
            self.scroll_to(y=self._layout.row_tops[top_row] if self._layout.rows else 0, animate=False)

    def notify_style_update(self) -> None:
        """Theme or CSS changed: drop cached lines and styles."""
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    # -- moving ---------------------------------------------------------------------------------------

    def go_to_row(self, row: int) -> None:
        """Make ``row`` current and scroll it to the top third of the view."""
        if self._layout is None or not 0 <= row < len(self._layout.rows):
            return
        self.current_row = row
        top = self._layout.row_tops[row]
        self.scroll_to(y=max(0, top - self.scrollable_content_region.height // 4), animate=False, immediate=True)

    def _step_difference(self, delta: int) -> bool:
        layout = self._layout
        if layout is None:
            return False
        start = self.current_row if self.current_row is not None else (-1 if delta > 0 else len(layout.rows))
        row = start + delta
        while 0 <= row < len(layout.rows):
            if layout.rows[row].is_difference:
                self.go_to_row(row)
                return True
            row += delta
        return False

    def action_next_difference(self) -> None:
        """Go to the next row that is not an identical pair."""
        if not self._step_difference(1):
            self.notify("No more differences below.", timeout=2)

    def action_previous_difference(self) -> None:
        """Go to the previous row that is not an identical pair."""
        if not self._step_difference(-1):
            self.notify("No more differences above.", timeout=2)

    def watch_current_row(self, old: int | None, new: int | None) -> None:
        """Redraw the current row and tell the screen."""
        self._strips.clear()
        self.refresh()
        self.post_message(self.RowChanged(new))

    # -- drawing --------------------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self.get_component_rich_style(name, partial=True)
            self._styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        """Draw screen row ``y``: both columns of one layout line."""
        width = self.scrollable_content_region.width
        line_no = self.scroll_offset.y + y
        layout = self._layout
        if layout is None or line_no >= len(layout):
            return Strip.blank(width, self.rich_style)
        strip = self._strips.get(line_no)
        if strip is None:
            strip = self._draw(layout, layout.lines[line_no])
            self._strips[line_no] = strip
        margin = max(0, (width - layout.used) // 2)  # a wide terminal centres the capped columns
        if margin:
            strip = Strip.join([Strip.blank(margin, self.rich_style), strip])
        return strip.crop_extend(0, width, self.rich_style)

    def _draw(self, layout: CompareLayout, line: Line) -> Strip:
        base = self.rich_style
        if line.row == self.current_row and (line.left or line.right):
            base += self._style("cmp--current")
        row = layout.rows[line.row]
        segments: list[Segment] = []
        if layout.stacked:
            side = layout.left if line.side == 0 else layout.right
            label = line.left.label if line.left else ""
            segments.append(Segment(f"{label:<2}", base + self._style("cmp--label")))
            if line.left is not None:
                segments.extend(self._piece(side, line.left, layout.column, base, row.kind))
            return Strip(segments)
        segments.extend(self._piece(layout.left, line.left, layout.column, base, row.kind))
        mark = MARKS[row.kind] if line.first else "│"
        segments.append(Segment(f" {mark} ".center(GUTTER), base + self._style("cmp--gutter")))
        segments.extend(self._piece(layout.right, line.right, layout.column, base, row.kind))
        return Strip(segments)

    def _piece(self, side: Side, piece: Piece | None, width: int, base: Style, kind: str) -> list[Segment]:
        """One column of one line, padded to ``width`` cells."""
        if piece is None:
            return [Segment(" " * width, base)]
        if piece.marker:
            text = f"  {piece.marker}"
            return [Segment(text, base + self._style("cmp--marker")), Segment(" " * (width - cell_len(text)), base)]
        body = side.article.body
        start, end = piece.start, piece.end
        text_style = base + self._style("cmp--paraphrase") if kind == "paraphrase" else base
        if piece.kind in KIND_CLASSES:
            text_style += self._style(KIND_CLASSES[piece.kind])
        found = side.highlights.overlapping(start, end)
        segments: list[Segment] = []
        if not found:
            segments.append(Segment(body[start:end].replace("\t", " "), text_style))
        else:
            cuts = sorted({start, end, *(max(a, start) for a, _, _ in found), *(min(b, end) for _, b, _ in found)})
            found.sort(key=lambda r: r[2])
            for left, right in pairwise(cuts):
                style = text_style
                for a, b, tag in found:
                    if a <= left and b >= right:
                        style += self._style(TAG_CLASSES[tag])
                segments.append(Segment(body[left:right].replace("\t", " "), style))
        used = sum(cell_len(s.text) for s in segments)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        return segments

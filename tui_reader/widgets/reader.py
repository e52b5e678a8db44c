"""The reader pane: one article drawn line by line, with quotations, figures and search matches highlighted.

A line-API widget (``ScrollView.render_line``): layout is offsets only (``ArticleLayout``) and only the
lines on screen are styled, so a 5 MB article opens and scrolls as fast as a short one. Article text is
untrusted: it only ever becomes ``Segment`` text with styles chosen here, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from tui_reader.widgets.article_layout import ArticleLayout, LineKind, RangeIndex, speaker_insertions

if TYPE_CHECKING:
    from tui_reader.core.model import Article, Span

MAX_MEASURE = 100
"""Longest line in cells: past this, lines get too long to read comfortably on a wide terminal."""

# Highlight layers, in the order their styles are applied (later ones win where they overlap).
QUOTE, SPEAKER, TERM, FIGURE, MATCH, CURRENT = range(6)
HIGHLIGHT_CLASSES = ("hl--quote", "hl--speaker", "hl--term", "hl--figure", "hl--match", "hl--current")
KIND_CLASSES = {
    LineKind.TITLE: "reader--title",
    LineKind.META: "reader--meta",
    LineKind.HEADING: "reader--heading",
    LineKind.CAPTION: "reader--caption",
    LineKind.POST: "reader--post",
}
POST_BAR = "▌ "


class Reader(ScrollView, can_focus=True):
    """Shows one article; ``show``, ``set_annotations``, ``set_matches`` and ``go_to`` drive it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *HIGHLIGHT_CLASSES,
        *KIND_CLASSES.values(),
        "reader--post-bar",
        "reader--placeholder",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("b", "page_up", "Page up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]

    show_quotes: reactive[bool] = reactive(True)
    show_figures: reactive[bool] = reactive(True)
    show_matches: reactive[bool] = reactive(True)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._article: Article | None = None
        self._placeholder = "Select an article in the list."
        self._spans: tuple[Span, ...] = ()
        self._matches: tuple[Span, ...] = ()
        self._current: int | None = None
        self._layout: ArticleLayout | None = None
        self._annotations = RangeIndex()
        self._match_index = RangeIndex()
        self._strips: LRUCache[int, Strip] = LRUCache(1024)
        self._styles: dict[tuple[str, object], Style] = {}

    # -- what the pane shows -------------------------------------------------------------------------

    @property
    def article(self) -> Article | None:
        """The article on show, if any."""
        return self._article

    @property
    def current_match(self) -> int | None:
        """Index of the current search match in ``matches``, if any."""
        return self._current

    @property
    def matches(self) -> tuple[Span, ...]:
        """The search matches shown in this article."""
        return self._matches

    def show(self, article: Article | None, placeholder: str = "") -> None:
        """Show ``article`` from its top (or ``placeholder`` when None); highlights are cleared."""
        self._article = article
        self._placeholder = placeholder or "Select an article in the list."
        self._spans, self._matches, self._current = (), (), None
        self._rebuild()
        self.scroll_to(0, 0, animate=False, immediate=True)

    def set_annotations(self, spans: Sequence[Span]) -> None:
        """Quotations, terms and figures of the current article (from core's ``annotate``)."""
        self._spans = tuple(spans)
        self._rebuild(keep_position=True)

    def set_matches(self, spans: Sequence[Span], current: int | None = None) -> None:
        """Search matches in the current article; ``current`` (an index into ``spans``) is drawn distinct."""
        self._matches = tuple(spans)
        self._current = current if current is not None and 0 <= current < len(spans) else None
        self._index_matches()
        if self._current is not None:
            self.go_to(self._matches[self._current].start)

    def go_to(self, body_offset: int) -> None:
        """Scroll so the line holding ``body_offset`` sits a third of the way down the pane."""
        if self._layout is None:
            return
        line = self._layout.line_of(self._layout.to_display(body_offset))
        self.scroll_to(y=max(0, line - self.scrollable_content_region.height // 3), animate=False, immediate=True)

    def line_of(self, body_offset: int) -> int | None:
        """The layout line that shows ``body_offset`` (for tests and for callers that keep position)."""
        if self._layout is None:
            return None
        return self._layout.line_of(self._layout.to_display(body_offset))

    def visible_text(self) -> str:
        """The plain text of the lines on screen (what a person reading the pane sees, minus styling)."""
        if self._layout is None:
            return self._placeholder
        top = self.scroll_offset.y
        rows = range(top, min(len(self._layout), top + self.scrollable_content_region.height))
        return "\n".join(self._layout.text[self._layout.starts[y] : self._layout.ends[y]] for y in rows)

    # -- layout ---------------------------------------------------------------------------------------

    def _content_width(self) -> int:
        return min(MAX_MEASURE, self.scrollable_content_region.width or self.size.width or 80)

    def _rebuild(self, keep_position: bool = False) -> None:
        """Rebuild the display text (labels depend on which quotes show), the layout and the highlight index."""
        anchor = None  # the body offset at the top of the pane, to keep in view (None: in the title lines)
        if keep_position and self._layout is not None and len(self._layout):
            top = min(self.scroll_offset.y, len(self._layout) - 1)
            if self._layout.starts[top] >= self._layout.body_base:
                anchor = self._layout.to_body(self._layout.starts[top])
        article = self._article
        if article is None:
            self._layout = None
            self._annotations = RangeIndex()
            self._match_index = RangeIndex()
            self.virtual_size = Size(0, 0)
            self._strips.clear()
            self.refresh()
            return
        quotes = [s for s in self._spans if s.kind == "quote"] if self.show_quotes else []
        labels = speaker_insertions(article.body, [(q.end, q.speaker) for q in quotes if q.speaker])
        layout = ArticleLayout(article, labels)
        layout.reflow(self._content_width())
        self._layout = layout
        ranges: list[tuple[int, int, int]] = []
        wanted = {"quote": QUOTE if self.show_quotes else None, "term": TERM if self.show_quotes else None}
        wanted["figure"] = FIGURE if self.show_figures else None
        for span in self._spans:
            tag = wanted.get(span.kind)
            if tag is not None:
                ranges.append((layout.to_display(span.start), layout.to_display(span.end, before_labels=True), tag))
        ranges.extend((start, end, SPEAKER) for start, end in layout.label_ranges)
        self._annotations = RangeIndex(ranges)
        self._index_matches(refresh=False)
        self.virtual_size = Size(layout.width, len(layout))
        self._strips.clear()
        self.refresh()
        if anchor is not None:
            self.scroll_to(y=layout.line_of(layout.to_display(anchor)), animate=False, immediate=True)

    def _index_matches(self, refresh: bool = True) -> None:
        layout = self._layout
        if layout is None or not self.show_matches:
            self._match_index = RangeIndex()
        else:
            self._match_index = RangeIndex(
                (
                    layout.to_display(m.start),
                    layout.to_display(m.end, before_labels=True),
                    CURRENT if i == self._current else MATCH,
                )
                for i, m in enumerate(self._matches)
            )
        if refresh:
            self._strips.clear()
            self.refresh()

    def watch_show_quotes(self) -> None:
        """Rebuild: quotation highlights and speaker labels come or go."""
        self._rebuild(keep_position=True)

    def watch_show_figures(self) -> None:
        """Rebuild without (or with) figure highlights."""
        self._rebuild(keep_position=True)

    def watch_show_matches(self) -> None:
        """Redraw without (or with) search matches."""
        self._index_matches()

    def on_resize(self) -> None:
        """Lay out again when the width changed."""
        if self._layout is not None and self._layout.width != self._content_width():
            self._rebuild(keep_position=True)

    def notify_style_update(self) -> None:
        """Theme or CSS changed: styles are cached per line, so drop them."""
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    # -- drawing --------------------------------------------------------------------------------------

    def _style(self, key: LineKind | int | str) -> Style:
        """The Rich style for a line kind, a highlight layer (int) or a component class (str), cached.

        Full component styles (not partial): "auto" and translucent theme colours only resolve against the
        pane's real background. Highlights are added in priority order, so the last one's colours win.
        """
        cache_key = (type(key).__name__, key)
        style = self._styles.get(cache_key)
        if style is None:
            if isinstance(key, LineKind):
                name = KIND_CLASSES.get(key)
                style = self.get_component_rich_style(name) if name else self.rich_style
            elif isinstance(key, int):
                style = self.get_component_rich_style(HIGHLIGHT_CLASSES[key])
            else:
                style = self.get_component_rich_style(key)
            self._styles[cache_key] = style
        return style

    def render_line(self, y: int) -> Strip:
        """Draw screen row ``y`` (styled on demand and cached by layout line; offsets for mouse selection)."""
        width = self.scrollable_content_region.width
        line_no = self.scroll_offset.y + y
        selection = self.text_selection
        if selection is None:
            strip = self._strips.get(line_no)
            if strip is None:
                strip = self._render_layout_line(line_no)
                self._strips[line_no] = strip
        else:
            strip = _select(self._render_layout_line(line_no), selection.get_span(line_no), self._selection_style())
        layout_width = self._layout.width if self._layout is not None else width
        margin = max(0, (width - layout_width) // 2)  # a wide pane centres the measure
        strip = strip.crop_extend(0, width - margin, self.rich_style).apply_offsets(0, line_no)
        return Strip.join([Strip.blank(margin, self.rich_style), strip]) if margin else strip

    def _selection_style(self) -> Style:
        return self.screen.get_component_rich_style("screen--selection")

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected text, line by line as shown (what the mouse selected, for copying)."""
        layout = self._layout
        if layout is None:
            return None
        lines = (
            (POST_BAR if layout.kinds[y] == LineKind.POST else "") + layout.text[layout.starts[y] : layout.ends[y]]
            for y in range(len(layout))
        )
        return selection.extract("\n".join(lines)), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        """Redraw with (or without) the selection."""
        self._strips.clear()
        self.refresh()

    def _render_layout_line(self, line_no: int) -> Strip:
        layout = self._layout
        if layout is None:
            if line_no == 1:
                text = f"  {self._placeholder}"
                return Strip([Segment(text, self._style("reader--placeholder"))], cell_len(text))
            return Strip.blank(0)
        if line_no >= len(layout):
            return Strip.blank(0)
        start, end, kind = layout.line(line_no)
        base = self._style(kind)
        segments: list[Segment] = []
        if kind == LineKind.POST:
            segments.append(Segment(POST_BAR, self._style("reader--post-bar")))
        if start == end:
            return Strip(segments)
        found = self._annotations.overlapping(start, end) + self._match_index.overlapping(start, end)
        if not found:
            segments.append(Segment(layout.text[start:end], base))
            return Strip(segments)
        cuts = sorted({start, end, *(max(a, start) for a, _, _ in found), *(min(b, end) for _, b, _ in found)})
        found.sort(key=lambda r: r[2])
        for left, right in pairwise(cuts):
            style = base
            for a, b, tag in found:
                if a <= left and b >= right:
                    style += self._style(tag)
            segments.append(Segment(layout.text[left:right], style))
        return Strip(segments)


def _select(strip: Strip, span: tuple[int, int] | None, style: Style) -> Strip:
    """``strip`` with characters ``span[0]:span[1]`` (``-1``: to the end) in the selection style."""
    if span is None:
        return strip
    start, end = span
    if end == -1:
        end = sum(len(segment.text) for segment in strip)
    out: list[Segment] = []
    pos = 0
    for segment in strip:
        text, seg_style = segment.text, segment.style or Style()
        a, b = max(start, pos) - pos, min(end, pos + len(text)) - pos
        if a >= b:
            out.append(segment)
        else:
            out.extend(
                Segment(piece, piece_style)
                for piece, piece_style in ((text[:a], seg_style), (text[a:b], seg_style + style), (text[b:], seg_style))
                if piece
            )
        pos += len(text)
    return Strip(out)

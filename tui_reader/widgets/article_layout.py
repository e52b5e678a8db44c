"""An article laid out as screen lines: the display text (with speaker labels), line ranges for one width.

Plain Python (no Textual), so it can be tested alone and used from a worker thread. The display text is
the title, the meta line and ``Article.body`` with short labels inserted after quotations ("— Oana
Lungescu"); a line is a ``(start, end)`` range of it plus a kind that says how to draw it. Nothing is
copied per line and nothing is styled here: the reader styles only the lines that are on screen.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING

from tui_reader.widgets.linebreak import wrap

if TYPE_CHECKING:
    from tui_reader.core.model import Article, Block

CLOSING_MARKS = "”\"’'»"
"""Closing quote marks that stay with a quotation before its speaker label."""


class LineKind(IntEnum):
    """How a screen line is drawn (maps to a component style in the reader)."""

    TITLE = 0
    META = 1
    HEADING = 2
    PARAGRAPH = 3
    POST = 4
    CAPTION = 5
    BLANK = 6


BLOCK_KINDS = {
    "heading": LineKind.HEADING,
    "paragraph": LineKind.PARAGRAPH,
    "post": LineKind.POST,
    "caption": LineKind.CAPTION,
}
POST_INDENT = 2
"""Cells taken by the bar in front of each line of an embedded post."""


class RangeIndex:
    """Ranges sorted by start, answering "which ranges touch ``[start, end)``" in logarithmic time.

    A prefix maximum of the ends makes the query exact even when ranges nest or overlap.
    """

    __slots__ = ("_ends", "_max_end", "_starts", "tags")

    def __init__(self, ranges: Iterable[tuple[int, int, int]] = ()) -> None:
        ordered = sorted(ranges)
        self._starts = [r[0] for r in ordered]
        self._ends = [r[1] for r in ordered]
        self.tags = [r[2] for r in ordered]
        self._max_end: list[int] = []
        top = -1
        for end in self._ends:
            top = max(top, end)
            self._max_end.append(top)

    def __len__(self) -> int:
        return len(self._starts)

    def __bool__(self) -> bool:
        return bool(self._starts)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """``(start, end, tag)`` of every range that shares at least one position with ``[start, end)``."""
        first = bisect_right(self._max_end, start)
        last = bisect_left(self._starts, end)
        return [(self._starts[i], self._ends[i], self.tags[i]) for i in range(first, last) if self._ends[i] > start]


@dataclass(frozen=True, slots=True)
class Insertion:
    """A label shown in the display text but absent from the body (a quotation's speaker)."""

    body_pos: int
    label: str


class ArticleLayout:
    """The display text of one article and its screen lines at one width (``reflow`` changes the width)."""

    def __init__(self, article: Article, insertions: Sequence[Insertion] = ()) -> None:
        self.article = article
        meta = meta_text(article)
        title = article.title.replace("\t", " ") or "(untitled)"
        head = title + "\n" + (meta + "\n" if meta else "")
        self._title_range = (0, len(title))
        self._meta_range = (len(title) + 1, len(title) + 1 + len(meta)) if meta else None
        self.body_base = len(head)
        body = article.body.replace("\t", " ")  # one cell for one character keeps offsets and widths equal
        ordered = sorted(insertions, key=lambda i: i.body_pos)
        chunks = [head]
        self._ins_pos: list[int] = []
        self._ins_cum: list[int] = []
        self.label_ranges: list[tuple[int, int]] = []
        last, shift = 0, 0
        for ins in ordered:
            chunks.append(body[last : ins.body_pos])
            at = self.body_base + ins.body_pos + shift
            chunks.append(ins.label)
            self.label_ranges.append((at, at + len(ins.label)))
            shift += len(ins.label)
            self._ins_pos.append(ins.body_pos)
            self._ins_cum.append(shift)
            last = ins.body_pos
        chunks.append(body[last:])
        self.text = "".join(chunks)
        from tui_reader.core.model import Block

        blocks = article.blocks or tuple(Block("paragraph", s, e) for s, e in article.paragraphs())
        self.blocks: tuple[Block, ...] = blocks
        self.width = 0
        self.starts = array("q")
        self.ends = array("q")
        self.kinds = bytearray()

    def to_display(self, pos: int, *, before_labels: bool = False) -> int:
        """Map a body offset to the display text; ``before_labels`` for a range end (labels at pos excluded)."""
        k = bisect_left(self._ins_pos, pos) if before_labels else bisect_right(self._ins_pos, pos)
        return self.body_base + pos + (self._ins_cum[k - 1] if k else 0)

    def to_body(self, display_pos: int) -> int:
        """Map a display offset back to the body (a position inside a label maps to the label's place)."""
        pos = display_pos - self.body_base
        for k, (start, end) in enumerate(self.label_ranges):
            if display_pos < start:
                break
            if display_pos < end:
                return self._ins_pos[k]
            pos = display_pos - self.body_base - self._ins_cum[k]
        return max(0, pos)

    def reflow(self, width: int) -> None:
        """Compute the screen lines for ``width`` cells (fast: offsets only, one ``rfind`` a line)."""
        width = max(8, width)
        self.width = width
        ranges: list[tuple[int, int]] = []
        kinds = bytearray()

        def add(start: int, end: int, kind: LineKind, cells: int) -> None:
            before = len(ranges)
            wrap(self.text, start, end, cells, ranges)
            kinds.extend(bytes([kind]) * (len(ranges) - before))

        def blank() -> None:
            at = ranges[-1][1] if ranges else 0
            ranges.append((at, at))
            kinds.append(LineKind.BLANK)

        add(*self._title_range, LineKind.TITLE, width)
        if self._meta_range:
            add(*self._meta_range, LineKind.META, width)
        for block in self.blocks:
            blank()
            kind = BLOCK_KINDS.get(block.kind, LineKind.PARAGRAPH)
            start = self.to_display(block.start)
            end = self.to_display(block.end)
            add(start, end, kind, width - POST_INDENT if kind == LineKind.POST else width)
        self.starts = array("q", (r[0] for r in ranges))
        self.ends = array("q", (r[1] for r in ranges))
        self.kinds = kinds

    def __len__(self) -> int:
        return len(self.starts)

    def line(self, y: int) -> tuple[int, int, LineKind]:
        """``(start, end, kind)`` of screen line ``y``."""
        return self.starts[y], self.ends[y], LineKind(self.kinds[y])

    def line_of(self, display_pos: int) -> int:
        """The screen line that shows ``display_pos`` (or the nearest one before it)."""
        y = bisect_right(self.starts, display_pos) - 1
        while y > 0 and self.kinds[y] == LineKind.BLANK:
            y -= 1
        return max(0, y)


def meta_text(article: Article) -> str:
    """The "outlet · by byline · date · in section" line under a title (only the parts that are known); when
    none is, where the article comes from: its web site or folder as the list shows it ("business · file
    001.txt"), else "source unknown · file 002_62dd9d57e05a8388.txt"."""
    parts = [p for p in (article.outlet, article.byline and f"by {article.byline}", article.date) if p]
    if article.section:
        parts.append(f"in {article.section}")
    if not parts and article.path:
        from tui_reader.library import UNKNOWN_SOURCE, Entry

        source = Entry.of(article).source or UNKNOWN_SOURCE
        parts = [source, f"file {article.path.replace(chr(92), '/').rpartition('/')[2]}"]
    return " · ".join(parts).replace("\n", " ").replace("\t", " ")


def speaker_insertions(body: str, quotes: Iterable[tuple[int, str]]) -> list[Insertion]:
    """Labels "— Speaker" placed after each quotation's closing marks; ``quotes`` are ``(end, speaker)``."""
    out = []
    for end, speaker in quotes:
        pos = end
        while pos < len(body) and body[pos] in CLOSING_MARKS:
            pos += 1
        out.append(Insertion(pos, f" — {speaker}"))
    return out

"""Compare layout: a ``Comparison`` as aligned rows and, for one width, as screen lines of two sides.

Plain Python (no Textual). A row is one aligned pair, or a sentence only one side has; a pair's sentences
start on the same screen line, and the side without a counterpart stands blank, marked "only in A/B".
Side by side when there is room, else stacked (A over B) per row. Offsets are into each article's body.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from tui_reader.widgets.article_layout import RangeIndex
from tui_reader.widgets.linebreak import wrap

if TYPE_CHECKING:
    from tui_reader.core.model import Article, Comparison, Sentence

RowKind = Literal["same", "paraphrase", "only_left", "only_right"]
SIDE_BY_SIDE_MIN = 110
"""Below this many cells, rows are stacked (left over right) instead of side by side."""
GUTTER = 3
"""Cells between the two columns: a space, the row's mark, a space."""
MAX_COLUMN = 96
"""Widest a side-by-side column gets: past this, lines are too long to read (a 250-column terminal centres
two columns of this width)."""
MAX_STACKED = 100
"""Widest a stacked line gets (the reader's measure)."""
MARKS = {"same": "=", "paraphrase": "≈", "only_left": "◀", "only_right": "▶"}

# Highlight tags inside a side's text.
ONLY_HERE, CONFLICT, FIGURE_ONLY_HERE = range(3)


@dataclass(frozen=True, slots=True)
class Row:
    """One aligned row: sentence indices of the left and right side (either may be empty)."""

    kind: RowKind
    left: tuple[int, ...]
    right: tuple[int, ...]
    score: float = 0.0

    @property
    def is_difference(self) -> bool:
        """Anything but an identical pair: where ``]`` and ``[`` stop."""
        return self.kind != "same"


@dataclass
class Side:
    """One article as a compare column: its sentences and which body ranges to highlight."""

    article: Article
    sentences: tuple[Sentence, ...]
    highlights: RangeIndex = field(default_factory=RangeIndex)
    label: str = "A"


@dataclass(frozen=True, slots=True)
class Piece:
    """What one column shows on one screen line: body text, a marker, or nothing."""

    start: int = 0
    end: int = 0
    marker: str = ""
    label: str = ""  # "A " / "B " in front of the first line of a stacked side
    kind: str = "paragraph"  # the sentence's kind: headings, captions and page furniture are drawn apart


@dataclass(frozen=True, slots=True)
class Line:
    """One screen line: the row it belongs to, and the left/right pieces (stacked lines use ``left`` only)."""

    row: int
    left: Piece | None
    right: Piece | None
    side: int = 0  # stacked: 0 shows the left article, 1 the right one
    first: bool = False


def build_rows(comparison: Comparison, swapped: bool = False) -> tuple[Side, Side, list[Row]]:
    """The two sides (left is A unless ``swapped``) and the aligned rows.

    Pairs stand in the left side's order. A sentence only the left side has stays in that order between
    them; a sentence only the right side has goes after the pair that holds the right sentence before it
    (so it stands beside its neighbours, not in a block at the end). Between two pairs, the left's and the
    right's unmatched sentences are interleaved by their place in that stretch, each side in its own order.
    """
    a = Side(comparison.a, tuple(comparison.sentences_a), label="A")
    b = Side(comparison.b, tuple(comparison.sentences_b), label="B")
    pairs = [(tuple(p.a), tuple(p.b), p) for p in comparison.pairs]
    only_left, only_right = sorted(comparison.only_a), sorted(comparison.only_b)
    if swapped:
        a, b = b, a
        pairs = [(pb, pa, p) for pa, pb, p in pairs]
        only_left, only_right = only_right, only_left
    _add_highlights(comparison, a, b, swapped)

    anchors = sorted((p for p in pairs if p[0] and p[1]), key=lambda p: min(p[0]))
    starts = [min(left) for left, _, _ in anchors]
    anchor_of = {j: k for k, (_, right, _) in enumerate(anchors) for j in right}
    paired_right = sorted(anchor_of)
    gaps_left: list[list[int]] = [[] for _ in range(len(anchors) + 1)]
    gaps_right: list[list[int]] = [[] for _ in range(len(anchors) + 1)]
    for i in only_left:
        gaps_left[bisect_right(starts, i)].append(i)
    for j in only_right:
        before = bisect_right(paired_right, j) - 1
        gaps_right[anchor_of[paired_right[before]] + 1 if before >= 0 else 0].append(j)

    rows: list[Row] = []
    for k in range(len(anchors) + 1):
        rows.extend(_interleave(gaps_left[k], gaps_right[k]))
        if k < len(anchors):
            left, right, pair = anchors[k]
            kind: RowKind = "same" if pair.kind == "same" else "paraphrase"
            rows.append(Row(kind, left, right, float(pair.score)))
    return a, b, rows


def _interleave(left: list[int], right: list[int]) -> list[Row]:
    """Unmatched sentences of one stretch, left's and right's merged by their relative place in it."""
    keyed = [((n + 0.5) / len(left), 0, Row("only_left", (i,), ())) for n, i in enumerate(left)]
    keyed += [((n + 0.5) / len(right), 1, Row("only_right", (), (j,))) for n, j in enumerate(right)]
    return [row for _, _, row in sorted(keyed, key=lambda item: (item[0], item[1]))]


def _add_highlights(comparison: Comparison, left: Side, right: Side, swapped: bool) -> None:
    """Words only one side uses (from the pair diffs) and figures that conflict or that one side lacks."""
    left_ranges: list[tuple[int, int, int]] = []
    right_ranges: list[tuple[int, int, int]] = []
    for pair in comparison.pairs:
        for op in pair.diff:
            if op.op in ("delete", "replace") and op.a_end > op.a_start:
                (right_ranges if swapped else left_ranges).append((op.a_start, op.a_end, ONLY_HERE))
            if op.op in ("insert", "replace") and op.b_end > op.b_start:
                (left_ranges if swapped else right_ranges).append((op.b_start, op.b_end, ONLY_HERE))
    figures = comparison.figures
    a_ranges, b_ranges = (right_ranges, left_ranges) if swapped else (left_ranges, right_ranges)
    for conflict in figures.conflicts:
        a_ranges.append((conflict.a.span.start, conflict.a.span.end, CONFLICT))
        b_ranges.append((conflict.b.span.start, conflict.b.span.end, CONFLICT))
    a_ranges.extend((n.span.start, n.span.end, FIGURE_ONLY_HERE) for n in figures.only_a)
    b_ranges.extend((n.span.start, n.span.end, FIGURE_ONLY_HERE) for n in figures.only_b)
    left.highlights = RangeIndex(left_ranges)
    right.highlights = RangeIndex(right_ranges)


class CompareLayout:
    """Rows of a comparison as screen lines for one total width (side by side, or stacked when narrow)."""

    def __init__(self, left: Side, right: Side, rows: list[Row]) -> None:
        self.left, self.right, self.rows = left, right, rows
        self.lines: list[Line] = []
        self.row_tops: list[int] = []
        self.width = 0
        self.used = 0
        self.column = 0
        self.stacked = False

    def reflow(self, width: int) -> None:
        """Lay the rows out for ``width`` cells."""
        self.width = max(20, width)
        self.stacked = self.width < SIDE_BY_SIDE_MIN
        if self.stacked:
            self.column = min(MAX_STACKED, self.width - 2)
            self.used = self.column + 2
        else:
            self.column = min(MAX_COLUMN, (self.width - GUTTER) // 2)
            self.used = 2 * self.column + GUTTER
        self.lines, self.row_tops = [], []
        for index, row in enumerate(self.rows):
            self.row_tops.append(len(self.lines))
            if self.stacked:
                self._stack(index, row)
            else:
                self._side_by_side(index, row)
            self.lines.append(Line(index, None, None))  # a blank line between rows

    def _pieces(self, side: Side, sentences: tuple[int, ...], width: int) -> list[Piece]:
        pieces: list[Piece] = []
        for k, s in enumerate(sentences):
            sentence = side.sentences[s]
            kind = getattr(sentence, "kind", "paragraph")
            if k:
                pieces.append(Piece(sentence.start, sentence.start))  # keep the split sentences apart
            ranges: list[tuple[int, int]] = []
            wrap(side.article.body, sentence.start, sentence.end, width, ranges)
            pieces.extend(Piece(start, end, kind=kind) for start, end in ranges)
        return pieces

    def _side_by_side(self, index: int, row: Row) -> None:
        left = self._pieces(self.left, row.left, self.column)
        right = self._pieces(self.right, row.right, self.column)
        if not left:
            left = [Piece(marker=f"only in {self.right.label}")]
        if not right:
            right = [Piece(marker=f"only in {self.left.label}")]
        for k in range(max(len(left), len(right))):
            self.lines.append(
                Line(index, left[k] if k < len(left) else None, right[k] if k < len(right) else None, first=k == 0)
            )

    def _stack(self, index: int, row: Row) -> None:
        first = True
        for side_no, (side, sentences) in enumerate(((self.left, row.left), (self.right, row.right))):
            for k, piece in enumerate(self._pieces(side, sentences, self.column)):
                labelled = Piece(piece.start, piece.end, piece.marker, side.label if k == 0 else "", piece.kind)
                self.lines.append(Line(index, labelled, None, side=side_no, first=first))
                first = False
        if not (row.left and row.right):  # one side's sentence stands alone: say so under it
            shown = self.left if row.left else self.right
            self.lines.append(Line(index, Piece(marker=f"only in {shown.label}"), None, side=0 if row.left else 1))

    def __len__(self) -> int:
        return len(self.lines)

    def row_at(self, line: int) -> int:
        """The row shown on screen line ``line``."""
        return max(0, bisect_right(self.row_tops, line) - 1)

    def row_of_sentence(self, side: int, sentence: int) -> int | None:
        """The row holding sentence ``sentence`` of the left (0) or right (1) side."""
        for index, row in enumerate(self.rows):
            if sentence in (row.left if side == 0 else row.right):
                return index
        return None

"""The comparison part of the data model: sentences, word diffs, aligned pairs, figure and quote differences.

Frozen dataclasses like the rest of :mod:`tui_reader.core.model`, which re-exports them (import them from
there). They live apart because building a frozen dataclass costs about 0.7 ms at import: the commands that
compare nothing (``newsreader search``, ``show``) should not pay for these nine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from tui_reader.core.model import Article, SentenceKind, Span

DiffOpKind = Literal["equal", "delete", "insert", "replace"]
PairKind = Literal["same", "paraphrase"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article: ``body[start:end] == text``.

    ``kind`` is the kind of block it stands in (a heading, an embedded post or a caption are sentences of
    their own kind), or the kind of page furniture it is ("byline", "credit", "signature", "furniture": not
    the account's prose, never aligned); ``block`` is that block's index in the article's paragraphs, so a
    view can keep paragraphs together.
    """

    start: int
    end: int
    text: str
    kind: SentenceKind = "paragraph"
    block: int = 0


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One run of a word-level diff between the two sides of an aligned pair.

    ``op`` is "equal", "delete" (only in A), "insert" (only in B) or "replace"; ``a_text`` is
    ``a.body[a_start:a_end]`` and ``b_text`` is ``b.body[b_start:b_end]`` (empty with ``start == end`` on the
    side that has nothing). "equal" runs may still differ in case or quote marks ("Nato" / "NATO").
    """

    op: DiffOpKind
    a_text: str
    b_text: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass(frozen=True, slots=True)
class Pair:
    """Sentences of A aligned with sentences of B that carry the same content.

    ``a`` and ``b`` are sentence indices in order (one each, or two on the side that split a sentence or said
    in two sentences what the other says in one: usually consecutive, not always); ``score`` is the similarity
    in [0, 1]; ``kind`` is "same" when the wording barely differs, else "paraphrase"; ``diff`` is the
    word-level diff from A's wording to B's.
    """

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float
    kind: PairKind
    diff: tuple[DiffOp, ...] = ()


@dataclass(frozen=True, slots=True)
class FigureNote:
    """A figure span of one article with the index of the sentence that holds it."""

    span: Span
    sentence: int


@dataclass(frozen=True, slots=True)
class FigurePair:
    """A figure of A and a figure of B that count the same thing; ``why`` says how they disagree (if they do)."""

    a: FigureNote
    b: FigureNote
    why: str = ""


@dataclass(frozen=True, slots=True)
class FigureDiff:
    """Figures of both accounts: the same value for the same thing, one side only, or in conflict."""

    shared: tuple[FigurePair, ...] = ()
    only_a: tuple[FigureNote, ...] = ()
    only_b: tuple[FigureNote, ...] = ()
    conflicts: tuple[FigurePair, ...] = ()


@dataclass(frozen=True, slots=True)
class QuotePair:
    """The same quotation in both accounts, possibly worded differently; ``diff`` is its word-level diff."""

    a: Span
    b: Span
    speaker: str | None
    score: float
    diff: tuple[DiffOp, ...] = ()


@dataclass(frozen=True, slots=True)
class QuoteDiff:
    """Quotations of both accounts: shared (with speaker and wording diff) and one side only."""

    shared: tuple[QuotePair, ...] = ()
    only_a: tuple[Span, ...] = ()
    only_b: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two accounts of one story compared: sentence alignment, word diffs, figure and quote differences.

    ``only_a`` / ``only_b`` are indices of sentences without a counterpart, in text order.
    """

    a: Article
    b: Article
    sentences_a: tuple[Sentence, ...]
    sentences_b: tuple[Sentence, ...]
    pairs: tuple[Pair, ...]
    only_a: tuple[int, ...]
    only_b: tuple[int, ...]
    figures: FigureDiff = field(default_factory=FigureDiff)
    quotes: QuoteDiff = field(default_factory=QuoteDiff)

"""The data model shared by every layer: frozen dataclasses, offsets into ``Article.body``.

Every view slices and styles the same ``body`` string with these offsets, so a span is only valid for
the article it came from and always satisfies ``body[start:end] == text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "post", "caption"]
SentenceKind = Literal["heading", "paragraph", "post", "caption", "byline", "credit", "signature", "furniture"]
"""A sentence's kind: its block's, or page furniture (core/furniture.py) that compare does not align."""
SpanKind = Literal["quote", "figure", "match", "term"]


@dataclass(frozen=True, slots=True)
class Block:
    """A structural piece of an article body: ``body[start:end]`` is its text.

    ``post`` blocks are embedded social posts; ``author``/``handle``/``date`` come from their signature line
    ("— Name (@handle) Date"), which stays inside the block.
    """

    kind: BlockKind
    start: int
    end: int
    author: str | None = None
    handle: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One news article: clean text plus metadata.

    ``id`` is the path relative to the corpus root without its extension (or a record's own id inside a JSONL
    or feed file); ``body`` is what the user reads, paragraphs separated by one blank line; ``blocks`` tile the
    paragraphs of ``body`` in order and say what each one is.
    """

    id: str
    path: str
    title: str
    body: str
    outlet: str | None = None
    byline: str | None = None
    date: str | None = None
    url: str | None = None
    section: str | None = None
    blocks: tuple[Block, ...] = ()

    def paragraphs(self) -> list[tuple[int, int]]:
        """Return ``(start, end)`` of every paragraph of ``body`` (from ``blocks`` when present)."""
        if self.blocks:
            return [(b.start, b.end) for b in self.blocks]
        spans: list[tuple[int, int]] = []
        pos = 0
        for part in self.body.split("\n\n"):
            if part:
                spans.append((pos, pos + len(part)))
            pos += len(part) + 2
        return spans


@dataclass(frozen=True, slots=True)
class Span:
    """A highlighted range of ``Article.body``.

    ``kind`` is "quote" (with ``speaker``), "term" (scare quotes around a word or two), "figure" (with
    ``figure_kind``, ``value``, ``unit``, ``qualifier``) or "match" (a search hit).
    """

    kind: SpanKind
    start: int
    end: int
    text: str
    speaker: str | None = None
    figure_kind: str | None = None
    value: float | int | str | None = None
    unit: str | None = None
    qualifier: str | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: the article's metadata, its score, and every match as offsets into its body."""

    id: str
    path: str
    title: str
    outlet: str | None
    date: str | None
    score: float
    matches: tuple[Span, ...] = ()
    snippet: str = ""
    snippet_start: int = 0
    """Offset in ``body`` of the snippet's first character (after a leading "…"), to style matches in it."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file (or a record inside one) that could not be read, with a one-line human reason."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class SearchResult:
    """A whole search: the hits in rank order, how many matched in all, and how long the search took."""

    query: str
    total: int
    took_ms: float
    hits: tuple[Hit, ...] = field(default_factory=tuple)
    notice: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What a list of articles shows, known without reading the article's file (from the index)."""

    id: str
    path: str
    title: str
    outlet: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class UpdateReport:
    """What an index update did: file counts, the articles indexed, what was skipped and why.

    ``added`` / ``changed`` / ``removed`` / ``unchanged`` count files; ``rebuilt`` is True when the whole index
    was built afresh; ``notice`` is one line when the index had to heal or fall back to memory.
    """

    files: int
    articles: int
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: tuple[Skipped, ...] = ()
    rebuilt: bool = False
    seconds: float = 0.0
    notice: str | None = None


# --- Comparison of two accounts (tui_reader.core.compare) ---------------------------------------------------

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

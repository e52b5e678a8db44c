"""The data model shared by every layer: frozen dataclasses, offsets into ``Article.body``.

Every view slices and styles the same ``body`` string with these offsets, so a span is only valid for
the article it came from and always satisfies ``body[start:end] == text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

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


# The comparison's classes are built on first use (see comparison_model.py); ``from tui_reader.core.model
# import Comparison`` works as for the others.
_COMPARISON = frozenset(
    {
        "DiffOpKind",
        "PairKind",
        "Sentence",
        "DiffOp",
        "Pair",
        "FigureNote",
        "FigurePair",
        "FigureDiff",
        "QuotePair",
        "QuoteDiff",
        "Comparison",
    }
)

if TYPE_CHECKING:  # for type checkers and readers: the names this module gives on first use
    from tui_reader.core.comparison_model import (  # noqa: F401
        Comparison,
        DiffOp,
        DiffOpKind,
        FigureDiff,
        FigureNote,
        FigurePair,
        Pair,
        PairKind,
        QuoteDiff,
        QuotePair,
        Sentence,
    )


def __getattr__(name: str) -> object:
    """The comparison's classes, imported on first use (PEP 562)."""
    if name in _COMPARISON:
        from tui_reader.core import comparison_model

        return getattr(comparison_model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

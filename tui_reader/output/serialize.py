"""The JSON contract of DESIGN.md: plain dicts built from core objects, nothing else decides the shape."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from tui_reader.core.model import Article, Hit, SearchResult, Span

if TYPE_CHECKING:
    from tui_reader.core.model import Comparison, DiffOp, FigureNote, Sentence


def quote_json(span: Span) -> dict[str, Any]:
    """A quote span as ``{"start", "end", "text", "speaker"}``."""
    return {"start": span.start, "end": span.end, "text": span.text, "speaker": span.speaker}


def figure_json(span: Span) -> dict[str, Any]:
    """A figure span as ``{"start", "end", "text", "kind", "value", "unit", "qualifier"}``."""
    return {
        "start": span.start,
        "end": span.end,
        "text": span.text,
        "kind": span.figure_kind,
        "value": span.value,
        "unit": span.unit,
        "qualifier": span.qualifier,
    }


def article_json(article: Article, spans: Iterable[Span] = ()) -> dict[str, Any]:
    """``newsreader show --json``: the article, its quotes and its figures."""
    spans = list(spans)
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "outlet": article.outlet,
        "byline": article.byline,
        "date": article.date,
        "body": article.body,
        "quotes": [quote_json(s) for s in spans if s.kind == "quote"],
        "figures": [figure_json(s) for s in spans if s.kind == "figure"],
    }


def hit_json(hit: Hit) -> dict[str, Any]:
    """One search hit: metadata, score, match offsets into the article body, and a one-line snippet."""
    return {
        "id": hit.id,
        "path": hit.path,
        "title": hit.title,
        "outlet": hit.outlet,
        "date": hit.date,
        "score": round(hit.score, 4),
        "matches": [{"start": m.start, "end": m.end, "text": m.text} for m in hit.matches],
        "snippet": hit.snippet,
    }


def search_json(result: SearchResult) -> dict[str, Any]:
    """``newsreader search --json``: ``took_ms`` is the search itself, in-process."""
    return {
        "query": result.query,
        "total": result.total,
        "took_ms": round(result.took_ms, 2),
        "hits": [hit_json(h) for h in result.hits],
    }


def write_json(data: Any) -> None:
    """Print one JSON document to stdout (UTF-8, control characters escaped by the encoder)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
    sys.stdout.write("\n")


def sentence_json(sentences: Sequence[Sentence], index: int) -> dict[str, Any]:
    """A sentence as ``{"index", "start", "end", "text", "kind"}`` (``kind``: the block it stands in)."""
    s = sentences[index]
    return {"index": index, "start": s.start, "end": s.end, "text": s.text, "kind": s.kind}


def _figure_note_json(note: FigureNote, sentences: Sequence[Sentence]) -> dict[str, Any]:
    return {**figure_json(note.span), "sentence": sentence_json(sentences, note.sentence)}


def diff_json(ops: Iterable[DiffOp]) -> list[list[str]]:
    """A word diff as ``[[op, a_text, b_text], ...]``."""
    return [[op.op, op.a_text, op.b_text] for op in ops]


def comparison_json(cmp: Comparison) -> dict[str, Any]:
    """``newsreader compare --json``: DESIGN.md's shape (sentences and figures carry their offsets too)."""

    def side(article: Article) -> dict[str, Any]:
        return {"id": article.id, "title": article.title, "outlet": article.outlet, "date": article.date}

    sa, sb = cmp.sentences_a, cmp.sentences_b
    figures = cmp.figures
    return {
        "a": side(cmp.a),
        "b": side(cmp.b),
        "pairs": [
            {
                "a": [sentence_json(sa, i) for i in p.a],
                "b": [sentence_json(sb, j) for j in p.b],
                "score": p.score,
                "kind": p.kind,
                "diff": diff_json(p.diff),
            }
            for p in cmp.pairs
        ],
        "only_a": [sentence_json(sa, i) for i in cmp.only_a],
        "only_b": [sentence_json(sb, j) for j in cmp.only_b],
        "figures": {
            "shared": [{"a": _figure_note_json(p.a, sa), "b": _figure_note_json(p.b, sb)} for p in figures.shared],
            "only_a": [_figure_note_json(n, sa) for n in figures.only_a],
            "only_b": [_figure_note_json(n, sb) for n in figures.only_b],
            "conflicts": [
                {"a": _figure_note_json(p.a, sa), "b": _figure_note_json(p.b, sb), "why": p.why}
                for p in figures.conflicts
            ],
        },
        "quotes": {
            "shared": [
                {
                    "a": quote_json(q.a),
                    "b": quote_json(q.b),
                    "speaker": q.speaker,
                    "score": q.score,
                    "diff": diff_json(q.diff),
                }
                for q in cmp.quotes.shared
            ],
            "only_a": [quote_json(q) for q in cmp.quotes.only_a],
            "only_b": [quote_json(q) for q in cmp.quotes.only_b],
        },
    }

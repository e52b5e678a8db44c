"""The JSON contract of DESIGN.md: plain dicts built from core objects, nothing else decides the shape."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any

from tui_reader.core.model import Article, Hit, SearchResult, Span


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

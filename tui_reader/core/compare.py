"""Two accounts of one story compared: the public entry point of compare (plain Python, no UI).

``compare(a, b)`` splits both articles into sentences (page furniture such as bylines, credits and a post's
signature gets its own kind, ``furniture.py``, and is not aligned), aligns them (``align.py``), diffs the
wording of every aligned pair, and compares their figures and quotations (``facts.py``) using the spans
annotation found. ``rank_candidates`` / ``best_match`` (``stories.py``) find the other accounts of an article's
story, over loaded articles or with a search index's ``similar()`` as the first cut; the CLI's
``newsreader compare A`` (``output/compare.closest_account``) and the TUI's ``c`` key both use them.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui_reader.core.align import align, unmatched
from tui_reader.core.facts import compare_figures, compare_quotes, post_quotes
from tui_reader.core.model import Article, Comparison, Span
from tui_reader.core.sentences import split_sentences
from tui_reader.core.stories import best_match, rank_candidates

__all__ = ["annotations", "best_match", "compare", "rank_candidates", "split_sentences"]


def annotations(article: Article) -> list[Span]:
    """Quote and figure spans of ``article`` from the annotation module (none while it is not installed)."""
    try:
        from tui_reader.core.annotate import annotate
    except ImportError:
        return []
    return list(annotate(article))


def compare(
    a: Article,
    b: Article,
    *,
    spans_a: Sequence[Span] | None = None,
    spans_b: Sequence[Span] | None = None,
) -> Comparison:
    """Compare two articles: aligned sentence pairs with word diffs, unmatched sentences, figures and quotes.

    ``spans_a`` / ``spans_b`` are the articles' quote and figure spans; when omitted they come from
    annotation. Never raises on any pair of articles (empty ones give an empty comparison).
    """
    sentences_a = tuple(split_sentences(a))
    sentences_b = tuple(split_sentences(b))
    pairs = tuple(align(a.body, sentences_a, b.body, sentences_b))
    spans_a = annotations(a) if spans_a is None else list(spans_a)
    spans_b = annotations(b) if spans_b is None else list(spans_b)
    figures = compare_figures(a, sentences_a, spans_a, b, sentences_b, spans_b, pairs)
    quotes = compare_quotes(a, _with_posts(a, spans_a), b, _with_posts(b, spans_b))
    return Comparison(
        a=a,
        b=b,
        sentences_a=sentences_a,
        sentences_b=sentences_b,
        pairs=pairs,
        only_a=unmatched(pairs, len(sentences_a), "a"),
        only_b=unmatched(pairs, len(sentences_b), "b"),
        figures=figures,
        quotes=quotes,
    )


def _with_posts(article: Article, spans: Sequence[Span]) -> list[Span]:
    """The article's quotes plus its embedded posts (a post is its author's words), without overlaps."""
    quotes = [s for s in spans if s.kind == "quote"]
    for post in post_quotes(article):
        if not any(q.start < post.end and post.start < q.end for q in quotes):
            quotes.append(post)
    return sorted(quotes, key=lambda s: (s.start, s.end))

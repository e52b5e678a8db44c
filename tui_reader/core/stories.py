"""Story matching: which other articles of a corpus report the same story as this one, best first.

Evidence, combined into one score in [0, 1]:
- the words of title and lead (TF-IDF cosine over the pool, title words counted twice) — or, with a search
  index, its more-like-this candidates re-scored the same way;
- names shared (capitalised words inside sentences), figures shared (numbers of two digits or more);
- closeness of the dates (same day 1, a week apart about 0.1, unknown 0.5).
``best_match`` returns the top article only when its score reaches ``MIN_STORY_SCORE``: a lone article has no
other account, and comparing it with an unrelated one would only confuse.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Protocol, runtime_checkable

from tui_reader.core.figures import NUMBER_RE, canonical_number
from tui_reader.core.model import Article
from tui_reader.core.sentences import split_text
from tui_reader.core.terms import STOPWORDS, content_terms, stem, tokens

LEAD_WORDS = 120
"""How many words of the body count as the lead."""
MIN_STORY_SCORE = 0.12
"""The least score at which two articles are taken for the same story (calibrated on same-story groups)."""
SHORTLIST = 200
"""Larger pools are first cut to this many articles by plain shared words (see ``_shortlist``)."""
_QUICK_CHARS = 800
_ALPHA = re.compile(r"[a-z]{3,}")
WEIGHTS = {"text": 0.7, "names": 0.15, "figures": 0.05, "date": 0.1}
"""How much each kind of evidence counts."""


@runtime_checkable
class StoryIndex(Protocol):
    """What story matching needs from a search index (``SearchIndex`` has it)."""

    def similar(self, article_id: str, limit: int = 10) -> list[tuple[str, float]]:
        """More-like-this: ids of articles like this one, with scores."""
        ...

    def load(self, article_id: str) -> Article | None:
        """Read one article."""
        ...


class _Profile:
    """What story matching compares of one article."""

    __slots__ = ("date", "docs", "names", "numbers", "terms")

    def __init__(self, article: Article) -> None:
        lead = _lead(article.body)
        title_terms = content_terms(article.title)
        # The title and each sentence of the lead are documents for the document frequencies: with a pool of
        # two articles, whole articles as documents would make every shared word worthless.
        lead_docs = [content_terms(lead, s, e) for s, e in split_text(lead)]
        self.docs = [set(title_terms)] + [set(d) for d in lead_docs]
        self.terms: Counter[str] = Counter(title_terms * 2 + [t for d in lead_docs for t in d])
        self.names = frozenset(_names(article.title) | _names(lead))
        self.numbers = frozenset(
            n for n in (canonical_number(m.group()) for m in NUMBER_RE.finditer(article.body)) if n and len(n) >= 2
        )
        self.date = _parse(article.date)


_WORD = re.compile(r"\w+")


def _lead(body: str) -> str:
    for n, m in enumerate(_WORD.finditer(body), start=1):
        if n >= LEAD_WORDS:
            return body[: m.end()]
    return body


def _names(text: str) -> set[str]:
    toks = tokens(text)
    out: set[str] = set()
    for n, tok in enumerate(toks):
        raw = text[tok.start : tok.end]
        previous = toks[n - 1].norm if n else "."
        if tok.kind == "word" and raw[:1].isupper() and previous not in (".", "!", "?", '"') and len(raw) > 2:
            out.add(stem(tok.norm.replace("'", "")))
    return out


def _parse(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def _date_closeness(a: date | None, b: date | None) -> float:
    if a is None or b is None:
        return 0.5
    return math.exp(-abs((a - b).days) / 3)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _score_all(target: _Profile, others: Sequence[_Profile]) -> list[float]:
    df: Counter[str] = Counter()
    for p in (target, *others):
        for doc in p.docs:
            df.update(doc)
    n = sum(len(p.docs) for p in (target, *others))

    def vec(p: _Profile) -> dict[str, float]:
        v = {t: (1 + math.log(c)) * math.log((n + 1) / (df[t] + 0.5)) for t, c in p.terms.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}

    tv = vec(target)
    out = []
    for p in others:
        pv = vec(p)
        cos = sum(x * pv.get(t, 0.0) for t, x in tv.items())
        score = (
            WEIGHTS["text"] * cos
            + WEIGHTS["names"] * _jaccard(target.names, p.names)
            + WEIGHTS["figures"] * _jaccard(target.numbers, p.numbers)
            + WEIGHTS["date"] * _date_closeness(target.date, p.date)
        )
        out.append(round(score, 4))
    return out


def rank_candidates(article: Article, pool: Iterable[Article] | StoryIndex, limit: int = 10) -> list[tuple[str, float]]:
    """Other articles of ``pool`` ranked by how likely they report the same story as ``article``, best first.

    ``pool`` is the loaded articles (scored in memory) or a search index (its ``similar()`` candidates are
    re-scored). The article itself, and articles with the same body, are never candidates.
    """
    return [(a.id, s) for a, s in _ranked(article, pool, limit)]


def _ranked(article: Article, pool: Iterable[Article] | StoryIndex, limit: int) -> list[tuple[Article, float]]:
    if isinstance(pool, StoryIndex):
        found = [pool.load(i) for i, _ in pool.similar(article.id, limit=max(limit, 30))]
        others = [a for a in found if a is not None]
    else:
        others = list(pool)
    others = [a for a in others if a.id != article.id and a.body != article.body]
    if not others:
        return []
    if len(others) > SHORTLIST:
        others = _shortlist(article, others)
    scores = _score_all(_Profile(article), [_Profile(a) for a in others])
    ranked = sorted(zip(others, scores, strict=True), key=lambda pair: (-pair[1], pair[0].id))
    return ranked[:limit]


def quick_words(article: Article) -> set[str]:
    """The plain words (three letters or more, no stop words) of the title and the start of the body: what a
    cheap first pass compares to find candidate accounts (here and in grouping.py)."""
    return {
        w for w in _ALPHA.findall((article.title + " " + article.body[:_QUICK_CHARS]).lower()) if w not in STOPWORDS
    }


def _shortlist(article: Article, others: list[Article]) -> list[Article]:
    """The ``SHORTLIST`` articles sharing most plain words with this one's title and lead (a cheap first pass
    so that a corpus of thousands is scored in well under a second)."""
    mine = quick_words(article)
    overlap = [(len(mine & quick_words(a)), n) for n, a in enumerate(others)]
    overlap.sort(key=lambda x: (-x[0], x[1]))
    return [others[n] for _, n in overlap[:SHORTLIST]]


def best_match(
    article: Article, pool: Iterable[Article] | StoryIndex, *, min_score: float = MIN_STORY_SCORE
) -> tuple[Article, float] | None:
    """The closest other account of ``article``'s story and its score, or None when nothing is close enough."""
    ranked = _ranked(article, pool, 1)
    if not ranked or ranked[0][1] < min_score:
        return None
    return ranked[0]

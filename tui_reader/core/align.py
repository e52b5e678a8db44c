"""Sentence alignment of two accounts and word-level diffs of the aligned pairs.

The method follows what worked on comparable news texts:
- similarity is TF-IDF cosine over content terms, with each sentence of both articles as its own document for
  the IDF (Nelken & Shieber, EACL 2006), so a word that only two sentences share weighs most; numbers, dates
  and number words are normalised first ("Aug. 9" = "August 9th", "two" = 2), figures weigh extra;
- links are made greedily, best score first, each sentence at most once (greedy linking beat optimal bipartite
  matching for document alignment, Buck & Koehn, WMT16), in any order because outlets reorder;
- a link then grows to one-to-two when one side split the sentence: the neighbour joins if the merged pair
  scores clearly better (as MASSAlign and CATS allow one-to-many);
- pairs under ``THRESHOLD`` are not the same content and stay unmatched.
Which candidate pairs are "the same content" is decided by a small logistic model over the cosine and what
surrounds it (margins over each sentence's next best partner, shared figures, shared terms, coverage, the
neighbours' similarity), fitted on hand-checked pairs of real articles (tests/data/alignments.json) by
bench/calibrate_alignment.py. Measured on 12 real pairs: precision 0.91, recall 0.53-0.54 (leave-one-pair-out
and in sample), against 1.00 / 0.20 for a line diff (difflib over the sentences). Recall is bounded by words:
paraphrases that share no content word ("homeless families were sheltered in gyms" / "50 elderly people spent
the night in a sports facility") stay apart.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from tui_reader.core.model import DiffOp, Pair, Sentence
from tui_reader.core.terms import Token, content_terms, tokens

THRESHOLD = 0.25
"""Probability (of ``same_content``) at which two sentences are taken to carry the same content."""
# Logistic weights of the features of ``pair_features``, fitted on the hand-checked pairs of
# tests/data/alignments.json by bench/calibrate_alignment.py (which prints them).
WEIGHTS: tuple[float, ...] = (-5.017, 1.085, 1.55, 1.592, -0.732, 1.068, 2.738, 0.951, 0.821)
SPLIT_GAIN = 0.05
"""How much a one-to-two merge must raise the score over the one-to-one link."""
SPLIT_MIN = 0.12
"""The least similarity the second half of a split sentence must have with the other side on its own."""
SYMBOLS = frozenset("&%$£€#@+=<>/")
"""Non-word characters that are wording ("and" -> "&"), unlike punctuation."""
SAME_RATIO = 0.8
"""Token overlap (difflib ratio) above which a pair is worded the "same" rather than a "paraphrase"."""
FIGURE_WEIGHT = 1.5
"""Extra weight of numbers (figures): a shared figure says more than a shared word. (Extra weight for names
was tried and lowered precision: attributions such as "Gov. Greg Abbott said" recur in unrelated sentences.)"""
SYNONYMS = True
"""Fold news event words of one meaning together ("killed" = "dead") before comparing."""
CONTEXT = 0.0
"""Weight of the neighbours' similarity (i-1 with j-1, i+1 with j+1) added to a pair's own."""


@dataclass(slots=True)
class _Side:
    """The sentences of one article with their tokens and term vectors."""

    body: str
    sentences: Sequence[Sentence]
    tokens: list[list[Token]]
    terms: list[Counter[str]]


def _prepare(body: str, sentences: Sequence[Sentence]) -> _Side:
    toks = [tokens(body, s.start, s.end) for s in sentences]
    terms = [Counter(content_terms(body, s.start, s.end, synonyms=SYNONYMS)) for s in sentences]
    return _Side(body, sentences, toks, terms)


def _vectors(a: _Side, b: _Side) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """Unit-length TF-IDF vectors, each sentence of both sides a document for the document frequencies."""
    df: Counter[str] = Counter()
    for terms in (*a.terms, *b.terms):
        df.update(terms.keys())
    n_docs = len(a.terms) + len(b.terms)

    def vec(terms: Counter[str]) -> dict[str, float]:
        v = {
            t: (1 + math.log(c)) * math.log((n_docs + 1) / (df[t] + 0.5)) * (FIGURE_WEIGHT if t[:1].isdigit() else 1.0)
            for t, c in terms.items()
        }
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}

    return (
        [vec(t) for t in a.terms],
        [vec(t) for t in b.terms],
    )


def _cosine(u: dict[str, float], v: dict[str, float]) -> float:
    if len(u) > len(v):
        u, v = v, u
    return sum(x * v.get(t, 0.0) for t, x in u.items())


def _merged(u: dict[str, float], v: dict[str, float]) -> dict[str, float]:
    out = dict(u)
    for t, x in v.items():
        out[t] = out.get(t, 0.0) + x
    norm = math.sqrt(sum(x * x for x in out.values())) or 1.0
    return {t: x / norm for t, x in out.items()}


def similarity_matrix(va: list[dict[str, float]], vb: list[dict[str, float]]) -> dict[tuple[int, int], float]:
    """Cosine of every pair of sentences that share a term (sparse: pairs sharing nothing are absent)."""
    postings: defaultdict[str, list[tuple[int, float]]] = defaultdict(list)
    for j, v in enumerate(vb):
        for t, x in v.items():
            postings[t].append((j, x))
    sims: dict[tuple[int, int], float] = {}
    for i, u in enumerate(va):
        acc: defaultdict[int, float] = defaultdict(float)
        for t, x in u.items():
            for j, y in postings.get(t, ()):
                acc[j] += x * y
        for j, s in acc.items():
            sims[(i, j)] = s
    return sims


def _score(
    body_a: str, sentences_a: Sequence[Sentence], body_b: str, sentences_b: Sequence[Sentence]
) -> tuple[_Side, _Side, list[dict[str, float]], list[dict[str, float]], dict[tuple[int, int], float]]:
    side_a, side_b = _prepare(body_a, sentences_a), _prepare(body_b, sentences_b)
    va, vb = _vectors(side_a, side_b)
    sims = similarity_matrix(va, vb)
    if CONTEXT:
        sims = {
            (i, j): s + CONTEXT * (sims.get((i - 1, j - 1), 0.0) + sims.get((i + 1, j + 1), 0.0)) / 2
            for (i, j), s in sims.items()
        }
    return side_a, side_b, va, vb, sims


def sentence_similarities(
    body_a: str, sentences_a: Sequence[Sentence], body_b: str, sentences_b: Sequence[Sentence]
) -> dict[tuple[int, int], float]:
    """The similarity of every pair of sentences that share a content term (for views and calibration)."""
    return _score(body_a, sentences_a, body_b, sentences_b)[4]


def align(
    body_a: str,
    sentences_a: Sequence[Sentence],
    body_b: str,
    sentences_b: Sequence[Sentence],
    *,
    threshold: float = THRESHOLD,
) -> list[Pair]:
    """Align the sentences of two articles: pairs (one-to-one or one-to-two) in A's order, with word diffs."""
    side_a, side_b, va, vb, sims = _score(body_a, sentences_a, body_b, sentences_b)

    probs = same_content(side_a, side_b, va, vb, sims)
    link_a: dict[int, int] = {}
    link_b: dict[int, int] = {}
    for (i, j), p in sorted(probs.items(), key=lambda kv: (-kv[1], kv[0])):
        if p < threshold:
            break
        if i in link_a or j in link_b or not _enough_shared(side_a, side_b, i, j):
            continue
        link_a[i], link_b[j] = j, i

    pairs: list[Pair] = []
    used_a, used_b = set(link_a), set(link_b)
    for i, j in sorted(link_a.items()):
        group_a, group_b, score = [i], [j], sims[(i, j)]
        confidence = probs[(i, j)]
        # One-to-two: a free neighbour on either side that the other side also covers.
        best: tuple[float, list[int], list[int]] | None = None
        for nb in (j - 1, j + 1):
            if 0 <= nb < len(vb) and nb not in used_b and sims.get((i, nb), 0.0) >= SPLIT_MIN:
                merged = _cosine(va[i], _merged(vb[min(j, nb)], vb[max(j, nb)]))
                if merged >= score + SPLIT_GAIN and (best is None or merged > best[0]):
                    best = (merged, [i], sorted([j, nb]))
        for nb in (i - 1, i + 1):
            if 0 <= nb < len(va) and nb not in used_a and sims.get((nb, j), 0.0) >= SPLIT_MIN:
                merged = _cosine(_merged(va[min(i, nb)], va[max(i, nb)]), vb[j])
                if merged >= score + SPLIT_GAIN and (best is None or merged > best[0]):
                    best = (merged, sorted([i, nb]), [j])
        if best is not None:
            _, group_a, group_b = best
            used_a.update(group_a)
            used_b.update(group_b)
        pairs.append(_pair(side_a, side_b, group_a, group_b, confidence))
    return sorted(pairs, key=lambda p: p.a)


def pair_features(
    side_a: _Side,
    side_b: _Side,
    va: list[dict[str, float]],
    vb: list[dict[str, float]],
    sims: dict[tuple[int, int], float],
) -> dict[tuple[int, int], list[float]]:
    """Features of every candidate pair: what makes two sentences the same content beyond their cosine.

    (1, cosine, margin over A's next best, margin over B's next best, log length of the shorter, a figure
    shared, log number of shared terms, share of the shorter's weight that is shared, best neighbour cosine.)
    Margins matter because a sentence that resembles many others is not the same as any of them.
    """
    top_a: dict[int, list[float]] = defaultdict(list)
    top_b: dict[int, list[float]] = defaultdict(list)
    for (i, j), s in sims.items():
        top_a[i].append(s)
        top_b[j].append(s)
    best2_a = {i: [*sorted(v, reverse=True)[:2], 0.0] for i, v in top_a.items()}
    best2_b = {j: [*sorted(v, reverse=True)[:2], 0.0] for j, v in top_b.items()}
    out: dict[tuple[int, int], list[float]] = {}
    for (i, j), s in sims.items():
        u, v = va[i], vb[j]
        shared = u.keys() & v.keys()
        ra, rb = best2_a[i], best2_b[j]
        other_a = ra[1] if abs(ra[0] - s) < 1e-12 else ra[0]
        other_b = rb[1] if abs(rb[0] - s) < 1e-12 else rb[0]
        context = max(sims.get((i - 1, j - 1), 0.0), sims.get((i + 1, j + 1), 0.0))
        coverage = min(sum(u[t] ** 2 for t in shared), sum(v[t] ** 2 for t in shared))
        out[(i, j)] = [
            1.0,
            s,
            s - other_a,
            s - other_b,
            math.log1p(min(len(u), len(v))),
            float(any(t[:1].isdigit() for t in shared)),
            math.log1p(len(shared)),
            coverage,
            context,
        ]
    return out


def same_content(
    side_a: _Side,
    side_b: _Side,
    va: list[dict[str, float]],
    vb: list[dict[str, float]],
    sims: dict[tuple[int, int], float],
) -> dict[tuple[int, int], float]:
    """Probability that each candidate pair carries the same content (logistic model over ``pair_features``)."""
    out = {}
    for ij, x in pair_features(side_a, side_b, va, vb, sims).items():
        z = sum(w * f for w, f in zip(WEIGHTS, x, strict=True))
        out[ij] = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
    return out


def _enough_shared(a: _Side, b: _Side, i: int, j: int) -> bool:
    """Two sentences that share one term only are the same content only when both are that short."""
    shared = a.terms[i].keys() & b.terms[j].keys()
    if len(shared) >= 2:
        return True
    return len(a.terms[i]) <= 2 and len(b.terms[j]) <= 2 and bool(shared)


def _pair(a: _Side, b: _Side, group_a: list[int], group_b: list[int], score: float) -> Pair:
    toks_a = [t for i in group_a for t in a.tokens[i]]
    toks_b = [t for j in group_b for t in b.tokens[j]]
    ops, ratio = word_diff(a.body, toks_a, b.body, toks_b)
    kind = "same" if ratio >= SAME_RATIO else "paraphrase"
    return Pair(tuple(group_a), tuple(group_b), round(min(score, 1.0), 4), kind, tuple(ops))


def word_diff(body_a: str, toks_a: Sequence[Token], body_b: str, toks_b: Sequence[Token]) -> tuple[list[DiffOp], float]:
    """Word-level diff of two token runs (equal / delete / insert / replace) and how alike they are (0..1).

    Words, numbers and symbols (& % $ ...) are compared, punctuation is not; tokens compare by their folded
    form, so "NATO" equals "Nato" and ’ equals '; texts and offsets are the articles' own. An empty side of
    a run has ``start == end`` at the position where the other side's text would go.
    """
    # Punctuation is left out: a moved comma or a quote mark is not a difference in wording ("&" is).
    toks_a = [t for t in toks_a if t.kind != "other" or t.norm in SYMBOLS]
    toks_b = [t for t in toks_b if t.kind != "other" or t.norm in SYMBOLS]
    sm = SequenceMatcher(None, [t.norm for t in toks_a], [t.norm for t in toks_b], autojunk=False)
    ops: list[DiffOp] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        a0, a1 = _span(toks_a, i1, i2)
        b0, b1 = _span(toks_b, j1, j2)
        ops.append(DiffOp(tag, body_a[a0:a1], body_b[b0:b1], a0, a1, b0, b1))  # type: ignore[arg-type]
    return ops, sm.ratio()


def _span(toks: Sequence[Token], lo: int, hi: int) -> tuple[int, int]:
    if lo < hi:
        return toks[lo].start, toks[hi - 1].end
    if lo < len(toks):
        return toks[lo].start, toks[lo].start
    return (toks[-1].end, toks[-1].end) if toks else (0, 0)


def unmatched(pairs: Sequence[Pair], count: int, side: str) -> tuple[int, ...]:
    """Indices of sentences of one side (``"a"`` or ``"b"``) that no pair covers."""
    used = {i for p in pairs for i in (p.a if side == "a" else p.b)}
    return tuple(i for i in range(count) if i not in used)

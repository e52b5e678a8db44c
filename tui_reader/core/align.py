"""Sentence alignment of two accounts and word-level diffs of the aligned pairs.

The method follows what worked on comparable news texts:
- similarity is TF-IDF cosine over content terms, with each sentence of both articles as its own document for
  the IDF (Nelken & Shieber, EACL 2006), so a word that only two sentences share weighs most; numbers, dates
  and number words are normalised first ("Aug. 9" = "August 9th", "Eleven" = 11), figures weigh extra, and
  related forms of a word count as one term ("Japanese" / "Japan", "L'Aquilla" / "L'Aquila"), as do a people
  and its country ("Russian" / "Russia", "American" / "U.S.");
- only sentences of one kind align: prose with prose (embedded posts are prose), a heading with headings, a
  caption with captions, a post's signature with signatures; bylines, credits and widgets never (furniture.py);
- links are made greedily, best first, each sentence at most once (greedy linking beat optimal bipartite
  matching for document alignment, Buck & Koehn, WMT16), in any order because outlets reorder; two sentences
  sharing a run of five words or more that covers most of the shorter (a quotation, copied wording) are linked
  first whatever their content words say;
- a link then grows to one-to-two when one side split the sentence: the neighbour joins if the merged pair
  scores clearly better (as MASSAlign and CATS allow one-to-many);
- what is left gets two more chances where the evidence is the structure, not the words: a pair between two
  links that follow each other in both articles, each the other's best free partner, is linked at a lower
  probability (outlets keep short runs in order; Barzilay & Elhadad, EMNLP 2003, align inside matched
  regions with a lower threshold), and a linked sentence takes a second free partner, not necessarily next to
  the first, that clears a higher one on its own (one outlet said in one sentence what the other says in two).
Which candidate pairs are "the same content" is decided by a small logistic model over the cosine and what
surrounds it (margins over each sentence's next best partner, a telling figure shared, shared terms, coverage,
the neighbours' similarity, shared three-word runs, distance apart in the two articles, both leads, mutual best),
fitted on hand-checked pairs of real articles (tests/data/alignments.json) by bench/calibrate_alignment.py.

Measured (tests/core/test_alignment_quality.py, bench/calibrate_alignment.py --loo --ablate):
- 12 real pairs: precision 0.91, recall 0.63 in sample; seeds + real pairs leave-one-story-out 0.91 / 0.63
  (before gap filling and second partners: 0.91 / 0.58 in sample, 0.91 / 0.59 left out; the first version
  0.91 / 0.54 and 0.91 / 0.53); 4 held-out pairs hand-checked later and never used for fitting: 0.96 / 0.68
  (before: 1.00 / 0.64; the first version 1.00 / 0.61); a line diff (difflib over the sentences): 1.00 / 0.20
  and 1.00 / 0.04.
- Where recall was lost (the 49 sure links of the 12 real pairs missed before gap filling; held-out 10): 37
  (7) below the threshold with both sentences free, 9 (1) below it with a partner taken by a wrong or
  "possible" link, 1 (1) above it but blocked that way, 1 (1) a one-to-many not grown, 1 sharing no content
  word; the seeds' 3: 2 below the threshold, 1 a heading against prose. Afterwards 44 (9), of them 31 (7)
  below the threshold with both free: paraphrase, which words cannot close.
- What each idea gave, leave-one-story-out at the chosen threshold (0.909 / 0.627 with all on; 126 sure links,
  so one link is 0.8 points of recall): gap filling 4 links, no wrong one (0.909 / 0.587 -> 0.913 / 0.619),
  but on the held-out pairs one wrong link and no right one ("The unemployment rate will likely fall further"
  with the forecast made before the report); growing gap links to one-to-two added a wrong link, so they stay
  one-to-one; a gap floor of 0.15: 0.895 / 0.619, 0.25: 0.903 / 0.611; blocks open at the articles' start
  or end too: one right and one wrong link more, on the held-out pairs as well (0.902 / 0.635, held-out
  0.926 / 0.714): not kept. Second partners (at 0.5, one end free) one link, and one on the held-out pairs
  (Noor Salman's verdict); at 0.4: 0.889 / 0.595; only where the merge raises the cosine: 0.902 / 0.587.
  Country forms one "possible" link more, nothing lost. Not kept: the parts of hyphenated words as terms
  ("three-day" meets "three days", ``PARTS``) one right and one wrong link (0.902 / 0.635) and one wrong on
  the held-out pairs; more news synonyms ("terrorist" / "militant" = attacker, "shootout", "homeless" /
  "displaced") one link fewer; titles as one term ("Rep." / "Representative" / "congressman", "Gov." /
  "governor") 0.915 / 0.611 and one fewer held out; as features, shared terms only the pair holds, the IDF
  sum of shared terms, the shorter sentence's coverage, cosine times coverage: no recall (0.917 / 0.587,
  0.906 / 0.587, 0.909 / 0.619, 0.917 / 0.619); the cosine of the two sentences with their neighbours (at
  half weight) as a feature traded recall for precision (0.925 / 0.619: one right link fewer, three wrong
  fewer; held-out 0.962 / 0.714), with the parts of hyphenated words 0.910 / 0.635 (held-out unchanged): one
  link either way, within noise.
- Earlier (before gap filling): furniture kept out of the alignment +1.0 point precision; quotation anchors,
  news synonyms and related word forms one link each; the name-free cosine +0.9 points precision; no single
  feature is worth more than two links (without mutual best 0.925 / 0.571, without margin over A's next best
  0.928 / 0.595 but one link fewer on the held-out pairs, so kept); pairs of consecutive content words as
  terms cost precision and recall (0.890 / 0.516 at 0.45: not kept); a second pass "in context" (links on the
  diagonal and between anchors as evidence, ``CONTEXT_PASS``) cost 2.6 points precision for no recall: off
  (with gap filling on: 0.885 / 0.619).
Recall is bounded by words: paraphrases that share no content word ("homeless families were sheltered in
gyms" / "50 elderly people spent the night in a sports facility") stay apart.
"""

from __future__ import annotations

import math
from bisect import bisect_left, insort
from collections import Counter, defaultdict
from collections.abc import Container, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from tui_reader.core.model import DiffOp, Pair, Sentence
from tui_reader.core.terms import Token, content_terms, stem, tokens

THRESHOLD = 0.4
"""Probability (of ``same_content``) at which two sentences are taken to carry the same content."""
CONTEXT_THRESHOLD = 0.5
"""The same for the second pass, where the probability also counts the links already made next to a pair."""
# Logistic weights of the features of ``pair_features`` (first pass) and of ``context_features`` (second
# pass), fitted on the hand-checked pairs of tests/data/alignments.json by bench/calibrate_alignment.py
# (which prints them, and measures them leave-one-story-out).
WEIGHTS: tuple[float, ...] = (
    -6.046,
    1.741,
    -0.027,
    3.13,
    2.465,
    -0.248,
    0.885,
    2.652,
    1.398,
    2.795,
    2.398,
    -1.939,
    1.677,
    0.463,
    1.926,
)
CONTEXT_WEIGHTS: tuple[float, ...] = (
    -5.667,
    1.799,
    0.062,
    1.967,
    1.444,
    -0.484,
    1.961,
    2.687,
    1.676,
    0.757,
    2.513,
    -1.507,
    1.297,
    0.229,
    2.623,
    1.719,
    0.277,
)
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
SOFT = True
"""Also match related forms of a word ("Japanese" / "Japan", "Aquila" / "Aquilla") as one term."""
COUNTRIES = True
"""Fold a people's adjective into its country ("Russian" = "Russia"), irregular forms the above misses."""
PARTS = False
"""Also take the parts of hyphenated words as terms ("three-day": 3, day). Off: as many wrong links as right."""
CONTEXT_PASS = False
"""Run the second pass that weighs the links already made on a pair's diagonal (outlets keep runs in order).
Measured leave-one-story-out it gained nothing the first pass's neighbour feature had not (at a second
threshold of 0.35: one more right link, three more wrong; at 0.45 and above: no change), so it is off."""
GAP_FILL = True
"""Link a pair left below the threshold when it sits between two links that follow each other in both
articles (an anchored block: outlets keep short runs in order) and each is the other's best free partner."""
GAP_THRESHOLD = 0.2
"""The least probability a pair inside an anchored block needs (half the threshold: below it, wrong links)."""
SECOND_PARTNER = True
"""Let a linked sentence take a second, free partner that clears ``SECOND_THRESHOLD`` on its own (one outlet
merged what the other said in two sentences, not always next to each other)."""
SECOND_THRESHOLD = 0.5
"""Above the first threshold: a sentence already linked is less likely to carry a second content."""
QUOTE_ANCHORS = True
"""Link two sentences that share a run of five words or more covering most of the shorter one (a quotation
or copied wording: "Tell me who you are") whatever their content words say."""
ANCHOR_PHRASES = 3
ANCHOR_SHARE = 0.6
GROUPS: dict[str, str] = {
    "paragraph": "prose",
    "post": "prose",
    "heading": "heading",
    "caption": "caption",
    "signature": "signature",
}
"""Which sentence kinds align with which: prose with prose, a heading with headings, a caption with captions;
page furniture (bylines, credits, signatures, widgets) with nothing."""
COMMON_PHRASE = 3
"""A run of three words that more sentences than this hold ("according to the") is no evidence of a quote."""
# Derivational endings stripped (once) from a stem to find related forms: "japanes" / "japan", "itali" / "italian".
_ENDINGS: tuple[str, ...] = (
    *[
        "ation",
        "ition",
        "ment",
        "ness",
        "ship",
        "ance",
        "ence",
        "able",
        "ible",
        "ism",
        "ist",
        "iti",
        "ive",
        "ian",
        "ese",
        "ing",
        "ion",
    ],
    *["al", "an", "er", "or", "es", "ic", "li", "y", "e", "i", "a", "s"],
)


@dataclass(slots=True)
class _Side:
    """The sentences of one article with their tokens, term vectors and places."""

    body: str
    sentences: Sequence[Sentence]
    tokens: list[list[Token]]
    terms: list[Counter[str]]
    group: list[str | None]
    rank: list[int]  # place among the sentences of its group (-1: not aligned)
    rel: list[float]  # that place as a share of the group's length (0 = first, 1 = last)
    trigrams: list[set[tuple[str, ...]]]
    names: list[set[str]]  # terms written with a capital inside the sentence (names, mostly)
    prev: list[int | None]  # the sentence of the same group just before (None: none, or furniture between)
    next: list[int | None]

    def neighbour(self, i: int, step: int) -> int | None:
        """The next sentence of ``i``'s group before (``step`` -1) or after (+1) it, skipping furniture."""
        return self.prev[i] if step < 0 else self.next[i]


def _neighbours(group: list[str | None], order: range) -> list[int | None]:
    """For each sentence, the nearest one of its group in ``order`` before any sentence of another group."""
    out: list[int | None] = [None] * len(group)
    last: int | None = None
    for n in order:
        if group[n] is None:
            continue
        out[n] = last if last is not None and group[last] == group[n] else None
        last = n
    return out


def _prepare(body: str, sentences: Sequence[Sentence]) -> _Side:
    toks = [tokens(body, s.start, s.end) for s in sentences]
    terms = [
        Counter(content_terms(body, s.start, s.end, synonyms=SYNONYMS, countries=COUNTRIES, parts=PARTS))
        for s in sentences
    ]
    group = [GROUPS.get(s.kind) for s in sentences]
    counts: Counter[str | None] = Counter()
    rank = []
    for g in group:
        rank.append(counts[g] if g else -1)
        counts[g] += 1
    rel = [r / max(1, counts[g] - 1) if g else 0.0 for r, g in zip(rank, group, strict=True)]
    trigrams = []
    for ts in toks:
        words = [t.norm for t in ts if t.kind != "other"]
        trigrams.append({tuple(words[k : k + 3]) for k in range(len(words) - 2)})
    names = [
        {_stem(t.norm) for t in ts[1:] if t.kind == "word" and body[t.start].isupper() and len(t.norm) > 1}
        for ts in toks
    ]
    prev = _neighbours(group, range(len(group)))
    nxt = _neighbours(group, range(len(group) - 1, -1, -1))
    return _Side(body, sentences, toks, terms, group, rank, rel, trigrams, names, prev, nxt)


@lru_cache(maxsize=20_000)
def _stem(word: str) -> str:
    return stem(word)


def _root(term: str) -> str:
    for ending in _ENDINGS:
        if term.endswith(ending) and len(term) - len(ending) >= 4:
            return term[: -len(ending)]
    return term


def _bigrams(word: str) -> set[str]:
    return {word[k : k + 2] for k in range(len(word) - 1)}


def soft_classes(vocab_a: set[str], vocab_b: set[str]) -> dict[str, str]:
    """Terms that are related forms of a different term of the other side, mapped to one shared class.

    Related: the same stem once a derivational ending is off ("japanes" / "japan", "bangladeshi" /
    "bangladesh"), or the same word spelled slightly differently ("aquila" / "aquilla": letter pairs nearly
    all shared). Only words of five letters or more; numbers and the folded news words stay as they are.
    """

    def usable(t: str) -> bool:
        return len(t) >= 5 and t.isalpha() and t.islower()

    side_of: defaultdict[str, set[str]] = defaultdict(set)  # root -> terms; a class needs both sides
    in_a: defaultdict[str, set[str]] = defaultdict(set)
    in_b: defaultdict[str, set[str]] = defaultdict(set)
    for vocab, seen in ((vocab_a, in_a), (vocab_b, in_b)):
        for t in vocab:
            if usable(t):
                root = _root(t)
                side_of[root].add(t)
                seen[root].add(t)
    out: dict[str, str] = {}
    for root, terms in side_of.items():
        if len(terms) >= 2 and in_a.get(root) and in_b.get(root) and in_a[root] != in_b[root]:
            out.update(dict.fromkeys(terms, "~" + root))
    # Spelling variants: compared only within the same first two letters, longer words only.
    by_start: defaultdict[str, list[str]] = defaultdict(list)
    for t in vocab_b - vocab_a:
        if usable(t) and len(t) >= 6 and t not in out:
            by_start[t[:2]].append(t)
    for t in vocab_a - vocab_b:
        if not usable(t) or len(t) < 6 or t in out:
            continue
        bt = _bigrams(t)
        for u in by_start.get(t[:2], ()):
            bu = _bigrams(u)
            if u not in out and 2 * len(bt & bu) >= 0.8 * (len(bt) + len(bu)):
                out[t] = out[u] = "~" + min(t, u)
                break
    return out


def _vectors(a: _Side, b: _Side, classes: dict[str, str]) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """Unit-length TF-IDF vectors, each sentence of both sides a document for the document frequencies;
    related forms (``classes``) count as one term."""
    side_terms = [
        [Counter({classes.get(t, t): c for t, c in terms.items()}) if classes else terms for terms in side.terms]
        for side in (a, b)
    ]
    df: Counter[str] = Counter()
    for terms in (*side_terms[0], *side_terms[1]):
        df.update(terms.keys())
    n_docs = len(a.terms) + len(b.terms)

    def vec(terms: Counter[str]) -> dict[str, float]:
        v = {
            t: (1 + math.log(c)) * math.log((n_docs + 1) / (df[t] + 0.5)) * (FIGURE_WEIGHT if t[:1].isdigit() else 1.0)
            for t, c in terms.items()
        }
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}

    return [vec(t) for t in side_terms[0]], [vec(t) for t in side_terms[1]]


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


def _shared_phrases(a: _Side, b: _Side) -> dict[tuple[int, int], int]:
    """How many three-word runs (stop words included: quotations and copied wording) each pair shares."""
    postings: defaultdict[tuple[str, ...], list[int]] = defaultdict(list)
    for j, grams in enumerate(b.trigrams):
        for g in grams:
            postings[g].append(j)
    freq_a: Counter[tuple[str, ...]] = Counter(g for grams in a.trigrams for g in grams)
    out: Counter[tuple[int, int]] = Counter()
    for i, grams in enumerate(a.trigrams):
        for g in grams:
            js = postings.get(g)
            if js and len(js) + freq_a[g] <= COMMON_PHRASE + 1:
                for j in js:
                    out[(i, j)] += 1
    return dict(out)


@dataclass(slots=True)
class Cells:
    """Everything alignment knows about two articles: the sides, vectors, similarities and pair features."""

    a: _Side
    b: _Side
    va: list[dict[str, float]]
    vb: list[dict[str, float]]
    sims: dict[tuple[int, int], float]
    features: dict[tuple[int, int], list[float]]
    phrases: dict[tuple[int, int], int]


def cells(body_a: str, sentences_a: Sequence[Sentence], body_b: str, sentences_b: Sequence[Sentence]) -> Cells:
    """Prepare both sides and the features of every candidate pair (same group, sharing a term or a phrase)."""
    side_a, side_b = _prepare(body_a, sentences_a), _prepare(body_b, sentences_b)
    vocab_a = {t for terms in side_a.terms for t in terms}
    vocab_b = {t for terms in side_b.terms for t in terms}
    classes = soft_classes(vocab_a, vocab_b) if SOFT else {}
    va, vb = _vectors(side_a, side_b, classes)
    sims = similarity_matrix(va, vb)
    hard = similarity_matrix(*_vectors(side_a, side_b, {})) if classes else sims
    phrases = _shared_phrases(side_a, side_b)
    keep = {
        (i, j) for (i, j) in (*sims, *phrases) if side_a.group[i] is not None and side_a.group[i] == side_b.group[j]
    }
    sims = {ij: sims.get(ij, 0.0) for ij in keep}
    features = pair_features(side_a, side_b, va, vb, sims, hard, phrases)
    return Cells(side_a, side_b, va, vb, sims, features, phrases)


def sentence_similarities(
    body_a: str, sentences_a: Sequence[Sentence], body_b: str, sentences_b: Sequence[Sentence]
) -> dict[tuple[int, int], float]:
    """The similarity of every pair of sentences that share a content term (for views and calibration)."""
    return cells(body_a, sentences_a, body_b, sentences_b).sims


def align(
    body_a: str,
    sentences_a: Sequence[Sentence],
    body_b: str,
    sentences_b: Sequence[Sentence],
    *,
    threshold: float = THRESHOLD,
    weights: Sequence[float] = WEIGHTS,
    context_weights: Sequence[float] | None = CONTEXT_WEIGHTS,
    context_threshold: float = CONTEXT_THRESHOLD,
) -> list[Pair]:
    """Align the sentences of two articles: pairs (one-to-one or one-to-two) in A's order, with word diffs.

    First pass: greedy links, best first, over ``same_content``. Second pass (``context_weights``, only with
    ``CONTEXT_PASS``): the pairs left are scored again with the links made on their diagonal as evidence, and
    linked greedily the same way. Then gaps inside anchored blocks are filled (``GAP_FILL``), links grow to
    one-to-two, and a linked sentence may take a second partner (``SECOND_PARTNER``).
    """
    c = cells(body_a, sentences_a, body_b, sentences_b)
    probs = same_content(c.features, weights)
    if QUOTE_ANCHORS:
        for ij, n in c.phrases.items():
            if n >= ANCHOR_PHRASES and ij in c.features and c.features[ij][10] >= ANCHOR_SHARE:
                probs[ij] = max(probs[ij], 0.99)
    link_a: dict[int, int] = {}
    link_b: dict[int, int] = {}
    _greedy(c, probs, threshold, link_a, link_b)
    if context_weights is not None and CONTEXT_PASS:
        for _ in range(3):  # a link made in context may support the next one along the run
            ctx = same_content(context_features(c, link_a, link_b), context_weights)
            if not _greedy(c, ctx, context_threshold, link_a, link_b):
                break
            probs.update({ij: max(probs.get(ij, 0.0), p) for ij, p in ctx.items() if link_a.get(ij[0]) == ij[1]})
    filled = _fill_gaps(c, probs, link_a, link_b) if GAP_FILL else set()
    pairs = _pairs(c, probs, link_a, filled)
    return _second_partners(c, probs, pairs) if SECOND_PARTNER else pairs


def _fill_gaps(
    c: Cells, probs: dict[tuple[int, int], float], link_a: dict[int, int], link_b: dict[int, int]
) -> set[int]:
    """Links made inside anchored blocks (see ``GAP_FILL``); returns the A sentences so linked."""
    filled: set[int] = set()
    for _ in range(3):  # a filled gap splits a block and may anchor the next pair
        links = sorted(link_a.items())
        free = {ij: p for ij, p in probs.items() if p >= GAP_THRESHOLD and ij[0] not in link_a and ij[1] not in link_b}
        best_a: dict[int, tuple[float, int]] = {}
        best_b: dict[int, tuple[float, int]] = {}
        for (i, j), p in free.items():
            if p > best_a.get(i, (0.0, -1))[0]:
                best_a[i] = (p, j)
            if p > best_b.get(j, (0.0, -1))[0]:
                best_b[j] = (p, i)
        made = 0
        for (i, j), _p in sorted(free.items(), key=lambda kv: (-kv[1], kv[0])):
            if best_a[i][1] != j or best_b[j][1] != i or i in link_a or j in link_b:
                continue
            k = bisect_left(links, (i, -1))
            if k == 0 or k == len(links):
                continue
            (_, j_above), (_, j_below) = links[k - 1], links[k]
            # The two links around i in A must also be next to each other in B, with j between them.
            if not j_above < j < j_below or any(j_above < lj < j_below for _, lj in links):
                continue
            if _enough_shared(c, i, j):
                link_a[i], link_b[j] = j, i
                insort(links, (i, j))  # the next pair of this block must keep the order with this one
                filled.add(i)
                made += 1
        if not made:
            break
    return filled


def _second_partners(c: Cells, probs: dict[tuple[int, int], float], pairs: list[Pair]) -> list[Pair]:
    """``pairs`` with a second partner where one fits (see ``SECOND_PARTNER``); a pair grows once, to two."""
    used_a = {i: n for n, p in enumerate(pairs) for i in p.a}
    used_b = {j: n for n, p in enumerate(pairs) for j in p.b}
    groups = [(list(p.a), list(p.b)) for p in pairs]
    grown: set[int] = set()
    for (i, j), p in sorted(probs.items(), key=lambda kv: (-kv[1], kv[0])):
        if p < SECOND_THRESHOLD:
            break
        n = used_a.get(i, used_b.get(j))
        if (i in used_a) == (j in used_b) or n is None or not _enough_shared(c, i, j):
            continue
        ga, gb = groups[n]
        if len(ga) > 1 or len(gb) > 1:
            continue  # already one-to-two
        groups[n] = (ga, sorted([*gb, j])) if i in used_a else (sorted([*ga, i]), gb)
        used_a[i] = used_b[j] = n
        grown.add(n)
    return [_pair(c.a, c.b, ga, gb, pairs[n].score) if n in grown else pairs[n] for n, (ga, gb) in enumerate(groups)]


def _greedy(
    c: Cells, probs: dict[tuple[int, int], float], threshold: float, link_a: dict[int, int], link_b: dict[int, int]
) -> int:
    made = 0
    for (i, j), p in sorted(probs.items(), key=lambda kv: (-kv[1], kv[0])):
        if p < threshold:
            break
        if i in link_a or j in link_b or not _enough_shared(c, i, j):
            continue
        link_a[i], link_b[j] = j, i
        made += 1
    return made


def _pairs(
    c: Cells, probs: dict[tuple[int, int], float], link_a: dict[int, int], fixed: Container[int] = ()
) -> list[Pair]:
    """The links as pairs, each grown to one-to-two where one side split the sentence (except the ``fixed``
    links of A's sentences, made on weaker evidence: growing them added wrong links)."""
    va, vb, sims = c.va, c.vb, c.sims
    pairs: list[Pair] = []
    used_a, used_b = set(link_a), set(link_a.values())
    for i, j in sorted(link_a.items()):
        group_a, group_b, score = [i], [j], sims.get((i, j), 0.0)
        if i in fixed:
            pairs.append(_pair(c.a, c.b, group_a, group_b, probs.get((i, j), 0.0)))
            continue
        # One-to-two: a free neighbour on either side that the other side also covers.
        best: tuple[float, list[int], list[int]] | None = None
        for nb in (c.b.neighbour(j, -1), c.b.neighbour(j, 1)):
            if nb is not None and nb not in used_b and sims.get((i, nb), 0.0) >= SPLIT_MIN:
                merged = _cosine(va[i], _merged(vb[min(j, nb)], vb[max(j, nb)]))
                if merged >= score + SPLIT_GAIN and (best is None or merged > best[0]):
                    best = (merged, [i], sorted([j, nb]))
        for nb in (c.a.neighbour(i, -1), c.a.neighbour(i, 1)):
            if nb is not None and nb not in used_a and sims.get((nb, j), 0.0) >= SPLIT_MIN:
                merged = _cosine(_merged(va[min(i, nb)], va[max(i, nb)]), vb[j])
                if merged >= score + SPLIT_GAIN and (best is None or merged > best[0]):
                    best = (merged, sorted([i, nb]), [j])
        if best is not None:
            _, group_a, group_b = best
            used_a.update(group_a)
            used_b.update(group_b)
        pairs.append(_pair(c.a, c.b, group_a, group_b, probs.get((i, j), 0.0)))
    return sorted(pairs, key=lambda p: p.a)


def pair_features(
    side_a: _Side,
    side_b: _Side,
    va: list[dict[str, float]],
    vb: list[dict[str, float]],
    sims: dict[tuple[int, int], float],
    hard: dict[tuple[int, int], float] | None = None,
    phrases: dict[tuple[int, int], int] | None = None,
) -> dict[tuple[int, int], list[float]]:
    """Features of every candidate pair: what makes two sentences the same content beyond their cosine.

    (1, cosine of the exact terms, what related forms add to it, margin over A's next best, margin over B's
    next best, log length of the shorter, a telling figure shared, log number of shared terms, share of the
    shorter's weight that is shared, best neighbour cosine, share of the shorter's three-word runs shared,
    distance apart in the articles (share of their length), both the first sentence, each the other's best,
    the cosine of the shared terms that are not names.) Names alone ("Texas Gov. Greg Abbott said") do not make
    two sentences say the same thing.
    Margins matter because a sentence that resembles many others is not the same as any of them.
    """
    hard = sims if hard is None else hard
    phrases = phrases or {}
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
        context = max(_diagonal(side_a, side_b, sims, i, j, -1), _diagonal(side_a, side_b, sims, i, j, 1))
        coverage = min(sum(u[t] ** 2 for t in shared), sum(v[t] ** 2 for t in shared))
        exact = hard.get((i, j), 0.0)
        out[(i, j)] = [
            1.0,
            exact,
            s - exact,
            s - other_a,
            s - other_b,
            math.log1p(min(len(u), len(v))),
            float(any(_telling_number(t) for t in shared)),
            math.log1p(len(shared)),
            coverage,
            context,
            phrases.get((i, j), 0) / max(1, min(len(side_a.trigrams[i]), len(side_b.trigrams[j]))),
            abs(side_a.rel[i] - side_b.rel[j]),
            float(side_a.rank[i] == 0 and side_b.rank[j] == 0),
            float(s >= ra[0] - 1e-12 and s >= rb[0] - 1e-12),
            sum(u[t] * v[t] for t in shared if t not in side_a.names[i] and t not in side_b.names[j]),
        ]
    return out


def _telling_number(term: str) -> bool:
    """A number that says something when two sentences share it: not a small count ("two", "one of them")."""
    if not term[:1].isdigit():
        return False
    try:
        return not (float(term.rstrip("%")) < 10 and "." not in term and not term.endswith("%"))
    except ValueError:
        return True


def _diagonal(a: _Side, b: _Side, sims: dict[tuple[int, int], float], i: int, j: int, step: int) -> float:
    ni, nj = a.neighbour(i, step), b.neighbour(j, step)
    return sims.get((ni, nj), 0.0) if ni is not None and nj is not None else 0.0


def context_features(c: Cells, link_a: dict[int, int], link_b: dict[int, int]) -> dict[tuple[int, int], list[float]]:
    """The first pass's features of every pair still free, plus what the links made say about it: how many of
    its diagonal neighbours are linked to each other (0, 1 or 2: a pair inside a run of links is likely part
    of it), and whether it falls in order between the nearest links above and below it in A."""
    linked = sorted(link_a.items())
    out = {}
    for (i, j), x in c.features.items():
        if i in link_a or j in link_b:
            continue
        anchors = 0
        for step in (-1, 1):
            ni, nj = c.a.neighbour(i, step), c.b.neighbour(j, step)
            if ni is not None and nj is not None and link_a.get(ni) == nj:
                anchors += 1
        above = next((ij for ij in reversed(linked) if ij[0] < i), None)
        below = next((ij for ij in linked if ij[0] > i), None)
        between = float(above is not None and below is not None and above[1] < j < below[1])
        out[(i, j)] = [*x, float(anchors), between]
    return out


def same_content(
    features: dict[tuple[int, int], list[float]], weights: Sequence[float] = WEIGHTS
) -> dict[tuple[int, int], float]:
    """Probability that each candidate pair carries the same content (logistic model over its features)."""
    out = {}
    for ij, x in features.items():
        z = sum(w * f for w, f in zip(weights, x, strict=True))
        out[ij] = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
    return out


def _enough_shared(c: Cells, i: int, j: int) -> bool:
    """Two sentences that share one term only are the same content only when both are that short (or when
    they share wording: a quotation of few content words, "Tell me who you are")."""
    shared = c.va[i].keys() & c.vb[j].keys()
    if len(shared) >= 2 or c.features[(i, j)][10] >= 0.5:
        return True
    return len(c.va[i]) <= 2 and len(c.vb[j]) <= 2 and bool(shared)


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

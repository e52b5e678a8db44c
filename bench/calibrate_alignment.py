"""Fit the alignment model's weights on the hand-checked pairs and measure them leave-one-story-out.

Run with ``python -m bench.calibrate_alignment [--loo] [--ablate]``. Prints the weights to paste into
``tui_reader/core/align.py`` (``WEIGHTS`` for the first pass, ``CONTEXT_WEIGHTS`` for the second) and:
- with ``--loo``, precision / recall of the whole aligner (both passes, one-to-two) when every story is aligned
  by weights fitted on the other stories only, at several thresholds: the honest estimate (the tests report the
  in-sample figures, and the held-out pairs of tests/data/alignments_heldout.json, which nothing here reads
  for fitting, are scored with the weights fitted on all the others);
- with ``--ablate``, the same leave-one-story-out figures with one idea switched off at a time.
Needs ../shared/corpora for the real pairs (the seeds alone are too few). Pure Python: a few seconds a fit.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from tests.core.alignment_gold import HELD_OUT, GoldPair, Score, load_gold, pair_links
from tui_reader.core import align
from tui_reader.core.corpus import Corpus

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
Rows = list[tuple[list[float], float]]


def corpus_for(name: str) -> Corpus | None:
    path = ROOT / "seeds" if name == "seeds" else CORPORA / name / "articles.jsonl"
    return Corpus.load([path]) if path.exists() else None


def fit(rows: Rows, mask: Sequence[bool] | None = None, l2: float = 0.5, steps: int = 12) -> list[float]:
    """Logistic regression by Newton's method (small data, no dependency); ``mask`` pins features to 0."""
    d = len(rows[0][0])
    on = [k for k in range(d) if mask is None or mask[k]]
    w = [0.0] * d
    for _ in range(steps):
        grad = [0.0] * len(on)
        hess = [[0.0] * len(on) for _ in on]
        for x, y in rows:
            z = sum(w[k] * x[k] for k in on)
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            r = p * (1 - p)
            xs = [x[k] for k in on]
            for a, xa in enumerate(xs):
                grad[a] += (p - y) * xa
                row = hess[a]
                for b in range(a + 1):
                    row[b] += r * xa * xs[b]
        for a in range(len(on)):
            for b in range(a):
                hess[b][a] = hess[a][b]
            if on[a]:  # no penalty on the bias
                hess[a][a] += l2
                grad[a] += l2 * w[on[a]]
        step = _solve(hess, grad)
        for a, k in enumerate(on):
            w[k] -= step[a]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w


def _solve(m: list[list[float]], v: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the Newton step)."""
    n = len(v)
    a = [[*row, v[i]] for i, row in enumerate(m)]
    for c in range(n):
        piv = max(range(c, n), key=lambda r: abs(a[r][c]))
        a[c], a[piv] = a[piv], a[c]
        if abs(a[c][c]) < 1e-12:
            continue
        for r in range(c + 1, n):
            f = a[r][c] / a[c][c]
            for k in range(c, n + 1):
                a[r][k] -= f * a[c][k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        s = a[r][n] - sum(a[r][k] * x[k] for k in range(r + 1, n))
        x[r] = s / a[r][r] if abs(a[r][r]) > 1e-12 else 0.0
    return x


def rows_of(gold: GoldPair, features: dict[tuple[int, int], list[float]]) -> Rows:
    """Sure links are positives, other candidate cells negatives; "possible" links are left out."""
    return [(x, 1.0 if ij in gold.sure else 0.0) for ij, x in features.items() if ij not in gold.possible]


def train(golds: list[GoldPair], mask: Sequence[bool] | None = None) -> tuple[list[float], list[float]]:
    """First-pass weights, then second-pass weights fitted on the pairs the first pass left free."""
    every = [align.cells(g.a.body, g.sentences_a, g.b.body, g.sentences_b) for g in golds]
    rows1: Rows = [r for g, c in zip(golds, every, strict=True) for r in rows_of(g, c.features)]
    w1 = fit(rows1, mask)
    rows2: Rows = []
    for g, c in zip(golds, every, strict=True):
        link_a: dict[int, int] = {}
        link_b: dict[int, int] = {}
        align._greedy(c, align.same_content(c.features, w1), align.THRESHOLD, link_a, link_b)
        rows2.extend(rows_of(g, align.context_features(c, link_a, link_b)))
    w2 = fit(rows2, None if mask is None else [*mask, True, True])
    return w1, w2


def score(golds: list[GoldPair], run: Callable[[GoldPair], set[tuple[int, int]]]) -> Score:
    out = Score()
    for g in golds:
        out.add(run(g), g)
    return out


def aligner(w1: Sequence[float], w2: Sequence[float] | None, t1: float, t2: float) -> Callable[[GoldPair], set]:
    def run(g: GoldPair) -> set[tuple[int, int]]:
        pairs = align.align(
            g.a.body,
            g.sentences_a,
            g.b.body,
            g.sentences_b,
            threshold=t1,
            weights=w1,
            context_weights=w2,
            context_threshold=t2,
        )
        return pair_links(pairs)

    return run


def loo(golds: list[GoldPair], mask: Sequence[bool] | None = None, settings=((0.3, 0.3),)) -> list[str]:
    """Leave-one-story-out precision / recall at each ``(first, second pass)`` threshold."""
    folds = [train([g for m, g in enumerate(golds) if m != k], mask) for k in range(len(golds))]
    lines = []
    for t1, t2 in settings:
        total = Score()
        for k, g in enumerate(golds):
            w1, w2 = folds[k]
            total.add(aligner(w1, w2 if align.CONTEXT_PASS else None, t1, t2)(g), g)
        lines.append(f"thresholds {t1:.2f}/{t2:.2f}: precision {total.precision:.3f} recall {total.recall:.3f}")
    return lines


ABLATIONS: dict[str, Callable[[], None]] = {
    "no related forms (SOFT off)": lambda: setattr(align, "SOFT", False),
    "with the second pass in context": lambda: setattr(align, "CONTEXT_PASS", True),
    "no quotation anchors": lambda: setattr(align, "QUOTE_ANCHORS", False),
    "no news synonyms": lambda: setattr(align, "SYNONYMS", False),
    "no country forms": lambda: setattr(align, "COUNTRIES", False),
    "with the parts of hyphenated words": lambda: setattr(align, "PARTS", True),
    "no gap filling": lambda: setattr(align, "GAP_FILL", False),
    "no second partners": lambda: setattr(align, "SECOND_PARTNER", False),
    "furniture aligned as prose": lambda: align.GROUPS.update(
        {"byline": "prose", "credit": "prose", "furniture": "prose", "heading": "prose", "signature": "prose"}
    ),
}
FEATURE_NAMES = str.split(
    "bias cosine related-forms margin-A margin-B length figure shared coverage neighbours phrases distance lead"
    " mutual unnamed"
)


def main() -> None:
    golds = load_gold(corpus_for)
    w1, w2 = train(golds)
    print("WEIGHTS =", tuple(round(w, 3) for w in w1))
    print("CONTEXT_WEIGHTS =", tuple(round(w, 3) for w in w2))
    held = load_gold(corpus_for, HELD_OUT)
    for t1, t2 in ((0.4, 0.5), (align.THRESHOLD, align.CONTEXT_THRESHOLD), (0.5, 0.5)):
        s_in = score(golds, aligner(w1, w2, t1, t2))
        s_held = score(held, aligner(w1, w2, t1, t2))
        print(
            f"thresholds {t1}/{t2}: in sample P {s_in.precision:.3f} R {s_in.recall:.3f}; "
            f"held-out P {s_held.precision:.3f} R {s_held.recall:.3f}"
        )
    settings = ((0.3, 0.5), (0.35, 0.5), (0.4, 0.5), (0.45, 0.5), (0.5, 0.5))
    if "--loo" in sys.argv:
        print("leave-one-story-out:")
        for line in loo(golds, settings=settings):
            print("  " + line)
    if "--ablate" in sys.argv:
        chosen = ((align.THRESHOLD, align.CONTEXT_THRESHOLD),)
        print("all ideas on: " + "; ".join(loo(golds, settings=chosen)))
        switches = (
            "SOFT",
            "CONTEXT_PASS",
            "SYNONYMS",
            "QUOTE_ANCHORS",
            "COUNTRIES",
            "PARTS",
            "GAP_FILL",
            "SECOND_PARTNER",
        )
        for name, switch in ABLATIONS.items():
            saved = {k: getattr(align, k) for k in switches}
            groups = dict(align.GROUPS)
            switch()
            print(f"{name}: " + "; ".join(loo(golds, settings=chosen)))
            for k, v in saved.items():
                setattr(align, k, v)
            align.GROUPS.clear()
            align.GROUPS.update(groups)
        for k, name in enumerate(FEATURE_NAMES[1:], start=1):
            mask = [m != k for m in range(len(FEATURE_NAMES))]
            print(f"without feature {name}: " + "; ".join(loo(golds, mask, settings=chosen)))


if __name__ == "__main__":
    main()

"""Fit the alignment model's weights on the hand-checked pairs and measure it by leave-one-pair-out.

Run with ``python -m bench.calibrate_alignment [--loo]``. Prints the weights to paste into
``tui_reader/core/align.py`` (``WEIGHTS``) and, with ``--loo``, precision / recall at several thresholds when
every pair is aligned by a model fitted on the others (the honest estimate; the test suite reports the
in-sample figures). Needs ../shared/corpora for the real pairs (the seeds alone are too few).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from tests.core.alignment_gold import GoldPair, Score, load_gold
from tui_reader.core import align
from tui_reader.core.corpus import Corpus

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"


def corpus_for(name: str) -> Corpus | None:
    path = ROOT / "seeds" if name == "seeds" else CORPORA / name / "articles.jsonl"
    return Corpus.load([path]) if path.exists() else None


def cells(gold: GoldPair) -> dict[tuple[int, int], list[float]]:
    side_a, side_b, va, vb, sims = align._score(gold.a.body, gold.sentences_a, gold.b.body, gold.sentences_b)
    return align.pair_features(side_a, side_b, va, vb, sims)


def fit(rows: list[tuple[list[float], float]], epochs: int = 800, rate: float = 3.0, l2: float = 0.001) -> list[float]:
    """Logistic regression by batch gradient descent (small data, no dependency)."""
    w = [0.0] * len(rows[0][0])
    for _ in range(epochs):
        grad = [0.0] * len(w)
        for x, y in rows:
            z = sum(a * b for a, b in zip(w, x, strict=True))
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            for k, xk in enumerate(x):
                grad[k] += (p - y) * xk
        w = [
            wk - rate * (g / len(rows) + (l2 * wk if k else 0.0)) for k, (wk, g) in enumerate(zip(w, grad, strict=True))
        ]
    return w


def training_rows(
    golds: list[GoldPair], feats: list[dict[tuple[int, int], list[float]]]
) -> list[tuple[list[float], float]]:
    """Sure links are positives, unlabelled cells negatives; "possible" links are left out."""
    return [
        (x, 1.0 if ij in g.sure else 0.0)
        for g, f in zip(golds, feats, strict=True)
        for ij, x in f.items()
        if ij not in g.possible
    ]


def greedy(probs: dict[tuple[int, int], float], threshold: float) -> set[tuple[int, int]]:
    used_a: set[int] = set()
    used_b: set[int] = set()
    links = set()
    for (i, j), p in sorted(probs.items(), key=lambda kv: -kv[1]):
        if p < threshold:
            break
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            links.add((i, j))
    return links


def main() -> None:
    golds = load_gold(corpus_for)
    feats = [cells(g) for g in golds]
    weights = fit(training_rows(golds, feats))
    print("WEIGHTS =", tuple(round(w, 3) for w in weights))
    if "--loo" not in sys.argv:
        return
    held_out = []
    for k in range(len(golds)):
        others = [m for m in range(len(golds)) if m != k]
        w = fit(training_rows([golds[m] for m in others], [feats[m] for m in others]))
        held_out.append(
            {
                ij: 1 / (1 + math.exp(-max(-30.0, min(30.0, sum(a * b for a, b in zip(w, x, strict=True))))))
                for ij, x in feats[k].items()
            }
        )
    for threshold in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4):
        score = Score()
        for g, probs in zip(golds, held_out, strict=True):
            score.add(greedy(probs, threshold), g)
        print(f"leave-one-pair-out, threshold {threshold}: precision {score.precision:.3f} recall {score.recall:.3f}")


if __name__ == "__main__":
    main()

"""Alignment quality against hand-checked pairs (tests/data/alignments.json), with a line-diff baseline.

Prints precision and recall of the aligner and of difflib's SequenceMatcher over the sentences in the same
run, and the figure conflicts found. The seed pair always runs; the real pairs need ../shared/corpora.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SEEDS, SHARED_CORPORA
from tests.core.alignment_gold import HELD_OUT, GoldPair, Score, baseline_links, load_gold, pair_links
from tui_reader.core.align import align
from tui_reader.core.corpus import Corpus

# Targets (fail below): the measured figures less a small margin, so a regression shows. Measured when the
# weights were fitted (with gap filling and second partners): seeds 1.00 / 0.625, real pairs 0.912 / 0.627
# (leave-one-story-out over the seeds and real pairs: 0.909 / 0.627), held-out pairs 0.960 / 0.679 (before:
# 0.914 / 0.585, 0.909 / 0.587, 1.00 / 0.643); figure conflicts 11 of 12 found, 1 not hand-checked.
SEED_PRECISION, SEED_RECALL = 0.9, 0.5
CORPUS_PRECISION, CORPUS_RECALL = 0.87, 0.6
HELD_OUT_PRECISION, HELD_OUT_RECALL = 0.85, 0.6
MAX_FALSE_CONFLICTS = 2

_loaded: dict[str, Corpus | None] = {}


def corpus_for(name: str) -> Corpus | None:
    if name not in _loaded:
        path = SEEDS if name == "seeds" else SHARED_CORPORA / name / "articles.jsonl"
        _loaded[name] = Corpus.load([path]) if Path(path).exists() else None
    return _loaded[name]


def evaluate(golds: list[GoldPair]) -> tuple[Score, Score]:
    ours, base = Score(), Score()
    for g in golds:
        pairs = align(g.a.body, g.sentences_a, g.b.body, g.sentences_b)
        ours.add(pair_links(pairs), g)
        base.add(baseline_links(g), g)
    return ours, base


def report(label: str, ours: Score, base: Score) -> None:
    print(
        f"\n{label}: aligner precision {ours.precision:.3f} recall {ours.recall:.3f} "
        f"({ours.right}/{ours.links} links right, {ours.found}/{ours.sure} sure found) | "
        f"difflib baseline precision {base.precision:.3f} recall {base.recall:.3f} ({base.found}/{base.sure})"
    )


def test_seed_alignment_quality() -> None:
    golds = [g for g in load_gold(lambda name: corpus_for(name) if name == "seeds" else None)]
    assert golds
    ours, base = evaluate(golds)
    report("seeds", ours, base)
    assert ours.precision >= SEED_PRECISION and ours.recall >= SEED_RECALL
    assert ours.recall > base.recall


def test_corpus_alignment_quality() -> None:
    if not SHARED_CORPORA.exists():
        pytest.skip("shared corpora are not available")
    golds = [g for g in load_gold(corpus_for) if not g.story.startswith("seeds")]
    assert len(golds) >= 10
    ours, base = evaluate(golds)
    report(f"{len(golds)} real pairs", ours, base)
    for g in golds:
        one, _ = evaluate([g])
        print(f"  {g.story[:60]:60s} P {one.precision:.2f} R {one.recall:.2f}")
    assert ours.precision >= CORPUS_PRECISION and ours.recall >= CORPUS_RECALL
    assert ours.recall > base.recall


def test_held_out_alignment_quality() -> None:
    """Pairs hand-checked after the model was built and never used to fit it: the honest estimate."""
    if not SHARED_CORPORA.exists():
        pytest.skip("shared corpora are not available")
    golds = load_gold(corpus_for, HELD_OUT)
    assert len(golds) >= 3
    ours, base = evaluate(golds)
    report(f"{len(golds)} held-out pairs", ours, base)
    for g in golds:
        one, _ = evaluate([g])
        print(f"  {g.story[:60]:60s} P {one.precision:.2f} R {one.recall:.2f}")
    assert ours.precision >= HELD_OUT_PRECISION and ours.recall >= HELD_OUT_RECALL
    assert ours.recall > base.recall


def test_figure_conflicts_found() -> None:
    """The hand-checked figure conflicts that compare() reports, and the reported ones nobody listed (false)."""
    pytest.importorskip("tui_reader.core.annotate", reason="figure annotation has not landed yet")
    from tui_reader.core.compare import compare

    golds = load_gold(corpus_for) + (load_gold(corpus_for, HELD_OUT) if SHARED_CORPORA.exists() else [])
    expected = hits = reported = false = 0
    for g in golds:
        cmp = compare(g.a, g.b)
        reported += len(cmp.figures.conflicts)
        found = set()
        for c in g.conflicts:
            expected += 1
            a_at = g.a.body.find(str(c["a_fig"]), g.sentences_a[int(c["i"])].start)
            b_at = g.b.body.find(str(c["b_fig"]), g.sentences_b[int(c["j"])].start)
            match = [
                n
                for n, p in enumerate(cmp.figures.conflicts)
                if p.a.span.start <= a_at < p.a.span.end and p.b.span.start <= b_at < p.b.span.end
            ]
            hits += bool(match)
            found.update(match)
        for n, p in enumerate(cmp.figures.conflicts):
            if n not in found:
                false += 1
                print(f"\n  not a hand-checked conflict ({g.story[:40]}): {p.why}")
    print(
        f"\nfigure conflicts: {hits}/{expected} hand-checked conflicts found; {reported} reported in all, "
        f"{false} of them not hand-checked"
    )
    assert expected and hits / expected >= 0.75
    assert false <= MAX_FALSE_CONFLICTS

"""Fixed stand-ins for core's annotation and comparison, for snapshot and layout tests of the UI.

Snapshots must not change when the annotator or the aligner is tuned, so these tests feed the UI spans
and a comparison found by plain phrase lookup in the seeds. Test-only; the app uses core.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

from tests.conftest import SEED_A, SEED_B, SEEDS
from tests.ui.conftest import SubstringLibrary
from tui_reader.core.model import Article, Span

QUOTES = {
    SEED_A: [("will die as a state, as a people, as a nation.", "Alexander Lukashenko")],
    SEED_B: [("there is no NATO buildup in the region", "Oana Lungescu"), ("not a threat to any country", None)],
}
FIGURES = {
    SEED_A: [
        ("about 80 percent", "percent", 80, "percent", "about"),
        ("at least 5,500", "count", 5500, None, "at least"),
    ],
    SEED_B: [
        ("more than 80%", "percent", 80, "percent", "more than"),
        ("roughly 50,000 supporters", "count", 50000, "people", "roughly"),
        ("1.5 miles", "quantity", 1.5, "mile", None),
    ],
}


def phrase_spans(article: Article) -> list[Span]:
    """Quote and figure spans for the seed phrases above (offsets checked against the body)."""
    spans = []
    for text, speaker in QUOTES.get(article.id, []):
        start = article.body.index(text)
        spans.append(Span("quote", start, start + len(text), text, speaker=speaker))
    for text, kind, value, unit, qualifier in FIGURES.get(article.id, []):
        start = article.body.index(text)
        spans.append(
            Span(
                "figure", start, start + len(text), text, figure_kind=kind, value=value, unit=unit, qualifier=qualifier
            )
        )
    return sorted(spans, key=lambda s: s.start)


def sentences(article: Article) -> list[SimpleNamespace]:
    """Sentences by a plain full-stop rule, within each paragraph (enough for a fixed layout)."""
    out = []
    for block_no, (start, end) in enumerate(article.paragraphs()):
        for m in re.finditer(r"[^.!?]+[.!?]*[”\"]?", article.body[start:end]):
            text = m.group().strip()
            if text:
                s = start + m.start() + m.group().index(text)
                out.append(SimpleNamespace(start=s, end=s + len(text), text=text, kind="paragraph", block=block_no))
    return out


def _find(sentences_: list[SimpleNamespace], needle: str) -> int:
    return next(i for i, s in enumerate(sentences_) if needle in s.text)


def fake_comparison(a: Article, b: Article) -> SimpleNamespace:
    """A comparison of the two seeds with two aligned pairs, word diffs and one figure conflict."""
    sa, sb = sentences(a), sentences(b)
    if a.id != SEED_A:
        sa, sb = sb, sa
        a, b = b, a
    pairs = []
    for needle_a, needle_b, kind in (
        ("official results gave Lukashenko", "re-elected last week", "paraphrase"),
        ("It is strictly defensive", "strictly defensive, proportionate &", "paraphrase"),
    ):
        i, j = _find(sa, needle_a), _find(sb, needle_b)
        ops = []
        for word_a, word_b in (("about 80 percent", "more than 80%"), ("the vote", "the votes")):
            if word_a in sa[i].text and word_b in sb[j].text:
                pa = a.body.index(word_a, sa[i].start)
                pb = b.body.index(word_b, sb[j].start)
                ops.append(
                    SimpleNamespace(
                        op="replace", a_start=pa, a_end=pa + len(word_a), b_start=pb, b_end=pb + len(word_b)
                    )
                )
        pairs.append(SimpleNamespace(a=(i,), b=(j,), score=0.6, kind=kind, diff=tuple(ops)))
    paired_a = {p.a[0] for p in pairs}
    paired_b = {p.b[0] for p in pairs}
    spans_a, spans_b = phrase_spans(a), phrase_spans(b)

    def note(spans: list[Span], sents: list[SimpleNamespace], text: str) -> SimpleNamespace:
        span = next(s for s in spans if s.text == text)
        return SimpleNamespace(
            span=span, sentence=next(k for k, s in enumerate(sents) if s.start <= span.start < s.end)
        )

    figures = SimpleNamespace(
        shared=(),
        conflicts=(
            SimpleNamespace(
                a=note(spans_a, sa, "about 80 percent"),
                b=note(spans_b, sb, "more than 80%"),
                why="about vs more than",
            ),
        ),
        only_a=(note(spans_a, sa, "at least 5,500"),),
        only_b=(note(spans_b, sb, "roughly 50,000 supporters"), note(spans_b, sb, "1.5 miles")),
    )
    quotes = SimpleNamespace(
        shared=(),
        only_a=tuple(s for s in spans_a if s.kind == "quote"),
        only_b=tuple(s for s in spans_b if s.kind == "quote"),
    )
    return SimpleNamespace(
        a=a,
        b=b,
        sentences_a=tuple(sa),
        sentences_b=tuple(sb),
        pairs=tuple(pairs),
        only_a=tuple(i for i in range(len(sa)) if i not in paired_a),
        only_b=tuple(j for j in range(len(sb)) if j not in paired_b),
        figures=figures,
        quotes=quotes,
    )


class FixedLibrary(SubstringLibrary):
    """Substring search, phrase annotations and the fixed comparison: a UI whose output never drifts."""

    def __init__(self, paths: list[Path] | None = None) -> None:
        super().__init__(paths or [SEEDS])

    def annotate(self, article: Article) -> list[Span]:
        return phrase_spans(article)

    def stories(self, progress=None) -> dict[str, str]:
        return {SEED_A: "Belarus election", SEED_B: "Belarus election"}

    def candidates(self, article: Article, limit: int = 10) -> list[tuple[str, float]]:
        return [(SEED_B if article.id == SEED_A else SEED_A, 0.42)]

    def compare(self, a: Article, b: Article) -> SimpleNamespace:
        comparison = fake_comparison(a, b)
        return comparison if comparison.a.id == a.id else swap(comparison)


def swap(c: SimpleNamespace) -> SimpleNamespace:
    """The comparison seen from the other side (B as A)."""

    def flip(op: SimpleNamespace) -> SimpleNamespace:
        return SimpleNamespace(op=op.op, a_start=op.b_start, a_end=op.b_end, b_start=op.a_start, b_end=op.a_end)

    pairs = tuple(
        SimpleNamespace(a=p.b, b=p.a, score=p.score, kind=p.kind, diff=tuple(map(flip, p.diff))) for p in c.pairs
    )
    return SimpleNamespace(
        a=c.b,
        b=c.a,
        sentences_a=c.sentences_b,
        sentences_b=c.sentences_a,
        pairs=pairs,
        only_a=c.only_b,
        only_b=c.only_a,
        figures=SimpleNamespace(
            shared=(),
            conflicts=tuple(SimpleNamespace(a=f.b, b=f.a, why=f.why) for f in c.figures.conflicts),
            only_a=c.figures.only_b,
            only_b=c.figures.only_a,
        ),
        quotes=SimpleNamespace(shared=(), only_a=c.quotes.only_b, only_b=c.quotes.only_a),
    )

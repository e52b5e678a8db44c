"""Scoring against the hand-checked alignments of tests/data/alignments.json (shared by tests and bench)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from tui_reader.core.corpus import Corpus
from tui_reader.core.model import Article, Pair, Sentence
from tui_reader.core.sentences import split_sentences

GOLD = Path(__file__).resolve().parent.parent / "data" / "alignments.json"
HELD_OUT = GOLD.with_name("alignments_heldout.json")
"""Pairs hand-checked after the model was designed and never used to fit or tune it (reported apart)."""


@dataclass
class GoldPair:
    """One hand-checked pair of articles: sure / possible sentence links, expected conflicts and quotes."""

    story: str
    a: Article
    b: Article
    sentences_a: list[Sentence]
    sentences_b: list[Sentence]
    sure: set[tuple[int, int]]
    possible: set[tuple[int, int]]
    conflicts: list[dict[str, object]] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Score:
    """Link counts summed over pairs: precision counts sure or possible links as right, recall only sure ones."""

    links: int = 0
    right: int = 0
    sure: int = 0
    found: int = 0

    def add(self, links: set[tuple[int, int]], gold: GoldPair) -> None:
        self.links += len(links)
        self.right += len(links & (gold.sure | gold.possible))
        self.sure += len(gold.sure)
        self.found += len(links & gold.sure)

    @property
    def precision(self) -> float:
        return self.right / self.links if self.links else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.sure if self.sure else 1.0


def locate(article: Article, sentences: Sequence[Sentence], phrase: str) -> int:
    """Index of the sentence holding ``phrase``, which must occur exactly once in the body."""
    count = article.body.count(phrase)
    assert count == 1, f"{article.id}: {phrase!r} occurs {count} times"
    at = article.body.find(phrase)
    for n, s in enumerate(sentences):
        if s.start <= at < s.end:
            return n
    raise AssertionError(f"{article.id}: {phrase!r} is not inside a sentence")


def load_gold(corpus_for: Callable[[str], Corpus | None], path: Path = GOLD) -> list[GoldPair]:
    """Every gold pair of ``path`` whose corpus ``corpus_for(name)`` can provide (None: that corpus is absent)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for entry in data["pairs"]:
        corpus = corpus_for(entry["corpus"])
        if corpus is None:
            continue
        a, b = corpus.get(entry["a"]), corpus.get(entry["b"])
        assert a is not None and b is not None, entry["story"]
        sa, sb = split_sentences(a), split_sentences(b)

        def links(key: str, a=a, b=b, sa=sa, sb=sb, entry=entry) -> set[tuple[int, int]]:
            return {(locate(a, sa, x), locate(b, sb, y)) for x, y in entry[key]}

        conflicts = [{**c, "i": locate(a, sa, c["a"]), "j": locate(b, sb, c["b"])} for c in entry["figure_conflicts"]]
        quotes = [(a.body.find(x), b.body.find(y)) for x, y in entry["shared_quotes"]]
        out.append(GoldPair(entry["story"], a, b, sa, sb, links("sure"), links("possible"), conflicts, quotes))
    return out


def pair_links(pairs: Sequence[Pair]) -> set[tuple[int, int]]:
    """Every (sentence of A, sentence of B) link that a list of pairs makes."""
    return {(i, j) for p in pairs for i in p.a for j in p.b}


_SPACE = re.compile(r"\s+")


def baseline_links(gold: GoldPair, cutoff: float = 0.75) -> set[tuple[int, int]]:
    """The line-diff baseline: difflib.SequenceMatcher over the two sentence lists (in order), and inside each
    replaced run the position-wise pairs whose own character ratio reaches ``cutoff`` (as ``ndiff`` does)."""
    norm_a = [_SPACE.sub(" ", s.text.casefold()) for s in gold.sentences_a]
    norm_b = [_SPACE.sub(" ", s.text.casefold()) for s in gold.sentences_b]
    links: set[tuple[int, int]] = set()
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, norm_a, norm_b, autojunk=False).get_opcodes():
        if tag == "equal":
            links.update((i1 + k, j1 + k) for k in range(i2 - i1))
        elif tag == "replace":
            for k in range(min(i2 - i1, j2 - j1)):
                if SequenceMatcher(None, norm_a[i1 + k], norm_b[j1 + k]).ratio() >= cutoff:
                    links.add((i1 + k, j1 + k))
    return links

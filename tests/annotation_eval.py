"""Scoring of annotate() against the hand-checked expectations in tests/data/annotations.json.

Shared by the quality tests and by `python -m tests.annotation_eval` (which prints every miss, for people
improving the rules). Articles come from the seeds or from ../shared/corpora (skipped when absent).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.conftest import DATA, SEEDS, SHARED_CORPORA
from tui_reader.core.annotate import annotate
from tui_reader.core.corpus import discover, read_source
from tui_reader.core.model import Article

EXPECTATIONS = DATA / "annotations.json"


def load_expectations() -> list[dict[str, Any]]:
    return json.loads(EXPECTATIONS.read_text(encoding="utf-8"))["articles"]


_record_cache: dict[Path, dict[str, Article]] = {}


def load_article(corpus: str, article_id: str, shared: Path = SHARED_CORPORA) -> Article | None:
    """The article as the corpus reader makes it, or None when its corpus is not here."""
    if corpus == "seeds":
        path = SEEDS / f"{article_id}.txt"
    elif corpus == "bbc_news":
        path = shared / corpus / f"{article_id}.txt"
    elif corpus == "allsides_general_sample":
        path = shared / corpus / "articles" / f"{article_id.removeprefix('abp-')}.txt"
    else:
        path = shared / corpus / "articles.jsonl"
    if not path.exists():
        return None
    if path.suffix == ".jsonl":
        if path not in _record_cache:
            found = discover([path])
            _record_cache[path] = {a.id: a for src in found.files for a in read_source(src)[0]}
        return _record_cache[path].get(article_id)
    found = discover([path])
    articles = [a for src in found.files for a in read_source(src)[0]]
    return articles[0] if articles else None


def _nth(body: str, text: str, n: int, *, words: bool) -> int:
    pos = -1
    for _ in range(n + 1):
        while True:
            pos = body.find(text, pos + 1)
            if pos < 0:
                raise LookupError(f"{text!r} (occurrence {n}) is not in the article")
            before_ok = pos == 0 or not body[pos - 1].isalnum()
            after = pos + len(text)
            if not words or (before_ok and (after >= len(body) or not body[after].isalnum())):
                break
    return pos


def expected_spans(article: Article, entry: dict[str, Any]) -> tuple[dict, dict, dict]:
    """(quotes, terms, figures): each maps (start, end) to its expected attributes (for a quote, the list of
    right speaker names; ``described_spans`` gives the described forms)."""
    body = article.body
    quotes: dict[tuple[int, int], Any] = {}
    terms: dict[tuple[int, int], Any] = {}
    for key, target in (("quotes", quotes), ("terms", terms)):
        for q in entry[key]:
            start = _nth(body, q["q"], q.get("n", 0), words=False)
            end = body.index(q["to"], start) + len(q["to"]) if "to" in q else start + len(q["q"])
            speaker = q.get("speaker")
            target[(start, end)] = [speaker] if isinstance(speaker, str) else speaker
    figures: dict[tuple[int, int], Any] = {}
    for f in entry["figures"]:
        start = _nth(body, f["text"], f.get("n", 0), words=True)
        figures[(start, start + len(f["text"]))] = (f["kind"], f["value"], f.get("unit"), f.get("qualifier"))
    return quotes, terms, figures


@dataclass
class Tally:
    """Counts for one measured category."""

    true_pos: int = 0
    predicted: int = 0
    expected: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_pos / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_pos / self.expected if self.expected else 1.0

    def line(self, name: str) -> str:
        return (
            f"{name:<16} precision {self.precision:6.1%} ({self.true_pos}/{self.predicted})  "
            f"recall {self.recall:6.1%} ({self.true_pos}/{self.expected})"
        )


def described_spans(article: Article, entry: dict[str, Any]) -> dict[tuple[int, int], str]:
    """(start, end) of each quote whose attribution describes its speaker -> the words it uses, lower case."""
    out: dict[tuple[int, int], str] = {}
    for q in entry["quotes"]:
        if q.get("described"):
            start = _nth(article.body, q["q"], q.get("n", 0), words=False)
            end = article.body.index(q["to"], start) + len(q["to"]) if "to" in q else start + len(q["q"])
            out[(start, end)] = q["described"].casefold()
    return out


def is_described(speaker: str | None) -> bool:
    """A described speaker ("a France Telecom spokeswoman") starts lower case; a name never does."""
    return bool(speaker) and speaker[:1].islower()  # type: ignore[index]


@dataclass
class Report:
    """Precision and recall per category over every scored article."""

    quotes: Tally = field(default_factory=Tally)
    speakers: Tally = field(default_factory=Tally)
    described: Tally = field(default_factory=Tally)
    terms: Tally = field(default_factory=Tally)
    figures: Tally = field(default_factory=Tally)
    values: Tally = field(default_factory=Tally)
    articles: int = 0

    def lines(self) -> list[str]:
        return [
            f"{self.articles} articles",
            self.quotes.line("quote spans"),
            self.speakers.line("speakers"),
            self.described.line("described"),
            self.terms.line("term spans"),
            self.figures.line("figure spans"),
            self.values.line("figure values"),
        ]


def score(entries: list[dict[str, Any]], shared: Path = SHARED_CORPORA) -> Report:
    report = Report()
    for entry in entries:
        article = load_article(entry["corpus"], entry["id"], shared)
        if article is None:
            continue
        report.articles += 1
        score_article(article, entry, report)
    return report


def score_article(article: Article, entry: dict[str, Any], report: Report) -> None:
    where = f"{entry['corpus']}/{entry['id']}"
    quotes, terms, figures = expected_spans(article, entry)
    spans = annotate(article)
    got_quotes = {(s.start, s.end): s for s in spans if s.kind == "quote"}
    got_terms = {(s.start, s.end): s for s in spans if s.kind == "term"}
    got_figures = {(s.start, s.end): s for s in spans if s.kind == "figure"}
    body = article.body

    def show(key: tuple[int, int]) -> str:
        text = body[key[0] : key[1]]
        return repr(text if len(text) < 60 else text[:28] + "…" + text[-28:])

    _match(report.quotes, quotes, got_quotes, where, "quote", show)
    _match(report.terms, terms, got_terms, where, "term", show)
    _match(report.figures, figures, got_figures, where, "figure", show)
    described = described_spans(article, entry)
    for key, speakers in quotes.items():
        wanted = [s for s in (speakers or []) if s]
        got = got_quotes[key].speaker if key in got_quotes else None
        report.speakers.expected += bool(wanted)
        report.described.expected += key in described and not wanted
        if is_described(got):
            # a described speaker is right when it is the attribution's own words
            report.described.predicted += 1
            if got.casefold() == described.get(key):  # type: ignore[union-attr]
                report.described.true_pos += 1
                report.described.expected += bool(wanted)  # a named speaker's described form counts once found
            else:
                report.described.misses.append(
                    f"{where}: speaker of {show(key)}: got {got!r}, want {wanted or described.get(key)!r}"
                )
            if wanted:
                report.speakers.misses.append(f"{where}: speaker of {show(key)}: got {got!r}, want {wanted!r}")
            continue
        report.speakers.predicted += got is not None
        if got is not None and got in wanted:
            report.speakers.true_pos += 1
        elif got is not None or wanted:
            report.speakers.misses.append(f"{where}: speaker of {show(key)}: got {got!r}, want {wanted or None!r}")
    for key, (kind, value, unit, qualifier) in figures.items():
        if key not in got_figures:
            continue
        s = got_figures[key]
        report.values.expected += 1
        report.values.predicted += 1
        got = (s.figure_kind, s.value, s.unit, s.qualifier)
        if got == (kind, value, unit, qualifier):
            report.values.true_pos += 1
        else:
            report.values.misses.append(f"{where}: {show(key)}: got {got}, want {(kind, value, unit, qualifier)}")


def _match(tally: Tally, expected: dict, got: dict, where: str, what: str, show: Any) -> None:
    tally.expected += len(expected)
    tally.predicted += len(got)
    for key in got:
        if key in expected:
            tally.true_pos += 1
        else:
            tally.misses.append(f"{where}: extra {what} {show(key)}")
    for key in expected:
        if key not in got:
            tally.misses.append(f"{where}: missed {what} {show(key)}")


if __name__ == "__main__":
    result = score(load_expectations())
    for category in ("quotes", "speakers", "described", "terms", "figures", "values"):
        for miss in getattr(result, category).misses:
            print(miss)
    print()
    print("\n".join(result.lines()))
    sys.exit(0)

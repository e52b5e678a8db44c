"""Figure queries over the real BBC corpus against an independent regex scan of the raw files.

The scan is written from the rules, not from the analyzer: each pattern lists the spellings of one value.
Precision and recall are printed; the target is exact agreement (any difference is printed for reading).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import shared_corpus
from tui_reader.core.index import SearchIndex

NUM_START = r"(?<![\w.,£$€])[£$€]?"  # not inside another number or word; a currency sign may stand before
NUM_END = r"(?![\d]|[.,]\d)"

# query -> the spellings of its value, as a regex over the raw text (case-insensitive)
FIGURES = {
    "£600m": NUM_START + r"(?:600\s?(?:m|mn|million)\b|600,000,000" + NUM_END + r"|0\.6\s?(?:bn|billion)\b)",
    "5,000": NUM_START + r"(?:5,?000" + NUM_END + r"|5\s?(?:k|thousand)\b)",
    "4.75%": NUM_START + r"4\.75\s?(?:%|per\s?cent\b|percent\b|pc\b|pct\b)",
    "1.5 billion": NUM_START + r"(?:1\.5\s?(?:bn|billion)\b|1,500,000,000" + NUM_END + r"|1,?500\s?(?:m|mn|million)\b)",
    "10%": NUM_START + r"10\s?(?:%|per\s?cent\b|percent\b|pc\b|pct\b)",
    "2004": NUM_START + r"2,?004" + NUM_END,  # "the Nasdaq rose 0.9% to 2,004"
}


@pytest.fixture(scope="module")
def bbc(tmp_path_factory: pytest.TempPathFactory) -> tuple[SearchIndex, Path]:
    root = shared_corpus("bbc_news")
    mp = pytest.MonkeyPatch()
    mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("bbc-cache")))
    ix = SearchIndex.open([root])
    ix.update()
    mp.undo()
    return ix, root


@pytest.mark.parametrize(("query", "pattern"), FIGURES.items())
def test_figure_hits_agree_with_a_scan_of_the_files(bbc: tuple[SearchIndex, Path], query: str, pattern: str) -> None:
    ix, root = bbc
    regex = re.compile(pattern, re.IGNORECASE)
    expected = set()
    for path in root.rglob("*.txt"):
        if regex.search(path.read_text("utf-8", errors="replace")):
            expected.add(path.relative_to(root).with_suffix("").as_posix())
    result = ix.search(query, limit=5000)
    got = {h.id for h in result.hits}
    hit = len(got & expected)
    precision = hit / len(got) if got else 1.0
    recall = hit / len(expected) if expected else 1.0
    print(f"{query!r}: {len(got)} hits, {len(expected)} expected, precision {precision:.3f}, recall {recall:.3f}")
    print("  only found:", sorted(got - expected)[:10], " only scanned:", sorted(expected - got)[:10])
    assert expected, "the pattern should find something in this corpus"
    assert precision >= 0.98 and recall >= 0.98
    # every highlighted match is one of the value's spellings
    for h in result.hits[:50]:
        for m in h.matches:
            assert regex.search(m.text if m.text[:1] in "£$€" else f" {m.text}"), (h.id, m.text)


def test_similar_finds_other_accounts_of_the_same_story(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """More-like-this on AllSides same-story groups: the best other article should report the same story."""
    import json

    root = shared_corpus("allsides_fulltext_groups")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    ix = SearchIndex.open([root / "articles.jsonl"])
    ix.update()
    story = {}
    for line in (root / "stories.jsonl").read_text("utf-8").splitlines():
        group = json.loads(line)
        if len(group["article_ids"]) >= 2:
            story.update(dict.fromkeys(group["article_ids"], group["story_id"]))
    checked = top1 = top3 = 0
    for article_id, story_id in list(story.items())[:150]:
        got = [i for i, _ in ix.similar(article_id, 3)]
        checked += 1
        top1 += bool(got) and story.get(got[0]) == story_id
        top3 += any(story.get(g) == story_id for g in got)
    print(f"similar(): same story at rank 1 {top1 / checked:.3f}, top 3 {top3 / checked:.3f} ({checked} articles)")
    assert top1 / checked >= 0.65 and top3 / checked >= 0.8

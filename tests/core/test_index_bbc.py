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

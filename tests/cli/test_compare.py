"""`newsreader compare`: the JSON contract, choosing B, errors, and Rich output that never parses article text."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from tests.conftest import SEED_A, SEED_B
from tui_reader.cli import main
from tui_reader.core.compare import compare
from tui_reader.core.model import Article, Block
from tui_reader.output.compare import render, rows


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_compare_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "compare", SEED_A, SEED_B, "--json")
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["a", "b", "pairs", "only_a", "only_b", "figures", "quotes"]
    assert data["a"]["id"] == SEED_A and data["b"]["id"] == SEED_B
    assert set(data["figures"]) == {"shared", "only_a", "only_b", "conflicts"}
    assert set(data["quotes"]) == {"shared", "only_a", "only_b"}
    assert data["pairs"]
    for pair in data["pairs"]:
        assert {"a", "b", "score", "diff"} <= set(pair)
        for op, a_text, b_text in pair["diff"]:
            assert op in ("equal", "delete", "insert", "replace")
            assert isinstance(a_text, str) and isinstance(b_text, str)
    body_a = json.loads(run(capsys, "show", SEED_A, "--json")[1])["body"]
    for sentence in data["only_a"] + [s for p in data["pairs"] for s in p["a"]]:
        assert body_a[sentence["start"] : sentence["end"]] == sentence["text"]


def test_compare_with_one_argument_picks_the_other_account(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "compare", SEED_A[:6], "--json")
    assert code == 0
    assert json.loads(out)["b"]["id"] == SEED_B


def test_compare_errors_are_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "compare", SEED_A, "nonexistent_article")
    assert code == 1 and out == "" and err.count("\n") == 1
    code, out, err = run(capsys, "compare", SEED_A, SEED_A)
    assert code == 1 and "same article" in err
    lonely = tmp_path / "lonely.txt"
    lonely.write_text("Markets\n\nThe central bank raised rates by half a point on Tuesday.\n", encoding="utf-8")
    code, out, err = run(capsys, "compare", str(lonely), "--corpus", str(tmp_path))
    assert code == 1 and "no other account" in err and err.count("\n") == 1


def hostile(ident: str, extra: str) -> Article:
    body = f"[bold red]Markup[/] is plain text here. {extra}\n\nThe [@click=quit]council[/] met on Monday."
    return Article(
        ident,
        ident,
        f"[red]{ident}[/red]",
        body,
        blocks=(Block("paragraph", 0, body.index("\n\n")), Block("paragraph", body.index("\n\n") + 2, len(body))),
    )


@pytest.mark.parametrize("width", [80, 140])
def test_rich_output_is_literal_and_fits(width: int) -> None:
    a, b = hostile("a", "The mayor resigned."), hostile("b", "Nobody resigned.")
    cmp = compare(a, b, spans_a=[], spans_b=[])
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, highlight=False, markup=False, emoji=False, color_system=None)
    render(cmp, console)
    out = buffer.getvalue()
    assert "[bold red]Markup[/]" in out and "[@click=quit]council[/]" in out and "[red]a[/red]" in out
    assert max(len(line) for line in out.splitlines()) <= width


def test_rows_keep_both_orders(seed_articles: dict[str, Article]) -> None:
    cmp = compare(seed_articles["000"], seed_articles["002"], spans_a=[], spans_b=[])
    layout = rows(cmp)
    seen_a = [i for _, ia, _ in layout for i in ia]
    seen_b = [j for _, _, ib in layout for j in ib]
    assert sorted(seen_a) == list(range(len(cmp.sentences_a)))
    assert sorted(seen_b) == list(range(len(cmp.sentences_b)))
    assert seen_a == sorted(seen_a)  # A reads in its own order


def test_compare_one_argument_uses_the_index_first(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a built index over a corpus of hundreds, B comes from the index's similar() without loading the
    whole corpus, and it is another account of A's story."""
    from tests.conftest import shared_corpus
    from tui_reader.core import corpus as corpus_module
    from tui_reader.core.index import SearchIndex

    root = shared_corpus("basil_triplets")
    path = root / "articles.jsonl"
    SearchIndex.open([path]).update()
    stories = {
        article_id: record["story_id"]
        for record in map(json.loads, (root / "stories.jsonl").read_text(encoding="utf-8").splitlines())
        for article_id in record["article_ids"]
    }

    def no_full_load(*args: object, **kwargs: object) -> None:
        raise AssertionError("the whole corpus was loaded")

    monkeypatch.setattr(corpus_module.Corpus, "load", no_full_load)
    article_id = "basil-11c9f251-35c8-4452-b052-df9be61464c6_1"
    code, out, err = run(capsys, "compare", article_id, "--corpus", str(path), "--json")
    assert code == 0, err
    b = json.loads(out)["b"]["id"]
    assert b != article_id and stories[b] == stories[article_id]
    code, out, _ = run(capsys, "compare", article_id, "--corpus", str(path))
    assert code == 0 and "search index" in out


def test_stacked_sentences_hang_under_their_text(seed_articles: dict[str, Article]) -> None:
    """At 80 columns a wrapped sentence continues under its own text, not under the side's letter, and no
    sentence line carries trailing spaces (output piped to a file stays clean)."""
    cmp = compare(seed_articles["000"], seed_articles["002"])
    buffer = io.StringIO()
    console = Console(file=buffer, width=80, highlight=False, markup=False, emoji=False, color_system=None)
    render(cmp, console)
    lines = buffer.getvalue().splitlines()
    sentence_lines = [line for line in lines if line.startswith(("A  ", "B  ", "   "))]
    sentence_lines = [line for line in sentence_lines if line.strip() not in ("Figures", "Quotations")]
    assert sentence_lines and all(line == line.rstrip() for line in sentence_lines)
    starts = [n for n, line in enumerate(lines) if line.startswith(("A  ", "B  ")) and len(line) > 70]
    assert starts  # some sentence is long enough to wrap
    for n in starts:
        following = lines[n + 1]
        assert following.startswith("   ") and following[3] != " "  # hangs at the text's column
    summary = [line for line in lines if "aligned (" in line or line.startswith("figures:")]
    assert len(summary) == 2 and not any(line.endswith("·") for line in summary)

"""`newsreader search` and `newsreader index`: JSON contract, Rich table, exit codes, one-line errors, start-up."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEED_A, SEED_B, SEEDS
from tui_reader.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_search_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "80%", "--json")
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["query", "total", "took_ms", "hits"]
    assert data["query"] == "80%" and data["total"] == 2 and data["took_ms"] >= 0
    assert {h["id"] for h in data["hits"]} == {SEED_A, SEED_B}
    for hit in data["hits"]:
        assert list(hit) == ["id", "path", "title", "outlet", "date", "score", "matches", "snippet"]
        body = json.loads(subprocess_show(hit["id"]))["body"]
        for m in hit["matches"]:
            assert body[m["start"] : m["end"]] == m["text"]
        assert "\n" not in hit["snippet"]


def subprocess_show(article_id: str) -> str:
    from io import StringIO
    from unittest import mock

    buffer = StringIO()
    with mock.patch("sys.stdout", buffer):
        main(["show", article_id, "--json"])
    return buffer.getvalue()


def test_search_table_highlights_by_offset(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "5500")
    assert code == 0
    assert "Tensions grow between Russia" in out and "5,500" in out
    assert "1 article match" in out


def test_limit_and_nothing_found(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "NATO", "--limit", "1", "--json")
    data = json.loads(out)
    assert code == 0 and len(data["hits"]) == 1 and data["total"] == 2
    code, out, err = run(capsys, "search", "quokka")
    assert code == 1 and out == "" and err == "newsreader: no articles match 'quokka'\n"
    code, out, err = run(capsys, "search", "quokka", "--json")
    assert code == 1 and json.loads(out)["hits"] == [] and err.count("\n") == 1
    code, _, err = run(capsys, "search", "x", "--limit", "0")
    assert code == 1 and "--limit" in err


@pytest.mark.parametrize("query", ['"unclosed', "OR", "*", "-", "\x1b]52;c;aGk=\x07", "[bold]x", "a" * 100_000])
def test_hostile_queries_get_one_line(capsys: pytest.CaptureFixture[str], query: str) -> None:
    code, out, err = run(capsys, "search", query)
    assert code in (0, 1)
    assert "Traceback" not in err
    assert all(len(line) < 400 for line in err.splitlines())
    assert "\x1b" not in out + err and "\x07" not in out + err


def test_markup_in_articles_is_shown_literally(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "m.txt").write_text("[bold red]Trap[/] title\n\nClick [@click=app.quit]here[/] for 5,500.\n", "utf-8")
    code, out, _ = run(capsys, "search", "5500", "--corpus", str(tmp_path))
    assert code == 0 and "[@click=app.quit]here[/]" in out and "[bold red]Trap[/]" in out


def test_index_command_reports_counts_and_grouped_skips(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c"
    shutil.copytree(SEEDS, corpus)
    for n in range(3):
        (corpus / f"photo{n}.jpg").write_bytes(b"\xff\xd8")
    (corpus / "empty.txt").write_text("", "utf-8")
    code, out, _ = run(capsys, "index", "--corpus", str(corpus))
    assert code == 0
    assert "Built the index: 2 articles from 3 files" in out
    assert "not an article file (.jpg): 3 files" in out
    assert "empty.txt: empty file" in out
    code, out, _ = run(capsys, "index", "--corpus", str(corpus))
    assert "up to date" in out
    code, out, _ = run(capsys, "index", "--rebuild", "--corpus", str(corpus))
    assert "Built the index" in out


def test_search_updates_before_searching(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c"
    shutil.copytree(SEEDS, corpus)
    assert run(capsys, "search", "Lungescu", "--corpus", str(corpus))[0] == 0
    (corpus / "new.txt").write_text("Wombats\n\nA wombat count of 7,777.\n", "utf-8")
    code, out, _ = run(capsys, "search", "7777", "--corpus", str(corpus), "--json")
    assert code == 0 and [h["id"] for h in json.loads(out)["hits"]] == ["new"]
    (corpus / "new.txt").unlink()
    assert run(capsys, "search", "7777", "--corpus", str(corpus))[0] == 1


def test_search_imports_no_textual_and_no_trafilatura(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from tui_reader.cli import main\n"
        "rc = main(['search', 'NATO', '--json'])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'trafilatura'))\n"
        "print(rc, bad)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.stdout.strip().splitlines()[-1] == "0 []", done.stderr

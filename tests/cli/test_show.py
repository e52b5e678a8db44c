"""`newsreader show`: Rich text for people, the DESIGN.md JSON for scripts, exit codes, literal text."""

from __future__ import annotations

import json
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


def test_show_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", SEED_A, "--json")
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["id", "path", "title", "outlet", "byline", "date", "body", "quotes", "figures"]
    assert data["id"] == SEED_A
    assert data["byline"] == "Ken Hanly" and data["date"] == "2020-08-18"
    assert Path(data["path"]).resolve() == (SEEDS / f"{SEED_A}.txt").resolve()
    for span in data["quotes"] + data["figures"]:
        assert data["body"][span["start"] : span["end"]] == span["text"]


def test_show_rich_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", SEED_B)
    assert code == 0
    assert out.startswith("Belarus: NATO Denies Amassing Troops Amid Election Protests")
    assert "— Oana Lungescu (@NATOpress) August 16, 2020" in out


def test_show_by_path_and_prefix(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", str(SEEDS / f"{SEED_B}.txt"), "--json")
    assert code == 0 and json.loads(out)["id"] == SEED_B
    code, out, _ = run(capsys, "show", "002_62", "--json")
    assert code == 0 and json.loads(out)["id"] == SEED_B


def test_unknown_article_names_close_matches(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "show", "002_62dd9d57e05a838x")
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert SEED_B in err and "did you mean" in err


def test_missing_corpus_is_a_one_line_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "show", "x", "--corpus", str(tmp_path / "nope"))
    assert code == 1
    assert err.startswith("newsreader: no such file or folder")


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["show"])
    assert exc.value.code == 2


def test_help_on_every_command() -> None:
    for argv in ([], ["search"], ["show"], ["compare"], ["index"]):
        out = subprocess.run([sys.executable, "-m", "tui_reader.cli", *argv, "--help"], capture_output=True, text=True)
        assert out.returncode == 0
        assert out.stdout.startswith("usage: newsreader")


def test_hostile_text_prints_literally(tmp_path: Path) -> None:
    (tmp_path / "evil.txt").write_text(
        "Evil [bold red]title[/]\n\nClick [@click=app.quit]here[/] or [link=file:///etc/passwd]there[/link] "
        "\x1b]52;c;ZXZpbA==\x07 and a trailing backslash \\"
    )
    out = subprocess.run(
        [sys.executable, "-m", "tui_reader.cli", "show", "evil", "--corpus", str(tmp_path)],
        capture_output=True,
        text=True,
        env={"TERM": "xterm-256color", "FORCE_COLOR": "1", "COLUMNS": "200", "PATH": "/usr/bin:/bin"},
    )
    assert out.returncode == 0, out.stderr
    assert "Evil [bold red]title[/]" in out.stdout
    assert "Click [@click=app.quit]here[/] or [link=file:///etc/passwd]there[/link]" in out.stdout
    assert "\x1b]" not in out.stdout and "\x07" not in out.stdout
    assert "a trailing backslash \\" in out.stdout


def test_show_json_fills_quotes_and_figures(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", SEED_B, "--json")
    assert code == 0
    data = json.loads(out)
    assert all(list(q) == ["start", "end", "text", "speaker"] for q in data["quotes"])
    assert all(list(f) == ["start", "end", "text", "kind", "value", "unit", "qualifier"] for f in data["figures"])
    assert {"text": "UK does not accept", "speaker": "Dominic Raab"}.items() <= next(
        q for q in data["quotes"] if q["text"] == "UK does not accept"
    ).items()
    figure = next(f for f in data["figures"] if f["text"] == "about 1.5 miles")
    assert (figure["kind"], figure["value"], figure["unit"], figure["qualifier"]) == ("quantity", 1.5, "mile", "about")
    for span in data["quotes"]:
        assert not span["text"].startswith(('"', "“")) and not span["text"].endswith(('"', "”"))


def test_show_rich_highlights_quotes_with_speakers_and_a_legend(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", SEED_B)
    assert code == 0
    assert '"UK does not accept" [Dominic Raab] the result' in out.replace("\n", " ")
    assert "Legend: quotation [speaker]  figure" in out
    # the embedded post keeps its own signature and gets no second speaker label
    assert "2/2 [Oana Lungescu]" not in out


def test_show_piped_has_no_trailing_spaces_and_posts_stay_indented(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Output piped to a file at 80 columns: paragraphs wrapped without the space Rich leaves at each break,
    and the embedded post's every line indented by two (not padded to the width)."""
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["show", SEED_B]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(line == line.rstrip() for line in lines)
    assert max(len(line) for line in lines) <= 80
    post = [n for n, line in enumerate(lines) if line.startswith("  There is no #NATO buildup")]
    assert post
    following = lines[post[0] : post[0] + 4]
    assert all(line.startswith("  ") and line[2] != " " for line in following)
    assert following[-1].startswith("  — Oana Lungescu")

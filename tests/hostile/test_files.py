"""Hostile and broken files (issue 9): each gets a one-line reason, the rest of the corpus still loads, and
nothing in the corpus is written. Every fixture is generated here; no binaries are committed."""

from __future__ import annotations

import codecs
import json
import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import tree_digest
from tui_reader.core import corpus as corpus_module
from tui_reader.core.corpus import Corpus
from tui_reader.core.sanitize import is_clean

GOOD = "Good article\n\nThe council met on Monday and approved the budget."


def _corpus_with(
    tmp_path: Path, name: str, content: bytes | str, before_load: Callable[[], None] | None = None
) -> tuple[Corpus, Path]:
    root = tmp_path / "corpus"
    root.mkdir(exist_ok=True)
    (root / "good.txt").write_text(GOOD)
    target = root / name
    if isinstance(content, str):
        target.write_text(content, encoding="utf-8")
    else:
        target.write_bytes(content)
    before = tree_digest(root)
    if before_load:
        before_load()
    loaded = Corpus.load([root])
    assert tree_digest(root) == before, "the corpus was modified"
    assert loaded.get("good") is not None, "one bad file must not stop the others"
    for article in loaded.articles:
        assert is_clean(article.body) and is_clean(article.title)
    for skip in loaded.skipped:
        assert "\n" not in skip.reason and skip.reason
    return loaded, target


def _skipped_reason(loaded: Corpus, name: str) -> str:
    reasons = [s.reason for s in loaded.skipped if Path(s.path.split(" (")[0]).name == name]
    assert len(reasons) == 1, loaded.skipped
    return reasons[0]


def _nul_at(offset: int) -> bytes:
    data = bytearray(b"Looks like text\n\n" + b"x" * (offset + 50))
    data[offset] = 0
    return bytes(data)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("nul-early.txt", _nul_at(100), "binary file (NUL byte at offset 100)"),
        ("nul-late.txt", _nul_at(70 * 1024), "binary file (NUL byte at offset 71,680)"),
        ("empty.txt", b"", "empty file"),
        ("blank.txt", " \n\t \r\n\u00a0\u200b ".encode(), "no article text"),
        ("junk.xml", bytes(random.Random(7).randrange(1, 256) for _ in range(5000)), None),
        ("truncated.rss", b'<?xml version="1.0"?><rss><channel><title>T</title><item><title>A', None),
        ("broken.json", b'{"title": "x", "text": ', "not valid JSON (Expecting value)"),
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, "not valid JSON (nested too deeply)"),
        ("not-records.json", b"42", "JSON is neither an object nor a list of objects"),
    ],
)
def test_bad_files_get_a_reason(tmp_path: Path, name: str, content: bytes, reason: str | None) -> None:
    loaded, _ = _corpus_with(tmp_path, name, content)
    got = _skipped_reason(loaded, name)
    if reason is not None:
        assert got == reason


@pytest.mark.parametrize(
    "doc",
    [
        # billion laughs
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)).replace(
            "&lol0;", "&lol;"
        )
        + "]><rss><channel><item><title>&lol9;</title><description>x</description></item></channel></rss>",
        # quadratic blow-up
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "'
        + "A" * 50_000
        + '">]><rss><channel><item><title>'
        + "&a;" * 50_000
        + "</title><description>x</description></item></channel></rss>",
        # external entity
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><item>'
        "<title>&xxe;</title><description>&xxe;</description></item></channel></rss>",
    ],
    ids=["billion-laughs", "quadratic", "external-entity"],
)
def test_xml_entity_attacks_are_refused(tmp_path: Path, doc: str) -> None:
    loaded, _ = _corpus_with(tmp_path, "attack.xml", doc)
    assert "entit" in _skipped_reason(loaded, "attack.xml")
    assert all("root:" not in a.body for a in loaded.articles)


def test_jsonl_bad_lines_skip_records_not_the_file(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "one", "title": "One", "text": "First record text."}),
        "{broken",
        "[1, 2]",
        "[" * 100_000 + "]" * 100_000,
        json.dumps({"id": "two", "title": "Two", "text": "Second record text."}),
    ]
    loaded, _ = _corpus_with(tmp_path, "mixed.jsonl", "\n".join(lines))
    assert {"one", "two"} <= {a.id for a in loaded.articles}
    reasons = sorted(s.reason for s in loaded.skipped)
    assert reasons == [
        "line 2: not valid JSON (Expecting property name enclosed in double quotes)",
        "line 3: not a JSON object",
        "line 4: not valid JSON (nested too deeply)",
    ]


@pytest.mark.parametrize(
    ("data", "title", "body"),
    [
        (b"Caf\xe9 title\n\nLes \xe9l\xe8ves sont arriv\xe9s.", "Café title", "Les élèves sont arrivés."),
        (codecs.BOM_UTF16_LE + "Wide\n\nZürich.".encode("utf-16-le"), "Wide", "Zürich."),
        ("Wide\n\nZürich without a BOM.".encode("utf-16-le"), "Wide", "Zürich without a BOM."),
        ("Wide\n\nBig endian.".encode("utf-16-be"), "Wide", "Big endian."),
        (b"Windows\r\n\r\nOne.\r\nTwo.\r\n", "Windows", "One.\n\nTwo."),
        (b"Old Mac\r\rOne.\rTwo.", "Old Mac", "One.\n\nTwo."),
        ("שלום עולם\n\nמדינה אחת. العربية أيضا.".encode(), "שלום עולם", "מדינה אחת. العربية أيضا."),
        (
            "Émoji 👩🏽‍🔬 and e\u0301\n\nCombining a\u0308\u0301 marks 🇺🇦.".encode(),
            "Émoji 👩🏽‍🔬 and e\u0301",
            "Combining a\u0308\u0301 marks 🇺🇦.",
        ),
    ],
    ids=["latin1", "utf16-bom", "utf16le", "utf16be", "crlf", "lone-cr", "rtl", "emoji"],
)
def test_encodings_and_scripts(tmp_path: Path, data: bytes, title: str, body: str) -> None:
    loaded, _ = _corpus_with(tmp_path, "enc.txt", data)
    article = loaded.get("enc")
    assert article is not None, loaded.skipped
    assert article.title == title
    assert article.body == body


def test_invalid_utf8_is_shown_as_replacement_character(tmp_path: Path) -> None:
    loaded, _ = _corpus_with(tmp_path, "bad.txt", "Zürich title\n\nBroken ".encode() + b"\xff\xfe" + b" bytes.")
    article = loaded.get("bad")
    assert article is not None
    assert article.body == "Broken \ufffd\ufffd bytes."


def test_huge_file_is_skipped_without_reading_it(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    with (root / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    loaded, _ = _corpus_with(tmp_path, "x.txt", "X\n\nSmall.")
    assert _skipped_reason(loaded, "huge.txt") == "too large (52.4 MB; the limit is 32 MB)"


def test_two_megabyte_single_line(tmp_path: Path) -> None:
    line = " ".join(["word"] * 400_000) + "."
    loaded, _ = _corpus_with(tmp_path, "long.txt", "Long one\n\n" + line)
    article = loaded.get("long")
    assert article is not None and len(article.body) == len(line)


def test_malformed_html(tmp_path: Path) -> None:
    html = "<html><body><div><p>Unclosed <b>bold <i>italic<p>" + "Second paragraph of the story. " * 20 + "<div></span>"
    loaded, _ = _corpus_with(tmp_path, "bad.html", html)
    article = loaded.get("bad")
    assert article is not None
    assert "Second paragraph of the story." in article.body and "<" not in article.body


def test_terminal_escapes_and_bidi_in_every_field(tmp_path: Path) -> None:
    record = {
        "id": "evil",
        "title": "Title \x1b]0;owned\x07 with \x1b[2J clear",
        "outlet": "Outlet\x9b31m",
        "byline": "\u202eReversed",
        "text": "Body \x1b]52;c;ZXZpbA==\x07 with \x00 NUL and \x7f DEL and \u2066isolate\u2069.",
    }
    loaded, _ = _corpus_with(tmp_path, "evil.jsonl", json.dumps(record))
    article = loaded.get("evil")
    assert article is not None
    assert article.title == "Title with clear"
    assert article.outlet == "Outlet"
    assert article.byline == "Reversed"
    assert article.body == "Body with NUL and DEL and isolate."


def test_symlink_loop_fifo_and_broken_link(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "up").symlink_to(root)
    (root / "sub" / "self").symlink_to(root / "sub")
    os.mkfifo(root / "fifo.txt")
    (root / "dangling.txt").symlink_to(root / "nowhere.txt")
    loaded, _ = _corpus_with(tmp_path, "x.txt", "X\n\nText.")
    assert sorted(a.id for a in loaded.articles) == ["good", "x"]
    reasons = " | ".join(s.reason for s in loaded.skipped)
    assert "a FIFO" in reasons and "symbolic link loop" in reasons and "cannot read" in reasons


def _failing_read(exc: OSError, name: str) -> Callable[[Path], bytes]:
    real_read = corpus_module._read_bounded

    def fake_read(path: Path) -> bytes:
        if path.name == name:
            raise exc
        return real_read(path)

    return fake_read


@pytest.mark.parametrize(
    ("exc", "reason"),
    [
        (PermissionError(13, "Permission denied"), "cannot read (permission denied)"),
        (FileNotFoundError(2, "No such file or directory"), "cannot read (no such file or directory)"),
    ],
    ids=["unreadable", "deleted-while-reading"],
)
def test_unreadable_or_vanished_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exc: OSError, reason: str
) -> None:
    # Tests run as root here, where chmod 000 does not stop reading: the failure is injected instead.
    def inject() -> None:
        monkeypatch.setattr(corpus_module, "_read_bounded", _failing_read(exc, "locked.txt"))

    loaded, _ = _corpus_with(tmp_path, "locked.txt", "Locked\n\nText.", inject)
    assert _skipped_reason(loaded, "locked.txt") == reason


def test_file_growing_past_the_limit_while_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus_module, "MAX_FILE_BYTES", 1000)
    loaded, _ = _corpus_with(tmp_path, "grows.txt", "Grows\n\n" + "x" * 2000)
    assert _skipped_reason(loaded, "grows.txt").startswith("too large")

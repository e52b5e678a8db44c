"""The one sanitiser: nothing that could command a terminal or reorder text survives it."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from tui_reader.core.sanitize import is_clean, normalize_whitespace, one_line, sanitize

FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@given(st.text())
def test_no_control_or_bidi_character_survives(text: str) -> None:
    out = sanitize(text)
    assert FORBIDDEN.search(out) is None
    assert is_clean(out)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs"))))
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert sanitize(text) == text


def test_escape_sequences_are_removed_whole() -> None:
    assert sanitize("red \x1b[31mALERT\x1b[0m done") == "red ALERT done"
    assert sanitize("title\x1b]0;pwned\x07 after") == "title after"
    assert sanitize("clip\x1b]52;c;ZXZpbA==\x1b\\ after") == "clip after"
    assert sanitize("eight-bit \x9b31m csi") == "eight-bit  csi"


def test_unterminated_osc_does_not_swallow_the_rest() -> None:
    text = "start \x1b]52;c;" + "A" * 2000 + " the rest of the article"
    out = sanitize(text)
    assert out.endswith("the rest of the article")
    assert "\x1b" not in out


def test_bidi_overrides_and_zero_widths_are_removed() -> None:
    assert sanitize("abc\u202edcba\u202c") == "abcdcba"
    assert sanitize("zero\u200bwidth\ufeff") == "zerowidth"


def test_newlines_and_tabs_stay_and_cr_becomes_newline() -> None:
    assert sanitize("a\tb\r\nc\rd\n") == "a\tb\nc\nd\n"


def test_normalize_whitespace_handles_no_break_spaces() -> None:
    assert normalize_whitespace("By Ken\u00a0Hanly \u00a0 \u00a0Aug") == "By Ken Hanly Aug"
    assert normalize_whitespace("  a \t b  \n\n\n\n c  ") == "a b\n\nc"
    assert normalize_whitespace("co\u00adoperate") == "cooperate"


def test_markup_like_text_stays_literal() -> None:
    text = "[bold red]x[/] [@click=app.quit]y[/] [link=file:///etc/passwd]z"
    assert sanitize(text) == text


def test_one_line() -> None:
    assert one_line(" a\n b ") == "a b"
    assert one_line("   ") is None
    assert one_line(None) is None


def test_mojibake_is_repaired_and_nothing_else_changes() -> None:
    from tui_reader.core.sanitize import repair_mojibake

    assert repair_mojibake("ObamaÃ¢â‚¬â„¢s Ã¢â‚¬Ëœtrickle downÃ¢â‚¬â„¢") == "Obama’s ‘trickle down’"
    assert repair_mojibake("communications \x96 and companies") == "communications – and companies"
    clean = "It’s “quoted” &amp; ﬁne – Zürich"
    assert repair_mojibake(clean) == clean
    assert normalize_whitespace("caf\u00c3\u00a9 au lait") == "café au lait"

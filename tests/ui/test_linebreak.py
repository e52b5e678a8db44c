"""Word wrapping by cells: every line fits, nothing but break spaces is lost, order is kept."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tui_reader.widgets.linebreak import is_narrow, wrap

TEXT = st.lists(
    st.sampled_from([*"ab cd  ef\n", "中", "\u00e9", "e\u0301", "\U0001f600", "“", "—", "Ω"]),
    max_size=300,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(min_value=1, max_value=40))
def test_lines_fit_and_keep_every_visible_character(text: str, width: int) -> None:
    lines = wrap(text, 0, len(text), width)
    for start, end in lines:
        assert 0 <= start <= end <= len(text)
        piece = text[start:end]
        assert "\n" not in piece
        # A single character wider than the line is the only allowed overflow.
        assert cell_len(piece) <= width or len(piece) == 1
    # Lines are in order and what lies between them is only spaces and newlines.
    position = 0
    for start, end in lines:
        assert start >= position
        assert set(text[position:start]) <= {" ", "\n"}
        position = end
    assert set(text[position:]) <= {" ", "\n"}


def test_breaks_at_spaces_and_cuts_long_words() -> None:
    text = "the quick brown fox jumps"
    assert [text[s:e] for s, e in wrap(text, 0, len(text), 10)] == ["the quick", "brown fox", "jumps"]
    long = "x" * 25
    assert [e - s for s, e in wrap(long, 0, 25, 10)] == [10, 10, 5]


def test_newlines_end_lines_and_empty_lines_stay() -> None:
    text = "one\n\ntwo"
    assert [text[s:e] for s, e in wrap(text, 0, len(text), 80)] == ["one", "", "two"]


def test_wide_characters_are_measured_in_cells() -> None:
    text = "中文字符中文字符"  # 16 cells
    lines = wrap(text, 0, len(text), 6)
    assert [text[s:e] for s, e in lines] == ["中文字", "符中文", "字符"]


def test_wraps_a_range_inside_a_bigger_string() -> None:
    text = "HEAD|alpha beta gamma|TAIL"
    lines = wrap(text, 5, 21, 11)
    assert [text[s:e] for s, e in lines] == ["alpha beta", "gamma"]


def test_narrow_detection() -> None:
    assert is_narrow("plain ASCII, “curly” — dashes…")
    assert not is_narrow("中")
    assert not is_narrow("e\u0301")

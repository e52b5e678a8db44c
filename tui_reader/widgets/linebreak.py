"""Greedy word wrapping by terminal cells into ``(start, end)`` ranges of one string, without copying lines.

The reader lays out articles of several megabytes, so wrapping works on offsets: a line is ``text[start:end]``
and nothing is styled here. Text made only of single-cell characters (nearly all news text, curly quotes and
dashes included) is wrapped by character count with ``str.rfind``, which costs one call a line; anything else
(wide CJK, emoji, combining marks) is measured with Rich's ``cell_len`` so layout agrees with what is drawn.
"""

from __future__ import annotations

from itertools import chain

from rich.cells import cell_len

# Characters that always take exactly one cell (as Rich measures them): Latin, Greek, Cyrillic, the
# General Punctuation quotes and dashes, currency signs. Text made only of these wraps by length.
_NARROW = frozenset(
    chr(c)
    for c in chain(
        range(0x20, 0x7F),
        range(0xA0, 0xAD),
        range(0xAE, 0x300),
        range(0x370, 0x483),
        range(0x48A, 0x530),
        range(0x2010, 0x2028),
        range(0x2030, 0x205F),
        range(0x20A0, 0x20C1),
        range(0x2100, 0x2150),
    )
)


def is_narrow(text: str) -> bool:
    """True when every character of ``text`` is one cell wide, so its cell length is ``len(text)``."""
    return (text.isascii() and text.isprintable()) or _NARROW.issuperset(text)


def wrap(text: str, start: int, end: int, width: int, out: list[tuple[int, int]] | None = None) -> list[int]:
    """Wrap ``text[start:end]`` to ``width`` cells; append ``(line_start, line_end)`` pairs to ``out``.

    Newlines end lines (an empty line stays an empty range); lines break after the last space that fits,
    or inside a word longer than the width. The spaces at a break belong to no line. Returns ``out``.
    """
    lines: list[tuple[int, int]] = [] if out is None else out
    width = max(1, width)
    pos = start
    while True:
        newline = text.find("\n", pos, end)
        stop = end if newline == -1 else newline
        if pos == stop:
            lines.append((pos, pos))
        elif is_narrow(text[pos:stop]):
            _wrap_narrow(text, pos, stop, width, lines)
        else:
            _wrap_cells(text, pos, stop, width, lines)
        if newline == -1:
            return lines  # type: ignore[return-value]
        pos = newline + 1


def _wrap_narrow(text: str, pos: int, stop: int, width: int, lines: list[tuple[int, int]]) -> None:
    """Wrap one newline-free run whose characters are all one cell wide."""
    while pos < stop:
        if stop - pos <= width:
            lines.append((pos, stop))
            return
        limit = pos + width
        brk = text.rfind(" ", pos + 1, limit + 1)
        if brk == -1:
            line_end = nxt = limit  # a word longer than the line: cut it
        else:
            line_end = nxt = brk
            while line_end > pos and text[line_end - 1] == " ":
                line_end -= 1
        lines.append((pos, line_end))
        while nxt < stop and text[nxt] == " ":
            nxt += 1
        pos = nxt


def _fits(text: str, pos: int, end: int, width: int) -> bool:
    return cell_len(text[pos:end]) <= width


def _wrap_cells(text: str, pos: int, stop: int, width: int, lines: list[tuple[int, int]]) -> None:
    """Wrap one newline-free run that holds wide or zero-width characters, measuring with ``cell_len``."""
    while pos < stop:
        # Measure the rest only when it is short: a 2 MB line must not be measured once per line.
        if stop - pos <= width and _fits(text, pos, stop, width):
            lines.append((pos, stop))
            return
        # The longest prefix that fits (cell length grows with the prefix, so binary search), then back off
        # to the last space inside it when there is one, so words stay whole.
        lo, hi = pos + 1, min(stop, pos + width)
        if _fits(text, pos, lo, width):
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if _fits(text, pos, mid, width):
                    lo = mid
                else:
                    hi = mid - 1
        cut = lo  # when even one character is too wide, it gets a line of its own
        if cut < stop and text[cut] == " ":
            line_end = nxt = cut
        else:
            brk = text.rfind(" ", pos + 1, cut)
            line_end = nxt = brk if brk != -1 else cut
        while line_end > pos and text[line_end - 1] == " ":
            line_end -= 1
        lines.append((pos, line_end))
        while nxt < stop and text[nxt] == " ":
            nxt += 1
        pos = nxt

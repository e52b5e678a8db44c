"""The one sanitiser for untrusted text, and the whitespace normaliser every reader shares.

``sanitize`` *removes* (never replaces) what could reach a terminal as a command or reorder what is shown:
C0 controls except newline and tab, DEL, C1 controls, the bidi embeddings/overrides/isolates U+202A-202E and
U+2066-2069, lone surrogates (which cannot be encoded) and zero-width characters that break words
(U+200B, U+2060, U+FEFF). Whole escape sequences are removed when they are well formed and short (CSI, OSC
terminated by BEL or ST); otherwise only the control character goes, so an unterminated OSC cannot swallow
the text after it. Rich and Textual pass ESC and C1 straight to the terminal, so everything we read goes
through here before it is indexed or shown.
"""

from __future__ import annotations

import re

# Well-formed, short escape sequences are dropped whole so their parameters do not litter the text.
_ESCAPE_SEQUENCES = re.compile(
    r"""
      \x1b\[[0-?]{0,64}[ -/]{0,8}[@-~]            # CSI ... final byte
    | \x1b\][^\x07\x1b\x9c]{0,512}(?:\x07|\x1b\\|\x9c)  # OSC ... BEL or ST
    | \x1b[PX^_][^\x07\x1b\x9c]{0,512}(?:\x1b\\|\x9c)   # DCS / SOS / PM / APC ... ST
    | \x9b[0-?]{0,64}[ -/]{0,8}[@-~]               # 8-bit CSI
    | \x9d[^\x07\x1b\x9c]{0,512}(?:\x07|\x9c)      # 8-bit OSC
    | \x1b[ -/]{0,4}[0-~]                           # two-character escapes (ESC c, ESC 7, ESC ( B ...)
    """,
    re.VERBOSE,
)

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff\ud800-\udfff]")
_CR = re.compile(r"\r\n?")
# Spaces that look like a space but are not one: no-break, thin, figure, ideographic ...
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]")
_SOFT_HYPHEN = "\u00ad"
_RUNS_OF_SPACES = re.compile(r" {2,}")
_SPACE_AROUND_NEWLINE = re.compile(r" *\n *")
_BLANK_RUNS = re.compile(r"\n{3,}")


def sanitize(text: str) -> str:
    """Return ``text`` without terminal controls, bidi overrides, lone surrogates or word-breaking zero-widths.

    Line breaks are unified to ``\\n`` first (a lone CR would otherwise be removed as a control and glue two
    lines together). Newline and tab are kept.
    """
    if not text:
        return ""
    if "\r" in text:
        text = _CR.sub("\n", text)
    if _UNSAFE.search(text) is None:
        return text
    text = _ESCAPE_SEQUENCES.sub("", text)
    return _UNSAFE.sub("", text)


def is_clean(text: str) -> bool:
    """True when ``text`` has nothing that ``sanitize`` would remove (other than CR, which it unifies)."""
    return _UNSAFE.search(text) is None


# What UTF-8 read as cp1252/latin-1 looks like ("Ã¢â‚¬â„¢" for "’"), and C1 controls that are really cp1252
# punctuation ("\x96" for "–"). Only lines with these signs pay for ftfy.
_MOJIBAKE_SIGN = re.compile(
    "[\x80-\x9f]|[ÃÂâÅÆÐÑ][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def repair_mojibake(text: str) -> str:
    """Undo text that was decoded with the wrong encoding somewhere upstream (a scraper, a database).

    ftfy does the repair, configured to change nothing else: curly quotes, ligatures, widths, HTML entities
    and line breaks stay as they are. Lines without a sign of mojibake are not touched.
    """
    if not text or text.isascii() or _MOJIBAKE_SIGN.search(text) is None:  # the signs are all non-ASCII
        return text
    import ftfy  # lazy: only texts with mojibake pay for the import

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        normalization=None,
        explain=False,
    )
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _MOJIBAKE_SIGN.search(line):
            lines[i] = ftfy.fix_text(line, config)
    return "\n".join(lines)


def normalize_whitespace(text: str) -> str:
    """Repair mojibake, sanitise, then make every odd space a plain space, collapse runs, trim every line.

    No-break spaces, tabs and soft hyphens must not split or glue words for search, annotation or layout.
    Runs of three or more newlines become one blank line.
    """
    # Each pass runs only when the plain substring test says it has something to do: every article read goes
    # through here, and scanning with seven patterns was half the time of reading a file.
    if "\r" in text:
        text = _CR.sub("\n", text)
    if "\x1b" in text or "\x9b" in text or "\x9d" in text:
        # Escape sequences go before the repair, which would otherwise read an 8-bit CSI as cp1252 punctuation.
        text = _ESCAPE_SEQUENCES.sub("", text)
    text = sanitize(repair_mojibake(text))
    if _SOFT_HYPHEN in text:
        text = text.replace(_SOFT_HYPHEN, "")
    if not text.isascii():
        text = _ODD_SPACES.sub(" ", text)
    elif "\t" in text:  # the only odd space in ASCII
        text = text.replace("\t", " ")
    if "  " in text:
        text = _RUNS_OF_SPACES.sub(" ", text)
    if " \n" in text or "\n " in text:
        text = _SPACE_AROUND_NEWLINE.sub("\n", text)
    if "\n\n\n" in text:
        text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip()


def one_line(text: str | None) -> str | None:
    """Sanitise a metadata field (title, outlet, byline) into one trimmed line, or None when empty."""
    if text is None:
        return None
    text = normalize_whitespace(str(text)).replace("\n", " ")
    return text or None

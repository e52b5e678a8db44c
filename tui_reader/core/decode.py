"""Bytes to text: BOMs, UTF-16 without a BOM, UTF-8 with a few bad bytes, legacy encodings, binary refusal.

The order matters: a BOM wins; NUL bytes mean UTF-16 (by their rhythm) or a binary file (as grep and ripgrep
judge it); then strict UTF-8; then UTF-8 with replacement when the file is clearly UTF-8 with a few broken
bytes; then charset-normalizer for legacy encodings (latin-1, cp1252, ...).
"""

from __future__ import annotations

import codecs


class BadInput(Exception):
    """A file or record that cannot become an article; ``str(exc)`` is the one-line reason shown to the user."""


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_bytes(data: bytes) -> str:
    """Decode file contents to ``str`` or raise ``BadInput`` for binary data.

    Undecodable bytes become U+FFFD rather than failing the file. The result is not yet sanitised.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, "replace")
    nul = data.find(b"\x00")
    if nul != -1:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise BadInput(f"binary file (NUL byte at offset {nul:,})")
        return data.decode(encoding, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", "replace")
    broken = lenient.count("\ufffd")
    multibyte = sum(1 for ch in lenient if ord(ch) > 0x7F) - broken
    if multibyte >= broken:
        # Real UTF-8 text (it has valid multi-byte characters) with a few bad bytes: keep it, show U+FFFD.
        return lenient
    return _legacy(data) or lenient


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by where its NUL bytes fall (mostly ASCII text: every other byte is NUL)."""
    sample = data[:8192]
    if len(sample) < 4 or len(sample) % 2:
        sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd >= 0.4 * half and even <= 0.05 * half:
        encoding = "utf-16-le"
    elif even >= 0.4 * half and odd <= 0.05 * half:
        encoding = "utf-16-be"
    else:
        return None
    text = data.decode(encoding, "replace")
    return encoding if text.count("\ufffd") <= len(text) // 100 + 1 else None


def _legacy(data: bytes) -> str | None:
    """Best guess from charset-normalizer for a legacy single-byte or CJK encoding, if it is coherent."""
    from charset_normalizer import from_bytes  # lazy: only legacy files pay for it

    matches = list(from_bytes(data))
    if not matches:
        return None
    best = min(matches, key=lambda m: (m.chaos, -m.coherence))
    # Ties are common on short texts (cp1250 and cp1252 read French equally well); the web's most common
    # legacy encoding wins a tie.
    for match in matches:
        if match.encoding in _PREFERRED and match.chaos <= best.chaos and match.coherence >= best.coherence:
            best = match
            break
    if best.chaos > 0.25:
        return None
    text = str(best)
    return text if _plausible_legacy(text) else None


_TYPOGRAPHY = frozenset("“”‘’–—…€£¥°«»·©®™§¶¿¡×÷±")


def _plausible_legacy(text: str) -> bool:
    """Does a legacy decoding read like text, or like invalid UTF-8 bytes given letters?

    In real latin-1/cp1252 text, accented letters sit inside words next to ASCII letters ("café"), or stand
    alone as a one-letter word ("à"); typographic punctuation stands anywhere. Stray bytes of broken UTF-8
    decode to letters with no such neighbours ("Hello ÿþ world"); those are shown as U+FFFD instead.
    """
    for i, ch in enumerate(text):
        if ord(ch) < 0x80 or ch in _TYPOGRAPHY:
            continue
        if not ch.isalpha():
            return False
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        ascii_neighbour = (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())
        alone = before in " \n\t\"“‘'(" and after in " \n\t,.;:!?\"”’')"
        if not (ascii_neighbour or alone or (before.isalpha() and after.isalpha())):
            return False
    return True


_PREFERRED = ("cp1252", "latin_1", "iso8859_15")

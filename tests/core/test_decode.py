"""Bytes to text: BOMs, UTF-16 without BOM, legacy encodings, broken UTF-8, binary refusal."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui_reader.core.decode import BadInput, decode_bytes

TEXT = "Café crème costs €4 in Zürich — “quoted”."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "utf32le-bom"],
)
def test_unicode_encodings(data: bytes) -> None:
    assert decode_bytes(data) == TEXT


def test_latin1_is_detected() -> None:
    text = "Le café de la gare a fermé. Les élèves étaient très déçus de cette décision."
    assert decode_bytes(text.encode("latin-1")) == text


def test_cp1252_quotes_are_detected() -> None:
    text = "The minister said “we will not resign” and left — twice, in fact, during the long session."
    assert decode_bytes(text.encode("cp1252")) == text


def test_broken_utf8_keeps_text_and_shows_replacement() -> None:
    data = "Zürich and München ".encode() + b"\xff\xfe" + " and Köln".encode()
    out = decode_bytes(data)
    assert out.startswith("Zürich and München ")
    assert out.endswith(" and Köln")
    assert "\ufffd" in out


@pytest.mark.parametrize("offset", [10, 70 * 1024])
def test_binary_is_refused_wherever_the_nul_is(offset: int) -> None:
    data = bytearray(b"a" * (offset + 100))
    data[offset] = 0
    data[offset + 1 :] = bytes(range(1, 100))
    with pytest.raises(BadInput, match="binary"):
        decode_bytes(bytes(data))


@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_are_refused(data: bytes) -> None:
    try:
        out = decode_bytes(data)
    except BadInput as exc:
        assert str(exc)
    else:
        assert isinstance(out, str)


def test_stray_bytes_in_ascii_text_are_replacement_characters() -> None:
    out = decode_bytes(b"Hello \xff\xfe world, this is otherwise plain text.")
    assert out == "Hello \ufffd\ufffd world, this is otherwise plain text."
    assert decode_bytes(b"bad \xc3\x28 sequence in ascii text") == "bad \ufffd( sequence in ascii text"


def test_single_letter_legacy_words() -> None:
    text = "Il est allé à la gare où il a vu Hélène."
    assert decode_bytes(text.encode("latin-1")) == text

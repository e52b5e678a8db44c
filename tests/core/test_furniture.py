"""Page furniture (bylines, credits, signatures, widgets) is told from prose, and prose is left alone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui_reader.core.furniture import FURNITURE_KINDS, sentence_kind
from tui_reader.core.model import Article, Block
from tui_reader.core.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "kind", "index", "expected"),
    [
        ("Doug Stanglin and Eric J. Lyman", "heading", 0, "byline"),
        ("Mary Ann Cavazos Beckett, Rick Jervis, Julie Garcia and Christal Hayes", "heading", 0, "byline"),
        ("USA TODAY", "heading", 1, "byline"),
        ("By Ken Hanly", "paragraph", 0, "byline"),
        ("The Associated Press contributed to this report.", "paragraph", 40, "byline"),
        ("Contributing: Bart Jansen, David Jackson", "paragraph", 45, "byline"),
        ("Stanglin reported from McLean, Va.; Contributing: Charles Ventura", "paragraph", 40, "byline"),
        ("(NYT)", "paragraph", 18, "byline"),
        ("Photograph: Peter Kovalev/TASS", "paragraph", 14, "credit"),
        ("(AP Photo/George Frey) More", "paragraph", 15, "credit"),
        ("REUTERS/Shannon Stapleton/File Photo", "paragraph", 4, "credit"),
        ("FILE PHOTO: Former presidential candidate Herman Cain arrives at a rally.", "paragraph", 3, "caption"),
        ("Reuters/Ipsos polling shows a lead for the challenger.", "paragraph", 6, "paragraph"),
        ("AP/NORC poll finds most adults approve", "paragraph", 6, "paragraph"),
        ("Lawrence Kudlow Photographer: Al Drago/Bloomberg", "heading", 3, "credit"),
        ("Enlarge this image toggle caption Gerardo Mora/Getty Images", "caption", 1, "credit"),
        ("— Oana Lungescu (@NATOpress) August 16, 2020", "post", 9, "signature"),
        ("2/2", "post", 8, "signature"),
        ("LISTEN TO ARTICLE 2:43 SHARE THIS ARTICLE Share Tweet Post Email", "heading", 0, "furniture"),
        ("News about six dead italy on Twitter", "heading", 27, "furniture"),
        ("Set a reminder now!", "paragraph", 31, "furniture"),
        # Prose and real headings stay what they are.
        ("By evening, several metro lines had reopened.", "paragraph", 52, "paragraph"),
        ("By the end, 13 people had been rescued and 20 were dead, officials said.", "paragraph", 15, "paragraph"),
        ("“She has committed no crime except to follow me on Twitter.”", "paragraph", 12, "paragraph"),
        ("Lukashenko and Putin talk", "heading", 2, "heading"),
        ("The Presidential Election", "heading", 1, "heading"),
        ("NATO denies any military buildup", "heading", 3, "heading"),
        ("Cover image: Demonstrators gather in Independence Square (Picture: PA).", "caption", 18, "caption"),
    ],
)
def test_sentence_kinds(text: str, kind: str, index: int, expected: str) -> None:
    assert sentence_kind(text, kind, index, "USA TODAY") == expected  # type: ignore[arg-type]


@given(st.text(max_size=120), st.sampled_from(["heading", "paragraph", "post", "caption"]), st.integers(0, 50))
def test_any_text_gets_a_known_kind(text: str, kind: str, index: int) -> None:
    got = sentence_kind(text, kind, index, None)  # type: ignore[arg-type]
    assert got == kind or got in FURNITURE_KINDS or (kind == "caption" and got == "credit")


def test_a_video_widget_glued_to_a_sentence_is_cut_off() -> None:
    body = "MUST WATCH Bangladeshi army: 'Sharp weapons' used 01:55 The photos were posted on Amaq."
    got = split_sentences(Article("x", "x", "t", body, blocks=(Block("paragraph", 0, len(body)),)))
    assert [(s.kind, s.text) for s in got] == [
        ("furniture", "MUST WATCH Bangladeshi army: 'Sharp weapons' used 01:55"),
        ("paragraph", "The photos were posted on Amaq."),
    ]
    assert all(body[s.start : s.end] == s.text for s in got)

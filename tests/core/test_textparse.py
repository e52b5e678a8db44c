"""Cleaning rules for scraped text: chrome, glued alt text, metadata lines, paragraphs and blocks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui_reader.core.textparse import assemble, is_chrome, parse_meta_line, parse_text, strip_alt_prefix


@pytest.mark.parametrize(
    "line",
    [
        "Remember meForgot password?",
        "Log in with Twitter",
        "More news from",
        "Latest News",
        "Top News",
        "More about Alexander lukashenko, Belarus election, NATO Ruissia relations",
        "Share this article",
        "SHARE THIS ARTICLE Share Tweet Post Email",
        "Accept all cookies",
        "Advertisement",
        "Sign up for Daily Newsletters",
        "Tags: politics, Belarus",
    ],
)
def test_chrome_lines(line: str) -> None:
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "Lukashenko and Putin talk",
        "The US has expressed its support for protesters in Belarus.",
        "Share prices fell 3% on Monday.",
        "More about the company's plans was revealed in a statement on Tuesday.",
        "He said he would log in with his own account.",
        "Home secretary Priti Patel said the plan would go ahead.",
    ],
)
def test_article_lines_are_not_chrome(line: str) -> None:
    assert not is_chrome(line)


def test_alt_text_glued_to_headline() -> None:
    assert strip_alt_prefix("article imageTensions grow") == "Tensions grow"
    assert strip_alt_prefix("PhotoDemonstrators in Minsk") == "Demonstrators in Minsk"
    assert strip_alt_prefix("Images of war") == "Images of war"
    assert strip_alt_prefix("Photographers gather") == "Photographers gather"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "By Ken Hanly Aug 18, 2020 in Politics",
            {"byline": "Ken Hanly", "date": "2020-08-18", "section": "Politics"},
        ),
        ("By Maria Delgado | March 3, 2021", {"byline": "Maria Delgado", "date": "2021-03-03"}),
        ("Published: 18 August 2020", {"date": "2020-08-18"}),
        ("By Sam Okafor", {"byline": "Sam Okafor"}),
        ("Updated Tuesday, March 12, 2013 9:36 AM", {"date": "2013-03-12"}),
    ],
)
def test_meta_lines(line: str, expected: dict[str, str]) -> None:
    assert parse_meta_line(line) == expected


@pytest.mark.parametrize(
    "line",
    ["By the time polls closed, turnout was high.", "By 2030 the plan will be complete.", "Byline", "August"],
)
def test_sentences_are_not_meta_lines(line: str) -> None:
    assert parse_meta_line(line) is None


def test_scraped_page_structure() -> None:
    text = (
        "Remember meForgot\u00a0password?\n\u00a0 \u00a0 Log in with Twitter\n\n"
        "article imageBridge reopens\n\nBy Ana Ruiz \u00a0 Jan 5, 2021 in Local\n"
        "The bridge reopened on Monday.\nRepair work\nCrews replaced 40 beams.\n"
        "Ana Ruiz a council spokesperson said\nin a statement: “It is open.”\n"
        "It is open. Really open. 1/2\n— Ana Ruiz (@anaruiz) January 5, 2021\n"
        "Cover image: The bridge (Picture: PA)\nMore news from\nLatest News"
    )
    parsed = parse_text(text)
    assert parsed.title == "Bridge reopens"
    assert (parsed.byline, parsed.date, parsed.section) == ("Ana Ruiz", "2021-01-05", "Local")
    kinds = [(p.kind, p.text) for p in parsed.paras]
    assert kinds == [
        ("paragraph", "The bridge reopened on Monday."),
        ("heading", "Repair work"),
        ("paragraph", "Crews replaced 40 beams."),
        ("paragraph", "Ana Ruiz a council spokesperson said in a statement: “It is open.”"),
        ("post", "It is open. Really open. 1/2\n— Ana Ruiz (@anaruiz) January 5, 2021"),
        ("caption", "Cover image: The bridge (Picture: PA)"),
    ]
    post = parsed.paras[4]
    assert (post.author, post.handle, post.date) == ("Ana Ruiz", "@anaruiz", "2021-01-05")


def test_hard_wrapped_lines_join_into_paragraphs() -> None:
    text = (
        "Title\n\nThis paragraph was wrapped by an old mail client at about seventy\n"
        "columns, so its lines must be joined back together into one paragraph\nof text.\n\n"
        "Second paragraph."
    )
    paras = parse_text(text).paras
    assert [p.text for p in paras] == [
        "This paragraph was wrapped by an old mail client at about seventy columns, so its lines must be "
        "joined back together into one paragraph of text.",
        "Second paragraph.",
    ]


def test_numbers_dates_and_times_are_not_headings() -> None:
    text = "Title\n\nCrowd figures below.\n\n8,661\n\nTuesday, 1 March\n\n2000 GMT\n\nThe end of it."
    kinds = {p.text: p.kind for p in parse_text(text).paras}
    assert kinds["8,661"] == "paragraph"
    assert kinds["2000 GMT"] == "paragraph"


@given(st.text(max_size=400))
def test_parse_never_crashes_and_blocks_tile_the_body(text: str) -> None:
    parsed = parse_text(text)
    body, blocks = assemble(parsed.paras)
    pos = 0
    for block in blocks:
        assert block.start == pos
        assert body[block.start : block.end].strip()
        pos = block.end + 2
    assert pos - 2 == len(body) or (not blocks and body == "")
    assert "\n\n\n" not in body

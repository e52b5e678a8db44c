"""Sentence splitting: abbreviations, quotes that end sentences, blocks, and offsets that always hold."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui_reader.core.model import Article, Block
from tui_reader.core.sentences import split_sentences, split_text


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith went to Washington. He met Dr. Jones there.", 2),
        ("Mrs. Brown and Ms. Green arrived. They left at 5 p.m. on Friday.", 2),
        ("The U.S. Army said so. The U.K. agreed.", 2),
        ("Troops left the U.S. The president said nothing.", 2),
        ("It happened at 9 a.m. Police arrived later.", 2),
        ("It happened at 9 a.m. Monday in Minsk.", 1),
        ("J. R. R. Tolkien wrote it. George W. Bush read it.", 2),
        ("He wore jersey No. 5 all season. It was retired.", 2),
        ("The vote was on Aug. 9 in Minsk. Protests followed.", 2),
        ('"We will win," she said. "We always do."', 2),
        ("“It is over,” he said. Then he left.", 2),
        ('"Is it over?" he asked. Nobody knew.', 2),
        ("Belarus “will die as a state.” Lukashenko also warned of NATO.", 2),
        ("SANTA ROSA, Calif. (Reuters) - Fires spread.", 1),
        ("AMHERST, N.H. — Gov. Rick Perry spoke. He left.", 2),
        ("He was judged free and fair by monitors.. His opponent disagreed.", 2),
        ("Wait... What happened? Nobody knows!", 3),
        ("Prices rose 3.5% in 2020. Apple Inc. said sales were up.", 2),
    ],
)
def test_sentence_boundaries(text: str, expected: int) -> None:
    got = sentences(text)
    assert len(got) == expected, got


def test_line_breaks_end_sentences_and_headings_stay_whole() -> None:
    body = (
        "A heading without a stop\n\nFirst sentence here. Second one.\n\n"
        "There is no #NATO buildup.\n— Oana Lungescu (@NATOpress) August 16, 2020"
    )
    blocks = (
        Block("heading", 0, 24),
        Block("paragraph", 26, 58),
        Block("post", 60, len(body), author="Oana Lungescu", handle="@NATOpress"),
    )
    got = split_sentences(Article("x", "x", "t", body, blocks=blocks))
    assert [(s.kind, s.text) for s in got] == [
        ("heading", "A heading without a stop"),
        ("paragraph", "First sentence here."),
        ("paragraph", "Second one."),
        ("post", "There is no #NATO buildup."),
        ("signature", "— Oana Lungescu (@NATOpress) August 16, 2020"),
    ]
    assert [s.block for s in got] == [0, 1, 1, 2, 2]


def test_seed_sentences(seed_articles: dict[str, Article]) -> None:
    for article in seed_articles.values():
        got = split_sentences(article)
        assert len(got) > 15
        for s in got:
            assert article.body[s.start : s.end] == s.text
    texts = [s.text for s in split_sentences(seed_articles["002"])]
    wanted = "In a speech in the Belarusian capital Minsk, Mr Lukashenko claimed NATO tanks and planes were massing"
    assert any(t.startswith(wanted) and t.endswith("border.") for t in texts)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab AB.!?\"”“'’(),\n\t—…0123456789xyzMrUS")), max_size=300))
def test_offsets_cover_the_text(text: str) -> None:
    spans = split_text(text)
    covered = [False] * len(text)
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        for k in range(start, end):
            covered[k] = True
        last = end
    for k, ch in enumerate(text):
        assert covered[k] or ch.isspace(), (k, ch)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400), st.lists(st.sampled_from(["heading", "paragraph", "post", "caption"]), max_size=5))
def test_any_article_splits(body: str, kinds: list[str]) -> None:
    # Blocks as the reader makes them: consecutive slices of the body (here of arbitrary text).
    step = max(1, len(body) // max(1, len(kinds)))
    blocks = tuple(Block(k, n * step, min(len(body), (n + 1) * step)) for n, k in enumerate(kinds))  # type: ignore[arg-type]
    got = split_sentences(Article("x", "x", "t", body, blocks=blocks))
    for s in got:
        assert body[s.start : s.end] == s.text and s.text.strip() == s.text and s.text
    covered = set()
    for s in got:
        covered.update(range(s.start, s.end))
    assert all(k in covered or ch.isspace() for k, ch in enumerate(body))


def test_a_place_with_periods_before_a_title_does_not_end_a_sentence() -> None:
    """Wire leads say "U.S. President Donald Trump" far more often than a sentence ends in "the U.S." before
    one starting "President": keep the lead whole, and still end "in the U.S. The ..."."""
    from tui_reader.core.sentences import split_text

    def pieces(text: str) -> list[str]:
        return [text[a:b] for a, b in split_text(text)]

    assert pieces("WASHINGTON (Reuters) - U.S. President Donald Trump said so. Then he left.") == [
        "WASHINGTON (Reuters) - U.S. President Donald Trump said so.",
        "Then he left.",
    ]
    assert pieces("U.N. officials said it. Police came.") == ["U.N. officials said it.", "Police came."]
    assert pieces("He lives in the U.S. The weather is fine.") == ["He lives in the U.S.", "The weather is fine."]

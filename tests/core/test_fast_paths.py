"""Fast paths give exactly what the plain code they replace gave.

Reading and indexing every article goes through these functions, so they skip work with cheap substring tests
(``normalize_whitespace``, ``is_chrome``) or build plain tuples (``index_terms``). Each is checked here against
a reference: the straightforward code it replaced, kept in this file.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tui_reader.core import analysis, sanitize, textparse
from tui_reader.core.query import find_matches, parse

# Characters that every pass of the normaliser reacts to, mixed with plain text.
_TRICKY = " \t\n\r\x1b\x9b\x9d[0m]\x07\u00a0\u2009\u3000\u00ad\u202e\u200bÃâ€™\x96ab.,-%5"
_texts = st.text(alphabet=st.sampled_from(list(_TRICKY)) | st.characters(), max_size=200)


def _reference_normalize(text: str) -> str:
    text = sanitize._ESCAPE_SEQUENCES.sub("", sanitize._CR.sub("\n", text))
    text = sanitize.sanitize(sanitize.repair_mojibake(text)).replace(sanitize._SOFT_HYPHEN, "")
    text = sanitize._ODD_SPACES.sub(" ", text)
    text = sanitize._RUNS_OF_SPACES.sub(" ", text)
    text = sanitize._SPACE_AROUND_NEWLINE.sub("\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


@settings(max_examples=400)
@given(_texts)
@example("a \t b  \n\n\n\n c \r\n d\x1b[31m e\u00a0\u00a0f")
@example("ObamaÃ¢â‚¬â„¢s \x96 x")
def test_normalize_whitespace_equals_the_plain_passes(text: str) -> None:
    assert sanitize.normalize_whitespace(text) == _reference_normalize(text)


def _reference_is_chrome(line: str) -> bool:
    if not line or len(line) > 160:
        return False
    if textparse._TAG_LINE.match(line) and not line.endswith((".", "!", "?", "”", '"')):
        return True
    spaced = textparse._CAMEL_GLUE.sub(" ", line)
    stripped = textparse._CHROME_RE.sub("", spaced)
    return stripped != spaced and textparse._CHROME_LEFTOVER.match(stripped) is not None


_CHROME_WORDS = ["Share", "this", "article", "Log in", "Sign up", "_", "|", " ", "Tweet", "home", "Menu", "•", "x", "1"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_CHROME_WORDS) | st.text(max_size=6), max_size=12).map("".join))
@example("ShareTweetEmail")
@example("_login")
@example("  | Share this article | ")
def test_is_chrome_equals_the_full_substitution(line: str) -> None:
    assert textparse.is_chrome(line) == _reference_is_chrome(line)


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("aB1,.%£$-' \nUS")) | st.characters(), max_size=120))
@example("£600m and 80 per cent of 5,500 U.S. troops' build-up on August 9th")
def test_index_terms_are_the_analyzer_terms(text: str) -> None:
    assert analysis.index_terms(text) == [tuple(t) for t in analysis.analyze(text)]


# The caption rule as one pattern: the reference that textparse._is_caption's two-part test must equal.
_CAPTION = re.compile(
    r"^(?:(?:cover|main|top|lead|header|featured|hero|file)\s+)?"
    r"(?:image|photo|picture|pictured|photograph|caption)(?:\s+(?:credit|caption|copyright))?\s*:"
    r"|\((?:picture|photo|image|credit|photograph|pictures|photos)\s*:[^)]{1,80}\)\.?$"
    r"|^image (?:caption|copyright)\b"
    r"|^enlarge this image\b",
    re.IGNORECASE,
)
_CAPTION_WORDS = ["Image", "caption", ":", "(", ")", "Photo", "photo: AP", ".", "\n", " ", "Enlarge this image", "x"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_CAPTION_WORDS) | st.text(max_size=5), max_size=10).map("".join))
@example("The minister speaks (Photo: Reuters).")
@example("Image copyright Getty Images")
@example("Main image: a crowd in Minsk")
def test_caption_test_equals_the_one_pattern(text: str) -> None:
    assert textparse._is_caption(text) == (_CAPTION.search(text) is not None)


_WORD_TEXT = st.lists(
    st.sampled_from(["govern", "Govern", "ment", "anti-", "go-v", "tying", "Tie", "Jan", "January", "U.S.", "US", "us"])
    | st.sampled_from(["trying", "tri", "said", "Sa", "id's", "É", "é", "lysée", "-", ".", ",", "'", "’", " ", "\n"])
    | st.sampled_from(["80 pc", " pc ", "PC", "5 PCT", "per cent", "G-7,000", "g7,000", "£600m", "80%", "7"])
    | st.text(alphabet=st.sampled_from(list("abgGsS-.,'’ 5%É\n")) | st.characters(), max_size=8),
    max_size=25,
).map("".join)
_WORDS = ["govern", "g", "s", "said", "us", "US", "ab", "b", "sab", "tie", "tri", "januari", "elys", "g7,000"]


@settings(max_examples=500)
@given(_WORD_TEXT, st.sampled_from(_WORDS))
@example("anti-government U.S. said's O'Brien Élysée-s 5,500 go-vernment tying Jan", "govern")
@example("game-tying, tying and Tying", "tie")
@example("Jan and January", "januari")
def test_analyze_words_finds_what_analyze_finds(text: str, word: str) -> None:
    fast = {
        (t.start, t.end) for t in analysis.analyze_words(text, frozenset({analysis.needle(word)})) if t.text == word
    }
    full = {(t.start, t.end) for t in analysis.analyze(text) if t.text == word}
    assert fast == full


@settings(max_examples=400)
@given(_WORD_TEXT, st.sampled_from(["pc", "PC", "80 pc", "govern*", "tying", "G-7,000", "US", "said government"]))
@example("Growth was 80 pc last year; the PC market", "pc")
def test_highlighting_a_query_equals_the_full_analysis(text: str, query: str) -> None:
    """find_matches picks the fast path only where it holds: the same matches as with every term analysed."""
    tree = parse(query).tree
    assert find_matches(text, tree) == find_matches(text, tree, analysis.analyze(text))


def test_every_term_of_the_real_corpora_holds_its_needle() -> None:
    """The rule of ``analysis.needle`` over every distinct token of bbc_news: each term a token gives is one
    that ``analyze_words`` reads the token for (skipped without ../shared)."""
    from tests.conftest import shared_corpus

    root = shared_corpus("bbc_news")
    tokens = {m.group() for p in root.rglob("*.txt") for m in analysis._RAW.finditer(p.read_text("utf-8", "replace"))}
    missed = []
    for raw in tokens:
        for term in analysis.analyze(raw):
            if term.text[:1].isdigit() or term.text in analysis.CONTEXT_WORDS:
                continue
            if not analysis.holds(raw, (analysis.needle(term.text),)):
                missed.append((raw, term.text))
    assert len(tokens) > 30_000 and not missed

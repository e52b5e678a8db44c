"""The one analyzer: figures, percentages, money, ordinals, words, acronyms, hyphens; offsets always exact."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui_reader.core.analysis import analyze


def texts(text: str, mode: str = "index") -> list[str]:
    return [t.text for t in analyze(text, mode)]  # type: ignore[arg-type]


def query(text: str) -> list[str]:
    return texts(text, "query")


def test_numbers_keep_separators_and_index_a_canonical_form() -> None:
    assert query("5,500") == query("5500") == ["5500"]
    assert query("1.50") == ["1.5"]
    assert "800000" not in texts("1,800,000 people")
    assert texts("1,800,000") == ["1800000"]
    assert query("5,50") == ["5", "50"]  # not a thousands group


def test_percent_spellings_are_one_term_and_positions_line_up() -> None:
    for spelling in ("80%", "80 %", "80 percent", "80 per cent", "80pc", "80 pct", "80PC"):
        assert query(spelling) == ["80%"], spelling
        assert texts(spelling, "phrase") == ["80", "percent"], spelling
    terms = analyze("about 80 per cent of the vote")
    by_text = {t.text: t.pos for t in terms}
    assert by_text["of"] == by_text["percent"] + 1 == by_text["80"] + 2


def test_percent_does_not_match_other_figures() -> None:
    assert "4.75%" not in texts("14.75% and 4.75 million")
    assert "4.75%" in texts("rates of 4.75%")


def test_money_keeps_its_amount_and_scales_index_their_value() -> None:
    assert "800000" in texts("£800,000")
    assert query("£600m") == query("600 million") == query("600,000,000") == ["600000000"]
    assert query("$2.5bn") == ["2500000000"]
    assert texts("£600m", "phrase") == ["600", "million"]


def test_ordinals_dates_and_months() -> None:
    assert query("August 9th") == ["august", "9th"]
    assert "9th" in texts("the ninth day")
    assert "august" in texts("Aug 18, 2020")
    assert query("9th") != query("9")


def test_words_are_folded_stemmed_and_never_dropped() -> None:
    assert query("troops") == query("troop") == ["troop"]
    assert query("Élysée") == query("elysee")
    assert query("Lukashenko's") == query("Lukashenko")
    assert query("the of a") == ["the", "of", "a"]  # no stop words


def test_acronyms_that_are_common_words_keep_their_case() -> None:
    assert query("US") == query("U.S.") == ["US"]
    assert query("us") == ["us"]
    index = texts("US troops")
    assert "US" in index and "us" in index  # a lower-case query finds it too
    assert query("EU") == ["eu"] and query("UK") == ["uk"]


def test_hyphenated_words_index_parts_and_the_joined_word() -> None:
    index = texts("no Nato build-up")
    assert {"build", "up", "buildup"} <= set(index)
    assert query("build-up") == query("buildup") == ["buildup"]
    assert texts("build-up", "phrase") == ["build", "up"]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_analyses_and_offsets_map_onto_it(text: str) -> None:
    for mode in ("index", "query", "phrase"):
        last = -1
        for term in analyze(text, mode):  # type: ignore[arg-type]
            assert 0 <= term.start < term.end <= len(text)
            assert term.text and len(term.text) <= 64
            assert term.pos >= last
            last = term.pos


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789,.%£$ -pcmbnthAaUS'’é", max_size=40))
def test_figure_like_text_analyses(text: str) -> None:
    for term in analyze(text):
        assert text[term.start : term.end].strip()

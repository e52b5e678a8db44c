"""The query language: parsed without whoosh, linear, never raising; and the matcher used for highlights."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from tui_reader.core.query import (
    MAX_QUERY,
    And,
    DateRange,
    Not,
    NumRange,
    Or,
    Phrase,
    Prefix,
    Word,
    find_matches,
    parse,
)


def same(a: object, b: object) -> bool:
    """Trees are named tuples: compare with their class names (an And is never equal to an Or)."""
    return repr(a) == repr(b)


def test_words_all_must_match() -> None:
    assert same(parse("5,500 troops").tree, And((Word("5500"), Word("troop"))))


def test_figures_spanning_words_stay_one_term() -> None:
    assert same(parse("80 per cent").tree, Word("80%"))
    assert same(parse("£600 million").tree, Word("600000000"))


def test_phrases_or_not_fields_and_groups() -> None:
    assert same(parse('"no NATO buildup"').tree, Phrase(("no", "nato", "buildup")))
    assert same(parse("a OR b c").tree, And((Or((Word("a"), Word("b"))), Word("c"))))
    assert same(parse("-troops nato").tree, And((Not(Word("troop")), Word("nato"))))
    assert same(parse("NOT (a OR b)").tree, Not(Or((Word("a"), Word("b")))))
    assert same(parse('title:"x y"').tree, Phrase(("x", "y"), "title"))
    assert same(parse("outlet:BBC").tree, Word("bbc", "outlet"))
    assert same(parse("elect*").tree, Prefix("elect"))


def test_date_ranges() -> None:
    assert same(parse("date:2020-08..2020-09").tree, DateRange("2020-08", "2020-09~"))
    assert same(parse("date:2020").tree, DateRange("2020", "2020~"))
    assert same(parse("date:>=2020-8-1").tree, DateRange("2020-08-01", None))
    assert same(parse("date:<2021").tree, DateRange(None, "2020~"))
    got = parse("date:soon")
    assert got.tree is None and "date:soon ignored" in got.notices[0]


def test_hostile_queries_are_plain_text_or_nothing() -> None:
    for q in ('"unclosed', ")))(((", "OR", "NOT", "-", "*", "AND OR NOT", ":", "title:", '""'):
        parse(q)  # no exception
    assert same(parse('"unclosed phrase').tree, Phrase(("unclos", "phrase")))
    assert parse("*").tree is None
    assert parse("((((((((((((((((((((((((((((((a").tree is not None


def test_long_queries_are_cut_with_a_notice_in_bounded_time() -> None:
    started = time.perf_counter()
    got = parse("x" * 100_000)
    assert time.perf_counter() - started < 1.0
    assert any(str(MAX_QUERY)[:1] in n and "cut" in n for n in got.notices)
    many = parse(" ".join(f"w{i}" for i in range(500)))
    assert isinstance(many.tree, And) and len(many.tree.children) == 64
    assert any("first 64 words" in n for n in many.notices)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_string_parses(text: str) -> None:
    parse(text)


def test_matches_use_the_same_analyzer() -> None:
    text = "at least 5,500 troops, about 80 percent, and 1,800,000 people"
    assert [text[a:b] for a, b in find_matches(text, parse("5500").tree)] == ["5,500"]
    assert [text[a:b] for a, b in find_matches(text, parse("80%").tree)] == ["80 percent"]
    assert find_matches(text, parse("800,000").tree) == []
    assert [text[a:b] for a, b in find_matches(text, parse('"least 5,500 troops"').tree)] == ["least 5,500 troops"]
    assert find_matches(text, parse("-troops").tree) == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.text(max_size=30))
def test_match_offsets_round_trip_onto_the_text(text: str, q: str) -> None:
    for start, end in find_matches(text, parse(q).tree):
        assert 0 <= start < end <= len(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*"abcUSé .,'-%£$0159\n", "per cent", "US", "U.S.", "build-up", "Aug", " 80 "])).map(
        "".join
    ),
    st.sampled_from(["us", "US", "build", "buildup", "august", "élysée", "cent", "b*", "perc*", "a"]),
)
def test_the_fast_word_matcher_equals_the_full_one(text: str, query: str) -> None:
    from tui_reader.core.analysis import analyze

    tree = parse(query).tree
    assert find_matches(text, tree) == find_matches(text, tree, analyze(text))


def test_figure_filters_parse() -> None:
    from tui_reader.core.query import NumRange

    assert parse("num:>5000").tree == NumRange(5000, None, low_included=False)
    assert parse("num:>=5,000").tree == NumRange(5000, None)
    assert parse("num:<10").tree == NumRange(None, 10, high_included=False)
    assert parse("num:5000..10000").tree == NumRange(5000, 10000)
    assert parse("num:>50%").tree == NumRange(50, None, low_included=False, percent=True)
    assert parse("num:4.75%").tree == NumRange(4.75, 4.75, percent=True)
    for bad in ("num:abc", "num:..", "num:1e3", "num:>", "num:5,50"):
        parsed = parse(bad)
        assert parsed.tree is None and parsed.notices and "num:" in parsed.notices[0]


def test_figure_filters_take_figures_in_range_and_of_their_kind() -> None:
    above = parse("num:>5000").tree
    assert above.accepts("5500") and above.accepts("600000000") and above.accepts("5000.5")
    assert not above.accepts("5000") and not above.accepts("80%") and not above.accepts("9th")
    assert not above.accepts("troop")
    percent = parse("num:>50%").tree
    assert percent.accepts("80%") and not percent.accepts("80") and not percent.accepts("50%")


@given(st.integers(0, 10**12), st.integers(0, 10**12), st.sampled_from([">", ">=", "<", "<="]))
def test_figure_filters_agree_with_arithmetic(value: int, bound: int, op: str) -> None:
    node = parse(f"num:{op}{bound:,}").tree
    expected = {">": value > bound, ">=": value >= bound, "<": value < bound, "<=": value <= bound}[op]
    assert node.accepts(str(value)) == expected


def test_figure_filters_highlight_every_figure_in_range() -> None:
    text = "At least 5,500 troops, about 80 percent, £600m, 4.75% and 1.5 miles on August 9th."
    spans = [text[a:b] for a, b in find_matches(text, parse("num:>5000").tree)]
    assert spans == ["5,500", "£600m"]
    assert [text[a:b] for a, b in find_matches(text, parse("num:>50%").tree)] == ["80 percent"]
    assert [text[a:b] for a, b in find_matches(text, parse("num:<2").tree)] == ["1.5"]


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40), st.sampled_from(["num:", "date:", "-num:"]))
def test_any_filter_value_parses(value: str, field: str) -> None:
    parsed = parse(field + value)
    assert parsed.tree is not None or parsed.notices or not value.strip()
    find_matches("5,500 troops and 80 percent", parsed.tree)  # never raises


def test_a_quoted_value_is_a_filters_value_and_negation_keeps_it() -> None:
    five = NumRange(5500, 5500)
    assert parse('num:"5,500"').tree == five
    assert parse('-num:"5,500"').tree == Not(five)
    assert parse('-date:"2020"').tree == Not(parse("date:2020").tree)
    assert parse('-title:"prime minister"').tree == Not(Phrase(("prime", "minist"), "title"))
    assert parse('num:"').notices and parse('num:"').tree is None


def test_runs_of_plain_words_are_kept_as_phrases_for_ranking() -> None:
    assert parse("Theresa May").together == (Phrase(("theresa", "may"), None),)
    # spelt as the index spells a phrase: "80 per cent" takes two positions
    assert parse("80 per cent rise").together == (Phrase(("80", "percent", "rise"), None),)
    assert parse("a b OR c d").together == (Phrase(("a", "b"), None), Phrase(("c", "d"), None))
    # words of different runs were not typed together; one word is no run
    assert parse("theresa -brexit may").together == () and parse("may").together == ()

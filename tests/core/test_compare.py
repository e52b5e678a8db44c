"""compare(): alignment, word diffs, figures and quotes on the seeds and on small made-up articles."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui_reader.core.compare import best_match, compare, rank_candidates
from tui_reader.core.facts import qualifier_family
from tui_reader.core.model import Article, Comparison, Span


def figure(
    article: Article, text: str, kind: str, value: float | str, unit: str | None = None, qualifier: str | None = None
) -> Span:
    start = article.body.index(text)
    return Span("figure", start, start + len(text), text, figure_kind=kind, value=value, unit=unit, qualifier=qualifier)


def quote(article: Article, text: str, speaker: str | None) -> Span:
    start = article.body.index(text)
    return Span("quote", start, start + len(text), text, speaker=speaker)


def check_offsets(cmp: Comparison) -> None:
    for p in cmp.pairs:
        for op in p.diff:
            assert cmp.a.body[op.a_start : op.a_end] == op.a_text
            assert cmp.b.body[op.b_start : op.b_end] == op.b_text
    covered_a = sorted([i for p in cmp.pairs for i in p.a] + list(cmp.only_a))
    covered_b = sorted([j for p in cmp.pairs for j in p.b] + list(cmp.only_b))
    assert covered_a == list(range(len(cmp.sentences_a)))
    assert covered_b == list(range(len(cmp.sentences_b)))


def seed_spans(a: Article, b: Article) -> tuple[list[Span], list[Span]]:
    spans_a = [
        figure(a, "about 80 percent", "percent", 80, "percent", "about"),
        figure(a, "at least 5,500", "count", 5500, None, "at least"),
        figure(a, "August 9th", "date", "--08-09"),
        figure(a, "1994", "year", 1994),
        quote(a, "There is no Nato build-up in the region.", "Oana Lungescu"),
    ]
    spans_b = [
        figure(b, "more than 80%", "percent", 80, "percent", "more than"),
        figure(b, "roughly 50,000", "count", 50000, None, "roughly"),
        figure(b, "more than 200,000", "count", 200000, None, "more than"),
        figure(b, "August 16, 2020", "date", "2020-08-16"),
        quote(b, "there is no NATO buildup in the region", "Oana Lungescu"),
    ]
    return spans_a, spans_b


def test_seeds_align_and_diff(seed_articles: dict[str, Article]) -> None:
    a, b = seed_articles["000"], seed_articles["002"]
    cmp = compare(a, b, spans_a=[], spans_b=[])
    check_offsets(cmp)
    texts = {(cmp.sentences_a[p.a[0]].text[:30], cmp.sentences_b[p.b[0]].text[:30]) for p in cmp.pairs}
    assert ("The August 9th election offici", "Mr Lukashenko was re-elected l") in texts
    # The embedded post repeats the statement A quotes: "It is" became "It’s", "and" became "&".
    pair = next(p for p in cmp.pairs if cmp.sentences_a[p.a[0]].text.startswith("It is strictly"))
    changes = {(op.a_text, op.b_text) for op in pair.diff if op.op != "equal"}
    assert ("It is", "It’s") in changes
    assert ("and", "&") in changes


def test_seed_figures_and_quotes(seed_articles: dict[str, Article]) -> None:
    a, b = seed_articles["000"], seed_articles["002"]
    spans_a, spans_b = seed_spans(a, b)
    cmp = compare(a, b, spans_a=spans_a, spans_b=spans_b)
    conflicts = {(p.a.span.text, p.b.span.text): p.why for p in cmp.figures.conflicts}
    assert ("about 80 percent", "more than 80%") in conflicts
    assert "qualifier" in conflicts[("about 80 percent", "more than 80%")]
    only_a = {n.span.text for n in cmp.figures.only_a}
    only_b = {n.span.text for n in cmp.figures.only_b}
    assert "at least 5,500" in only_a and "more than 200,000" in only_b
    shared = {(q.a.text, q.b.text): q for q in cmp.quotes.shared}
    key = ("There is no Nato build-up in the region.", "there is no NATO buildup in the region")
    assert key in shared and shared[key].speaker == "Oana Lungescu"


def made_up(body: str, ident: str = "x") -> Article:
    return Article(ident, ident, "t", body)


def test_figure_conflict_on_the_same_thing() -> None:
    a = made_up("A fire killed 12 people on Monday. The mayor spoke at 3 p.m.")
    b = made_up("At least 15 people were killed by the fire. The mayor spoke later.")
    fa = [figure(a, "12", "count", 12)]
    fb = [figure(b, "At least 15", "count", 15, None, "at least")]
    cmp = compare(a, b, spans_a=fa, spans_b=fb)
    assert [(p.a.span.text, p.b.span.text) for p in cmp.figures.conflicts] == [("12", "At least 15")]
    assert "12 vs At least 15" in cmp.figures.conflicts[0].why


def test_same_value_and_thing_is_shared_and_unrelated_figures_stay_apart() -> None:
    a = made_up("The quake killed 241 people in three towns. About 2,500 people lost their homes.")
    b = made_up("Officials said 241 people died. Schools stay closed for 12 days.")
    fa = [figure(a, "241", "count", 241), figure(a, "About 2,500", "count", 2500, None, "about")]
    fb = [figure(b, "241", "count", 241), figure(b, "12", "count", 12)]
    cmp = compare(a, b, spans_a=fa, spans_b=fb)
    assert [(p.a.span.text, p.b.span.text) for p in cmp.figures.shared] == [("241", "241")]
    assert not cmp.figures.conflicts
    assert [n.span.text for n in cmp.figures.only_a] == ["About 2,500"]
    assert [n.span.text for n in cmp.figures.only_b] == ["12"]


def test_qualifier_families() -> None:
    assert qualifier_family("over") == qualifier_family("more than") == "at least"
    assert qualifier_family("roughly") == "about"
    assert qualifier_family("as many as") == "up to"
    assert qualifier_family(None) is None


def test_unrelated_sentences_stay_unmatched() -> None:
    a = made_up("The central bank raised interest rates by half a point. Markets fell.")
    b = made_up("A storm flooded the coastal town overnight. Rescuers used boats.")
    cmp = compare(a, b, spans_a=[], spans_b=[])
    assert cmp.pairs == ()
    assert cmp.only_a == (0, 1) and cmp.only_b == (0, 1)


def test_one_to_two_when_one_side_splits_a_sentence() -> None:
    a = made_up(
        "Rescuers pulled a ten-year-old girl alive from the rubble of her home in Pescara del Tronto, "
        "seventeen hours after the earthquake struck the village. Officials counted the damage."
    )
    b = made_up(
        "Rescuers pulled a ten-year-old girl alive from the rubble of her home in Pescara del Tronto. "
        "It was seventeen hours after the earthquake struck the village. The pope prayed."
    )
    cmp = compare(a, b, spans_a=[], spans_b=[])
    assert any(p.a == (0,) and p.b == (0, 1) for p in cmp.pairs), cmp.pairs
    check_offsets(cmp)


def test_empty_articles() -> None:
    cmp = compare(made_up(""), made_up("   "), spans_a=[], spans_b=[])
    assert cmp.pairs == () and cmp.sentences_a == () and cmp.sentences_b == ()


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_compare_never_fails(text_a: str, text_b: str) -> None:
    check_offsets(compare(made_up(text_a, "a"), made_up(text_b, "b"), spans_a=[], spans_b=[]))


def test_story_matching_on_seeds(seed_articles: dict[str, Article]) -> None:
    a, b = seed_articles["000"], seed_articles["002"]
    pool = list(seed_articles.values())
    assert [i for i, _ in rank_candidates(a, pool)] == [b.id]
    found = best_match(a, pool)
    assert found is not None and found[0].id == b.id
    unrelated = made_up("Apple reported record iPhone sales in China for the holiday quarter.", "apple")
    assert best_match(unrelated, pool) is None
    assert best_match(a, [a]) is None


def test_quoted_fragments_join_the_longer_quotation(seed_articles: dict[str, Article]) -> None:
    """B quotes pieces of the statement A quotes whole (and embeds it as a post): every piece is shared."""
    a, b = seed_articles["000"], seed_articles["002"]
    whole = quote(a, "There is no Nato build-up in the region.", "Oana Lungescu")
    whole = Span(
        "quote", whole.start, a.body.index("preserve peace.") + len("preserve peace."), "", speaker="Oana Lungescu"
    )
    whole = Span("quote", whole.start, whole.end, a.body[whole.start : whole.end], speaker="Oana Lungescu")
    pieces = [
        quote(b, "there is no NATO buildup in the region", "Oana Lungescu"),
        quote(b, "not a threat to any country", "Oana Lungescu"),
    ]
    cmp = compare(a, b, spans_a=[whole], spans_b=pieces)
    shared_b = {q.b.text for q in cmp.quotes.shared}
    assert {"there is no NATO buildup in the region", "not a threat to any country"} <= shared_b
    assert all(q.a.start == whole.start for q in cmp.quotes.shared)
    assert not cmp.quotes.only_a


def test_figures_of_different_things_never_conflict() -> None:
    """A part of a whole, another head noun or another event is not the same count told differently."""
    a = made_up(
        "The siege left 22 dead. Police killed six gunmen and rescued 13 hostages. "
        "The quake was followed by at least 11 temblors. More than 5,000 homes were evacuated."
    )
    b = made_up(
        "Nine of the victims were Italian. The 20 hostages were found dead inside. "
        "A dormitory collapse killed 11 students. The blaze forced the evacuation of 5,000 people."
    )
    fa = [
        figure(a, "22", "count", 22),
        figure(a, "six", "number_word", 6),
        figure(a, "13", "count", 13),
        figure(a, "at least 11", "count", 11, None, "at least"),
        figure(a, "More than 5,000", "count", 5000, None, "more than"),
    ]
    fb = [
        figure(b, "Nine", "number_word", 9),
        figure(b, "20", "count", 20),
        figure(b, "11", "count", 11),
        figure(b, "5,000", "count", 5000),
    ]
    cmp = compare(a, b, spans_a=fa, spans_b=fb)
    assert not cmp.figures.conflicts, [p.why for p in cmp.figures.conflicts]


def test_number_words_compare_by_value() -> None:
    a = made_up("The fire killed nine people in the valley on Monday.")
    b = made_up("The valley fire on Monday killed 9 people, officials said.")
    cmp = compare(a, b, spans_a=[figure(a, "nine", "number_word", 9)], spans_b=[figure(b, "9", "count", 9)])
    assert [(p.a.span.text, p.b.span.text) for p in cmp.figures.shared] == [("nine", "9")]
    assert not cmp.figures.conflicts


def test_related_word_forms_are_one_term() -> None:
    from tui_reader.core.align import soft_classes

    classes = soft_classes({"japanes", "aquilla", "state"}, {"japan", "aquila", "statement"})
    assert classes["japanes"] == classes["japan"]
    assert classes["aquilla"] == classes["aquila"]
    assert "state" not in classes


def test_furniture_is_not_aligned() -> None:
    a = made_up("By John Smith\n\nThe river burst its banks on Monday, flooding two hundred homes in the town.")
    b = made_up("By John Smith\n\nTwo hundred homes in the town were flooded when the river burst its banks Monday.")
    cmp = compare(a, b, spans_a=[], spans_b=[])
    assert [s.kind for s in cmp.sentences_a][:1] == ["byline"]
    assert [(p.a, p.b) for p in cmp.pairs] == [((1,), (1,))]


def test_a_weak_pair_between_two_links_in_order_is_linked(monkeypatch) -> None:
    from tui_reader.core import align
    from tui_reader.core.sentences import split_sentences

    a = made_up(
        "The earthquake struck central Italy at 3:36 a.m. on Wednesday, killing at least 247 people. "
        "Workers had picked most grapes for the season before the quake. "
        "Rescuers pulled a girl alive from the rubble of her home in Pescara seventeen hours later."
    )
    lead = "At least 247 people were killed when the earthquake struck central Italy at 3:36 a.m. Wednesday. "
    grapes = "Ninety percent of grapes had been picked, with almost all of those still on the vine. "
    girl = "Seventeen hours after the quake, rescuers pulled a girl alive from the rubble of her home in Pescara."

    def links(b: Article, gap_fill: bool) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
        monkeypatch.setattr(align, "GAP_FILL", gap_fill)
        sa, sb = split_sentences(a), split_sentences(b)
        # A high threshold leaves the grapes pair below it, as a paraphrase would be.
        return [(p.a, p.b) for p in align.align(a.body, sa, b.body, sb, threshold=0.8)]

    in_order = made_up(lead + grapes + girl)
    assert links(in_order, False) == [((0,), (0,)), ((2,), (2,))]
    assert links(in_order, True) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    # Out of order (B tells the grapes first) the pair is not between the two links: left alone.
    assert links(made_up(grapes + lead + girl), True) == [((0,), (1,)), ((2,), (2,))]


def test_a_sentence_takes_a_second_partner_that_is_not_next_to_the_first(monkeypatch) -> None:
    from tui_reader.core import align

    a = made_up(
        "The earthquake killed 247 people in central Italy and destroyed the medieval bell tower of Amatrice. "
        "The pope prayed for the victims."
    )
    b = made_up(
        "The earthquake killed 247 people in central Italy, officials said. Markets in Milan were calm. "
        "The medieval bell tower of Amatrice was destroyed."
    )
    cmp = compare(a, b, spans_a=[], spans_b=[])
    assert [(p.a, p.b) for p in cmp.pairs] == [((0,), (0, 2))]
    check_offsets(cmp)
    monkeypatch.setattr(align, "SECOND_PARTNER", False)
    assert [(p.a, p.b) for p in compare(a, b, spans_a=[], spans_b=[]).pairs] == [((0,), (0,))]


def test_country_and_people_are_one_term() -> None:
    from tui_reader.core.terms import content_terms

    def terms(text: str) -> list[str]:
        return content_terms(text, synonyms=True, countries=True)

    assert terms("Russian troops") == terms("Russia troops")
    assert terms("American officials") == terms("U.S. officials")
    assert terms("the Dutch government") == terms("the Netherlands government")
    assert terms("us") != terms("US")

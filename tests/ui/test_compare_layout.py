"""Compare rows and summary without the app: row order, the column cap, furniture kinds, grouped figures."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from tui_reader.core.model import Article, Span
from tui_reader.widgets.compare_layout import MAX_COLUMN, CompareLayout, build_rows
from tui_reader.widgets.compare_summary import context, summary_items


def sentences_of(body: str, kinds: dict[int, str] | None = None) -> tuple[SimpleNamespace, ...]:
    """One sentence a line of ``body``."""
    out, pos = [], 0
    for n, line in enumerate(body.split("\n")):
        out.append(SimpleNamespace(start=pos, end=pos + len(line), text=line, kind=(kinds or {}).get(n, "paragraph")))
        pos += len(line) + 1
    return tuple(out)


def comparison(n_a: int, n_b: int, pairs: list[tuple[int, int]], kinds_b: dict[int, str] | None = None):
    body_a = "\n".join(f"A sentence number {i}." for i in range(n_a))
    body_b = "\n".join(f"B sentence number {j}." for j in range(n_b))
    a = Article(id="a", path="a", title="A", body=body_a)
    b = Article(id="b", path="b", title="B", body=body_b)
    return SimpleNamespace(
        a=a,
        b=b,
        sentences_a=sentences_of(body_a),
        sentences_b=sentences_of(body_b, kinds_b),
        pairs=tuple(SimpleNamespace(a=(i,), b=(j,), score=0.8, kind="paraphrase", diff=()) for i, j in pairs),
        only_a=tuple(i for i in range(n_a) if i not in {p[0] for p in pairs}),
        only_b=tuple(j for j in range(n_b) if j not in {p[1] for p in pairs}),
        figures=SimpleNamespace(shared=(), conflicts=(), only_a=(), only_b=()),
        quotes=SimpleNamespace(shared=(), only_a=(), only_b=()),
    )


def order(rows, side: str) -> list[int]:
    return [i for row in rows for i in getattr(row, side)]


def test_sentences_only_b_has_stand_after_the_pair_before_them_not_in_a_block_at_the_end() -> None:
    # A: 0 1 2 3 4 5 ; B: 0 1 2 3 4 5 ; pairs A1-B1, A4-B4; the rest unmatched on both sides
    _, _, rows = build_rows(comparison(6, 6, [(1, 1), (4, 4)]))
    kinds = [(r.kind, r.left or r.right) for r in rows]
    assert kinds == [
        ("only_left", (0,)),
        ("only_right", (0,)),
        ("paraphrase", (1,)),
        ("only_left", (2,)),
        ("only_right", (2,)),
        ("only_left", (3,)),
        ("only_right", (3,)),
        ("paraphrase", (4,)),
        ("only_left", (5,)),
        ("only_right", (5,)),
    ]


def test_a_b_sentence_goes_after_the_pair_of_its_predecessor_even_when_pairs_cross() -> None:
    # B's order crosses A's: A0-B3, A2-B0. B1 and B2 follow B0, whose pair is the second row of pairs.
    _, _, rows = build_rows(comparison(3, 4, [(0, 3), (2, 0)]))
    pair_b0 = next(k for k, r in enumerate(rows) if r.right == (0,))
    assert [r.right for r in rows[pair_b0 + 1 :]] == [(1,), (2,)]


@given(
    st.integers(0, 12),
    st.integers(0, 12),
    st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), max_size=8),
)
def test_every_sentence_is_shown_once_and_unmatched_ones_keep_their_order(n_a, n_b, raw) -> None:
    pairs, used_a, used_b = [], set(), set()
    for i, j in sorted(raw):  # the aligner pairs each sentence at most once, in A's order
        if i < n_a and j < n_b and i not in used_a and j not in used_b:
            pairs.append((i, j))
            used_a.add(i)
            used_b.add(j)
    _, _, rows = build_rows(comparison(n_a, n_b, pairs))
    assert sorted(order(rows, "left")) == list(range(n_a))
    assert sorted(order(rows, "right")) == list(range(n_b))
    assert order(rows, "left") == list(range(n_a))  # A reads in its own order
    only_b = [r.right[0] for r in rows if r.kind == "only_right"]
    assert only_b == sorted(only_b) or pairs != sorted(pairs, key=lambda p: p[1])  # B too, unless pairs cross


def test_columns_are_capped_and_centred_on_a_very_wide_terminal() -> None:
    left, right, rows = build_rows(comparison(4, 4, [(0, 0)]))
    layout = CompareLayout(left, right, rows)
    layout.reflow(248)
    assert layout.column == MAX_COLUMN and layout.used < 248
    layout.reflow(120)
    assert layout.column == (120 - 3) // 2 and not layout.stacked


def test_furniture_sentences_carry_their_kind_to_the_view() -> None:
    left, right, rows = build_rows(comparison(2, 3, [(0, 0)], kinds_b={2: "signature", 1: "heading"}))
    layout = CompareLayout(left, right, rows)
    layout.reflow(160)
    kinds = {line.right.kind for line in layout.lines if line.right is not None and not line.right.marker}
    assert {"signature", "heading", "paragraph"} <= kinds


def test_a_figure_repeated_in_a_is_one_summary_item_with_each_place_and_its_context() -> None:
    c = comparison(3, 1, [(0, 0)])
    body = "Since the vote on August 9th they protest.\nNothing here.\nThe August 9th election was rigged."
    a = Article(id="a", path="a", title="A", body=body)
    c.a, c.sentences_a = a, sentences_of(body)
    notes = []
    for k, start in enumerate(i for i in range(len(body)) if body.startswith("August 9th", i)):
        span = Span("figure", start, start + 10, "August 9th", figure_kind="date", value="--08-09")
        notes.append(SimpleNamespace(span=span, sentence=0 if k == 0 else 2))
    c.figures = SimpleNamespace(shared=(), conflicts=(), only_a=tuple(notes), only_b=())
    items = summary_items(c)
    assert len(items) == 1 and items[0].targets == ((0, 0), (0, 2))
    label = str(items[0].label)
    assert "×2" in label and "vote on August 9th they" in label and "The August 9th election" in label


def test_context_is_cut_at_words_inside_the_sentence() -> None:
    body = "Officials said that at least 5,500 troops were moved to the border on Sunday night, sources said."
    start = body.index("5,500")
    sentence = SimpleNamespace(start=0, end=len(body))
    text = str(context(body, sentence, start, start + 5, room=20))
    assert text.startswith("…") and text.endswith("…") and "5,500" in text
    assert text[1] != " " and " ".join(text.strip("…").split()) in body

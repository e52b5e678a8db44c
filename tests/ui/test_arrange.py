"""Arranging list entries: date order, outlet groups, story groups (with the lone accounts last)."""

from __future__ import annotations

from tui_reader.library import Entry
from tui_reader.widgets.arrange import LONE, UNKNOWN, arrange

ENTRIES = [
    Entry("a", "Alpha", outlet="BBC", date="2020-08-17"),
    Entry("b", "Beta", outlet="Metro", date="2020-08-18"),
    Entry("c", "Gamma", outlet="BBC"),
    Entry("d", "Delta", byline="Ken Hanly", date="2020-08-19"),
]


def ids(rows) -> list[str | None]:
    return [r.entry.id if r.entry else f"# {r.label} ({r.count})" for r in rows]


def test_date_order_is_newest_first_with_undated_last() -> None:
    assert ids(arrange(ENTRIES, "date")) == ["d", "b", "a", "c"]


def test_corpus_and_relevance_keep_the_given_order_and_counts() -> None:
    rows = arrange(ENTRIES, "relevance", counts={"c": 3})
    assert ids(rows) == ["a", "b", "c", "d"]
    assert [r.count for r in rows] == [0, 0, 3, 0]


def test_outlet_groups_have_headers_with_counts() -> None:
    assert ids(arrange(ENTRIES, "outlet")) == [
        "# BBC (2)",
        "a",
        "c",
        "# Ken Hanly (1)",
        "d",
        "# Metro (1)",
        "b",
    ]


def test_story_groups_biggest_first_and_lone_accounts_last() -> None:
    stories = {"a": "Alpha", "b": "Alpha", "c": "Alpha"}
    assert ids(arrange(ENTRIES, "story", stories=stories)) == ["# Alpha (3)", "b", "a", "c", f"# {LONE} (1)", "d"]


def test_story_order_without_groups_is_date_order() -> None:
    assert ids(arrange(ENTRIES, "story")) == ids(arrange(ENTRIES, "date"))


def test_articles_of_unknown_source_group_last_and_folders_count_as_sources() -> None:
    entries = [*ENTRIES, Entry("002_62dd9d57e05a8388", "Seed"), Entry("business/281", "Rates rise")]
    rows = ids(arrange(entries, "outlet"))
    assert rows[3:5] == ["# business (1)", "business/281"]  # alphabetical: BBC, business, Ken Hanly, Metro
    assert rows[-2:] == [f"# {UNKNOWN} (1)", "002_62dd9d57e05a8388"]
    assert Entry("copy01/business/281", "t").source == "business"
    assert Entry("002_62dd9d57e05a8388", "t").source is None
    assert Entry("x", "t", url="https://www.example.org/a").source == "example.org"

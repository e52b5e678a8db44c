"""Story grouping over a whole corpus: small cases by hand, and pair precision / recall on real same-story sets."""

from __future__ import annotations

import itertools
import json
import time
from collections import defaultdict

import pytest

from tests.conftest import shared_corpus
from tui_reader.core.corpus import Corpus
from tui_reader.core.grouping import MAX_GROUP, group_stories, lead_only
from tui_reader.core.model import Article
from tui_reader.core.stories import LEAD_WORDS

FLOOD = (
    "Floods in the Somerset Levels forced {n} families from their homes on {day}, when the River Parrett burst its "
    "banks near Burrowbridge. The Environment Agency said pumps from the Netherlands would arrive within days. "
    "Prime Minister David Cameron visited Moorland and promised that dredging would begin in March."
)
ELECTION = (
    "Voters in Iceland go to the polls on {day} in a snap election called after the Panama Papers revealed that "
    "Prime Minister Sigmundur Gunnlaugsson held money offshore. The Pirate Party, led by Birgitta Jonsdottir, "
    "leads the polls with {n} percent."
)
OTHERS = [
    "A new species of frog has been found in the cloud forests of Ecuador by biologists from Quito university.",
    "The Bank of Japan kept its interest rate unchanged and said exports to China fell for a third month.",
    "Manchester United beat Southampton two goals to nil at Old Trafford with goals from Rooney and Mata.",
]


def article(n: int, title: str, body: str, date: str = "2016-02-0{}") -> Article:
    return Article(id=f"a{n:02}", path=f"a{n:02}.txt", title=title, body=body, date=date.format(1 + n % 8))


def corpus() -> list[Article]:
    out = [
        article(1, "Somerset Levels floods: families leave homes", FLOOD.format(n=40, day="Monday")),
        article(2, "Floods force 40 families out in Somerset", FLOOD.format(n=40, day="Monday") + " More rain."),
        article(3, "Cameron visits flooded Somerset Levels", FLOOD.format(n=41, day="Tuesday")),
        article(4, "Iceland votes after Panama Papers", ELECTION.format(n=30, day="Saturday")),
        article(5, "Pirate Party leads Iceland polls", ELECTION.format(n=31, day="Saturday")),
    ]
    out += [article(10 + k, f"Unrelated {k}", text) for k, text in enumerate(OTHERS)]
    return out


def test_accounts_of_one_story_are_grouped_and_named_after_the_earliest() -> None:
    articles = corpus()
    stories = group_stories(articles)
    assert {i for i, s in stories.items() if s == stories["a01"]} == {"a01", "a02", "a03"}
    assert stories["a04"] == stories["a05"] != stories["a01"]
    assert not {"a10", "a11", "a12"} & set(stories)  # no other account: left out
    earliest = min((a for a in articles if a.id in ("a04", "a05")), key=lambda a: (a.date, a.id))
    assert stories["a04"] == earliest.title


def test_a_generator_is_read_once_and_progress_ends_at_its_total() -> None:
    articles = corpus()
    seen: list[tuple[int, int]] = []
    read: list[str] = []

    def stream():
        for a in articles:
            read.append(a.id)
            yield a

    group_stories(stream(), lambda done, total: seen.append((done, total)), total=len(articles))
    assert read == [a.id for a in articles]
    assert seen[-1] == (2 * len(articles), 2 * len(articles))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_a_progress_callback_that_raises_stops_the_grouping() -> None:
    class Stop(Exception):
        pass

    def progress(done: int, total: int) -> None:
        if done == 3:
            raise Stop

    with pytest.raises(Stop):
        group_stories(corpus(), progress)


def test_two_stories_whose_first_accounts_share_a_title_stay_two_groups() -> None:
    articles = corpus()
    articles[3] = article(4, articles[0].title, articles[3].body, date="2016-01-01")
    articles[0] = article(1, articles[0].title, articles[0].body, date="2016-01-01")
    stories = group_stories(articles)
    assert stories["a01"] != stories["a04"]
    assert stories["a04"].startswith(articles[0].title)


def test_identical_copies_are_not_accounts_of_each_other() -> None:
    one = corpus()[0]
    copies = [Article(id=f"copy{k}", path="", title=one.title, body=one.body) for k in range(3)]
    assert group_stories(copies) == {}


def test_lead_only_keeps_title_date_and_the_first_words() -> None:
    long = Article(id="x", path="x", title="T", body=" ".join(f"w{k}" for k in range(500)), date="2020-01-01")
    short = lead_only(long)
    assert short.body.split() == long.body.split()[:LEAD_WORDS]
    assert (short.title, short.date, short.id) == ("T", "2020-01-01", "x")
    tiny = Article(id="y", path="y", title="T", body="Only a few words.")
    assert lead_only(tiny) == tiny


def _story_sets(name: str) -> tuple[list[Article], dict[str, str]]:
    root = shared_corpus(name)
    articles = Corpus.load([root / "articles.jsonl"]).articles
    story_of = {
        article_id: record["story_id"]
        for record in map(json.loads, (root / "stories.jsonl").read_text(encoding="utf-8").splitlines())
        for article_id in record["article_ids"]
    }
    return articles, story_of


def _pairs(groups: dict[str, list[str]]) -> set[tuple[str, str]]:
    return {pair for members in groups.values() for pair in itertools.combinations(sorted(members), 2)}


@pytest.mark.parametrize(
    ("name", "precision", "recall"),
    [("basil_triplets", 0.9, 0.85), ("allsides_fulltext_groups", 0.55, 0.5)],
)
def test_grouping_finds_the_known_stories(name: str, precision: float, recall: float) -> None:
    articles, story_of = _story_sets(name)
    started = time.perf_counter()
    stories = group_stories(articles, total=len(articles))
    seconds = time.perf_counter() - started
    found: dict[str, list[str]] = defaultdict(list)
    for article_id, story in stories.items():
        found[story].append(article_id)
    known: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        known[story_of[a.id]].append(a.id)
    got, gold = _pairs(found), _pairs(known)
    p = len(got & gold) / max(1, len(got))
    r = len(got & gold) / max(1, len(gold))
    print(
        f"\n{name}: {len(articles)} articles, {len(known)} known stories -> {len(found)} groups;"
        f" same-story pairs precision {p:.3f} recall {r:.3f}; {seconds:.1f} s"
    )
    assert max(len(m) for m in found.values()) <= MAX_GROUP
    assert p >= precision and r >= recall

"""Measured quality of annotate() on hand-checked articles (tests/data/annotations.json).

Prints precision and recall per category (run with -s to see them) and fails below the targets. The seed
articles always run; the ../shared/corpora articles are skipped when the corpora are absent.

Held-out (blind) speaker scores of the second round, each batch scored once before any rule saw it:
heldout3 (18 articles) P 82.5 R 61.2 with the first round's rules; final (8) P 94.1 R 86.5 and final2 (6)
P 100 R 69.2 with the second round's (P 85.7 / R 81.1 and P 89.3 / R 64.1 with the first round's). Third round:
heldout4 (8 articles) written and scored blind first, with the rules of 1f9791b: speakers P 84.1 (37/44) R 61.7
(37/60), described P 100 (3/3) R 50.0 (3/6), quote spans P 94.4 R 97.1; after the third round's rules (15faed3),
speakers P 81.8 (36/44) R 60.0 (36/60), described P 100 (4/4) R 66.7 (4/6): one speaker lost ("James", a given
name the rules now take for a person, instead of "James Johnson") and none gained; final2 unchanged (P 100 R
69.2). Fourth round: heldout5 (6 articles) written and scored blind first, with the rules of 820349d: speakers
P 69.4 (25/36) R 65.8 (25/38) (eight of the eleven wrong are 'Serena' for 'Serena Williams'), described P 0 (0/1)
R 0 (0/3), quote spans P 97.6 R 100. Rules of the fourth round, from the wrong speakers of heldout4 and of heldout5
(whose blind misses were read, so neither is blind any more): heldout4 speakers P 100 (42/42) R 70.0 (42/60),
heldout5 P 100 (36/36) R 94.7 (36/38); tuned unchanged (P 100 R 94.7); final2, the one batch still untuned,
unchanged (P 100 (27/27) R 69.2). heldout6 (6 articles), written blind after those rules and scored once with
the rules of ccf17ee: speakers P 83.3 (20/24) R 47.6 (20/42) (three wrong are 'Blumenthal' for 'Richard
Blumenthal', one 'Google' for 'Facebook'; fifteen unfound are 'said Mr Irish' and 'he said'), described P 100 (2/2)
R 100 (2/2), quote spans P 97.7 R 97.7, terms P 100 R 92.3, figure spans P 96.4 R 96.4, values 100/100. Fifth
round, rules from heldout6's misses (a courtesy title makes 'Irish' a surname, two titles before a name, short
forms of given names, 'expressed'): heldout6 speakers P 100 (37/37) R 88.1 (37/42); every other batch unchanged.
heldout7 (6 articles), written blind after those rules by a reader who never ran them, scored once with the rules
of 5346056: speakers P 98.1 (52/53) R 76.5 (52/68), described P 100 (10/10) R 90.9 (10/11), quote spans P 98.7
R 100, terms P 100 R 95.8, figure spans P 100 R 97.9, values 100/100; untuned, its misses not read. Sixth
round, rules from heldout7's misses (a quote paragraph given to "he" after a paragraph introducing one person,
a bare quotation sentence after "X said.", "In X's view", a participle after an outlet in an opening phrase, a
person the quotation names is not its speaker): heldout7 speakers P 100 (61/61) R 89.7 (61/68); heldout6 R 92.9;
final2, still untuned and not looked at, P 100 R 74.4 (was 69.2); every other batch unchanged. heldout8 (6
articles), written blind during that round by a reader who never ran the rules, scored once with the rules of
b3bb120: speakers P 93.3 (56/60) R 75.7 (56/74), described P 100 R 66.7, quote spans 100/100, terms 100/100,
figure spans 100/100, values 100/100; untuned, its misses not read. Seventh round, from heldout8's misses
("according to the Mueller report" is no person, "adding" goes on with whoever says, a two-word surname's one
fuller name, a quotation that ended its sentence has no unread attribution, "Two Ronnies" is no person):
heldout8 speakers P 100 (59/59) R 79.7 (59/74); every other batch unchanged. heldout9 (6 articles), written
blind during that round by a reader who never ran the rules, scored once with the rules of d414541: speakers
P 90.0 (36/40) R 52.9 (36/68), described P 83.3 R 83.3, quote spans P 95.7 R 90.5, terms P 95.0 R 100, figure
spans 100/100, values 100/100; untuned, its misses not read.
Speakers are held to precision first: a wrong speaker is worse than none, so recall is the number that moves.
"""

from __future__ import annotations

from tests.annotation_eval import Report, load_expectations, score
from tests.conftest import shared_corpus

# (precision, recall) floors; raise them as the rules improve, never lower them to make a change pass.
TARGETS: dict[str, tuple[float, float]] = {
    "quotes": (0.99, 0.99),
    # precision first (a wrong speaker is worse than none): the second round traded recall for it
    "speakers": (0.99, 0.93),
    # speakers the article describes instead of naming ("a France Telecom spokeswoman"), given as written
    "described": (0.95, 0.60),
    "terms": (0.98, 0.98),
    "figures": (0.98, 0.97),
    "values": (0.98, 0.98),
}
# Batches no rule was tuned on yet (each is scored once, blind, at the end of the round that wrote it; its
# blind scores are in annotations.json "about" and in the commit that scored it). They are printed with the
# other batches but held to no target, so nobody tunes on them by accident.
UNTUNED: frozenset[str] = frozenset({"final2", "heldout9"})
# Batches whose wrong speakers the rules were tuned on, but not their quote spans, terms or figures (written
# blind, still untuned): held to their own speaker floors only. heldout4 and heldout5 since the fourth round,
# heldout6 since the fifth, heldout7 since the sixth, heldout8 since the seventh.
SPEAKERS_TUNED: dict[str, tuple[float, float]] = {
    "heldout4": (0.99, 0.68),
    "heldout5": (0.99, 0.92),
    "heldout6": (0.99, 0.90),
    "heldout7": (0.99, 0.87),
    "heldout8": (0.99, 0.77),
}
SEED_TARGETS: dict[str, tuple[float, float]] = {name: (1.0, 1.0) for name in TARGETS}


def check(report: Report, targets: dict[str, tuple[float, float]], label: str) -> None:
    print(f"\n[{label}]")
    print("\n".join(report.lines()))
    failures = []
    for name, (p_min, r_min) in targets.items():
        tally = getattr(report, name)
        if tally.precision < p_min or tally.recall < r_min:
            failures.append(f"{name}: P {tally.precision:.3f} (min {p_min}) R {tally.recall:.3f} (min {r_min})")
            failures.extend("  " + miss for miss in tally.misses[:20])
    assert not failures, "\n".join(failures)


def test_seed_articles() -> None:
    report = score([e for e in load_expectations() if e["corpus"] == "seeds"])
    assert report.articles == 2
    check(report, SEED_TARGETS, "seeds")


def test_corpus_articles() -> None:
    entries = [e for e in load_expectations() if e["corpus"] != "seeds"]
    for corpus in sorted({e["corpus"] for e in entries}):
        shared_corpus(corpus)
    for split in sorted({e.get("split", "dev") for e in entries}):
        # per batch, for information: "dev" was written before any tuning, the held-out batches later (their
        # blind scores are in the commits that added them); only the whole set is held to the targets
        part = score([e for e in entries if e.get("split", "dev") == split])
        print(f"\n[{split}: {part.articles} articles]")
        print("\n".join(part.lines()[1:]))
    # the untouched last batch is measured by test_final_batch; the targets hold on everything tuned on
    tuned = [e for e in entries if e.get("split", "dev") not in UNTUNED | SPEAKERS_TUNED.keys()]
    report = score(tuned)
    assert report.articles == len(tuned) >= 10
    check(report, TARGETS, f"all {report.articles} tuned corpus articles")
    for split, floors in SPEAKERS_TUNED.items():
        part = score([e for e in entries if e.get("split") == split])
        check(part, {"speakers": floors}, f"{split}: speakers tuned")

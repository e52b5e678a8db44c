"""Tokens with offsets (for word diffs) and the content terms compare matches on.

Two views of one text: ``tokens`` (every word, number and punctuation mark, for word-level diffs) and
``content_terms`` (what two sentences must share to carry the same content). Content terms are the shared
analyzer's (``analysis.analyze``, the one the index and the highlighter use: stemmed, accent-folded, numbers in
their canonical form, "Aug." as August, "80 percent" as 80%) less stop words, with number words as numbers
("two" = 2) and a day's ordinal as its number ("9th" = 9), so "Aug. 9" meets "August 9th"; on request, news
event words of one meaning as one term, a people as its country ("Russian" = "Russia") and the parts of
hyphenated words too ("three-day": 3, day).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from tui_reader.core.analysis import analyze
from tui_reader.core.figures import TENS_WORDS, UNITS_WORDS

# A number as written (5,500 / 1.5 / 80), an ordinal (9th), a word (with inner apostrophes: It’s, O'Brien),
# or any other single character that is not white space (punctuation, %, &, $).
_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<ord>st|nd|rd|th)?(?!\w)"
    r"|(?P<word>\w+(?:['’]\w+)*)"
    r"|(?P<other>[^\w\s])"
)

STOPWORDS: frozenset[str] = frozenset(
    str.split(
        """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having he
    her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not
    now of off on once only or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves said says say
    told tell according mr mrs ms dr s t d ll m re ve y its it’s that’s there’s"""
    )
)

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "–": "-", "—": "-"})


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a text: ``text[start:end]``; ``norm`` is what a diff compares (case and quote marks folded)."""

    start: int
    end: int
    norm: str
    kind: str  # "num", "word" or "other"


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Every token of ``text[start:end]`` with offsets into ``text``."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text, start, len(text) if end is None else end):
        kind = m.lastgroup if m.lastgroup != "ord" else "num"
        if m.group("num") is not None:
            kind = "num"
        raw = m.group()
        norm = raw.casefold() if raw.isascii() else unicodedata.normalize("NFKC", raw).casefold().translate(_QUOTES)
        out.append(Token(m.start(), m.end(), norm, kind or "other"))
    return out


def stem(word: str) -> str:
    """The shared analyzer's stem of one word ("troops" -> "troop")."""
    got = analyze(word, "query")
    return got[0].text if got else word.casefold()


# Words that news reports use for the same event, folded to one term so paraphrases meet ("killed" = "dead",
# "blast" = "explosion", "assistance" = "support"). Kept small and about events: a thesaurus would join too much.
_NEWS_SYNONYMS: dict[str, tuple[str, ...]] = {
    "DEAD": ("dead", "death", "deaths", "died", "die", "dies", "kill", "killed", "killing", "toll", "fatalities"),
    "HURT": ("injured", "injuries", "injury", "injure", "wounded", "wound", "wounds", "hurt"),
    "BLAST": ("blast", "explosion", "explode", "exploded", "bomb", "bombing", "detonated", "detonation", "explosive"),
    "ARREST": ("arrest", "arrested", "detain", "detained", "custody", "apprehended"),
    "GUNMAN": ("gunman", "gunmen", "shooter", "attacker", "attackers", "assailant", "assailants"),
    "SHOOT": ("shooting", "shootings", "shot", "shoot", "gunfire", "opened"),
    "PLANE": ("aircraft", "plane", "planes", "jet", "jets"),
    "TROOP": ("troops", "troop", "soldiers", "soldier"),
    "CHILD": ("child", "children", "kid", "kids"),
    "HELP": ("help", "assist", "assistance", "aid", "support"),
    "ELECT": ("election", "elections", "elected", "reelected", "vote", "votes", "ballot", "reelection"),
    "MISSING": ("missing", "unaccounted"),
    "HOME": ("home", "homes", "house", "houses"),
    "PHOTO": ("photo", "photos", "photograph", "image", "images", "picture", "pictures"),
    "EVACUATE": ("evacuate", "evacuated", "evacuation", "evacuations", "flee", "fled"),
    "ENDORSE": ("endorse", "endorsed", "endorsement", "endorsing"),
    "APOLOGY": ("apology", "apologize", "apologized", "apologise", "apologised", "sorry", "regret", "regrets"),
    "CRITICISM": ("criticism", "criticize", "criticized", "condemn", "condemned", "condemnation"),
    "PROTEST": ("protest", "protests", "protester", "protesters", "demonstration", "demonstrators", "rally"),
    "RESCUE": ("rescue", "rescued", "rescuers", "freed", "freeing"),
    "HOSTAGE": ("hostage", "hostages", "captive", "captives"),
    "RESIGN": ("resign", "resigned", "resignation", "quit"),
}
NEWS_SYNONYMS: dict[str, str] = {stem(w): k for k, words in _NEWS_SYNONYMS.items() for w in words}
# A people's or country's adjective and the country are one term ("Russian" = "Russia", "American" = "U.S."):
# stemming leaves them apart and the related-forms match of align.py misses the irregular ones.
_COUNTRIES: dict[str, tuple[str, ...]] = {
    "US": ("america", "american", "americans", "U.S."),
    "UK": ("britain", "british", "briton", "britons", "UK"),
    "russia": ("russia", "russian", "russians"),
    "france": ("france", "french"),
    "germany": ("germany", "german", "germans"),
    "italy": ("italy", "italian", "italians"),
    "spain": ("spain", "spanish", "spaniard", "spaniards"),
    "china": ("china", "chinese"),
    "japan": ("japan", "japanese"),
    "india": ("india", "indian", "indians"),
    "pakistan": ("pakistan", "pakistani", "pakistanis"),
    "afghanistan": ("afghanistan", "afghan", "afghans"),
    "iraq": ("iraq", "iraqi", "iraqis"),
    "iran": ("iran", "iranian", "iranians"),
    "syria": ("syria", "syrian", "syrians"),
    "israel": ("israel", "israeli", "israelis"),
    "turkey": ("turkey", "turkish", "turks"),
    "ukraine": ("ukraine", "ukrainian", "ukrainians"),
    "mexico": ("mexico", "mexican", "mexicans"),
    "canada": ("canada", "canadian", "canadians"),
    "egypt": ("egypt", "egyptian", "egyptians"),
    "saudi": ("saudi", "saudis"),
    "korea": ("korea", "korean", "koreans"),
    "bangladesh": ("bangladesh", "bangladeshi", "bangladeshis"),
    "belarus": ("belarus", "belarusian", "belarusians"),
    "poland": ("poland", "polish"),
    "greece": ("greece", "greek", "greeks"),
    "sweden": ("sweden", "swedish", "swede", "swedes"),
    "netherlands": ("netherlands", "dutch"),
    "switzerland": ("switzerland", "swiss"),
}
COUNTRIES: dict[str, str] = {
    t: "@" + k for k, words in _COUNTRIES.items() for w in words for t in {stem(w), w} if t not in STOPWORDS
}
_STOP_TERMS: frozenset[str] = frozenset(stem(w) for w in STOPWORDS) | STOPWORDS


def content_terms(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    synonyms: bool = False,
    countries: bool = False,
    parts: bool = False,
) -> list[str]:
    """The content terms of ``text[start:end]``: the analyzer's terms without stop words, number words as numbers.

    With ``synonyms`` the few news event words of one meaning become one term ("killed" and "dead": DEAD);
    with ``countries`` a people's adjective becomes its country ("Russian": @russia); with ``parts`` a
    hyphenated word also yields its parts' terms.
    """
    part = text[start:end] if start or end is not None else text
    out: list[str] = []
    for term in analyze(part, "query"):
        t = term.text
        if t in _STOP_TERMS:
            continue
        word = part[term.start : term.end].casefold()
        if word in UNITS_WORDS and word != "one":
            t = str(UNITS_WORDS[word])
        elif word in TENS_WORDS:
            t = str(TENS_WORDS[word])
        elif t[:1].isdigit() and t[-2:] in ("st", "nd", "rd", "th") and t[:-2].isdigit():
            t = t[:-2]
        if synonyms:
            t = NEWS_SYNONYMS.get(t, t)
        if countries:
            t = COUNTRIES.get(t, t)
        out.append(t)
        if parts and "-" in part[term.start : term.end]:
            # The parts of a hyphenated word too: "three-day" meets "three days".
            piece = part[term.start : term.end].replace("-", " ")
            out.extend(content_terms(piece, synonyms=synonyms, countries=countries))
    return out

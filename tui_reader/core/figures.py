"""The one normaliser for figures: numbers, percentages, number words, months and dates.

Search ("5,500" finds "5500"), annotation (figure spans with a value) and compare (same value on both sides)
agree because all three call the functions here. Nothing else in the project parses a number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from tui_reader.core.model import Span

# Month names and their abbreviations (with and without the dot), lower case.
MONTHS: dict[str, int] = {}
for _n, _name in enumerate(
    (
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ),
    start=1,
):
    MONTHS[_name] = _n
    MONTHS[_name[:3]] = _n
MONTHS["sept"] = 9

UNITS_WORDS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALE_WORDS: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
# Short forms used after an amount: $2.5bn, £600m, 3k.
SCALE_SUFFIXES: dict[str, int] = {
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "tn": 1_000_000_000_000,
    "trn": 1_000_000_000_000,
}
ORDINAL_WORDS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
    "thousandth": 1000,
    "millionth": 1_000_000,
}
# Words that all mean "per cent" after a number.
PERCENT_WORDS: frozenset[str] = frozenset({"%", "percent", "pc", "pct", "per cent", "percentage points"})

# A number as written: 5,500 / 1,800,000 / 1.5 / 5500 / .5 ; thousands groups must be exactly three digits.
NUMBER_RE = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w,]\d)|(?<![\w.])\.\d+\b")
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_PLAIN = re.compile(r"^(?:\d+(?:\.\d+)?|\.\d+)$")


def parse_number(token: str) -> int | float | None:
    """Parse a written number ("5,500", "1.5", "1,800,000", ".5") to its value, or None if it is not one.

    Commas must group exactly three digits ("5,50" is not a number); a value without a fraction is an int.
    """
    token = token.strip()
    if _GROUPED.match(token):
        token = token.replace(",", "")
    elif not _PLAIN.match(token):
        return None
    if "." in token:
        value = float(token)
        return int(value) if value.is_integer() and len(token) < 16 else value
    return int(token)


def canonical_number(token: str) -> str | None:
    """Return the canonical spelling of a written number: "5,500" -> "5500", "1.50" -> "1.5", "007" -> "7".

    This is the form the index stores and compare matches on, so every spelling of one value is one term.
    """
    value = parse_number(token)
    if value is None:
        return None
    return format_value(value)


def format_value(value: int | float) -> str:
    """Format a numeric value canonically: integers without separators, decimals without trailing zeros."""
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value).rstrip("0").rstrip(".") if "e" not in repr(value) else repr(value)
    return str(value)


def words_to_number(words: list[str]) -> int | None:
    """Value of a run of number words ("two", "twenty five", "three hundred thousand"), or None.

    Hyphenated forms should be split by the caller ("twenty-five" -> ["twenty", "five"]); "and" is allowed
    between groups ("one hundred and five").
    """
    total = 0
    current = 0
    seen = False
    for raw in words:
        word = raw.lower()
        if word == "and" and seen:
            continue
        if word in UNITS_WORDS:
            current += UNITS_WORDS[word]
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALE_WORDS:
            total += (current or 1) * SCALE_WORDS[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


# ======================================================================================================
# Figure recognition (annotate helper): ``find_figures(text)`` -> figure spans with kind, value, unit and
# qualifier. Pure function of the text; it reuses the word lists and parsers above.
#
# Kinds (``Span.figure_kind``) and what ``value`` holds:
#   count        integer in digits, also scaled: "5,500", "3.7 million"                      int
#   decimal      non-integer in digits without unit: "6.2"                                   float
#   number_word  spelled out: "two", "five million", "a dozen", "two dozen"                  int
#                vague plurals ("dozens", "hundreds", "tens of thousands", "several hundred") give their
#                order of magnitude (12, 100, 10000, 100) with qualifier "several" (or "a few" as written)
#   percent      "80%", "80 percent", "80 per cent", "2 percentage points"                   number
#   money        "£800,000", "$2.5bn", "US$5", "3 million euros", "5 cents"                  number
#   quantity     number + unit: "1.5 miles", "15-minute", "magnitude-6.2", "28-year-old"     number
#   range        "80 to 100 miles", "between 12 and 14", "30-40%", "2007-13", "$5-10 million" "low..high"
#   score        "3-1", "396-9", "6-7": two small numbers joined by a hyphen with no unit    "3-1"
#                (a result or a tally; "from 60 to 65" is two figures, a change, not a range)
#   fraction     "two-thirds", "one in five"                                                 float, 4 places
#   date         "August 9th", "Aug 18, 2020", "16 December", "September 2001", ISO          "2020-08-18",
#                                                                            "--08-09" (no year), "2001-09"
#   time         "3:36 a.m.", "10 p.m.", "15:30"                                              "HH:MM", 24-hour
#   year         "1994", "around 2024"; decades "the 1990s", "’90s" have unit "decade"       int
#   ordinal      "eighth", "9th", "50th", "twenty-first"                                     int
# Units (``Span.unit``): "percent" / "percentage point"; ISO 4217 codes for money (USD, GBP, EUR, JPY, CNY,
# INR, CAD, AUD, NZD, HKD, SGD, CHF) or "cent" / "penny"; singular unit words for quantities (see
# _UNIT_WORDS: mile, kilometre, metre, centimetre, millimetre, foot, inch, yard, acre, hectare, square mile,
# kilogram, gram, pound, ton, tonne, ounce, litre, gallon, barrel, degree, magnitude, mph, point, megawatt,
# second, minute, hour, day, week, month, year, decade, century); a range carries the unit of its ends. Counts
# carry no unit.
# Qualifiers (``Span.qualifier``): QUALIFIERS below, lower case as written; they are part of the span.
# Not figures, by rule: "one", "a" and "first" on their own; "second" unless after the/a/his/...; a month
# or weekday alone; digits glued to letters or written after a capitalised word inside a name (COVID-19,
# F-35, G7, A380, Article 50, Boeing 747); capitalised number words inside names (Air Force One); handles,
# hashtags, URLs; "N/N" (a thread counter 2/2, 9/11, 24/7); street addresses (10 Downing Street); list
# enumerators ("(1) An Indiana company ...", "And third, ..."). "minus 17 degrees" is -17; "one" counts only
# as part of a compound measure ("one minute, 46.68 seconds").

QUALIFIERS: tuple[str, ...] = (
    "about",
    "around",
    "roughly",
    "approximately",
    "nearly",
    "almost",
    "more than",
    "over",
    "less than",
    "fewer than",
    "under",
    "at least",
    "at most",
    "up to",
    "as many as",
    "as much as",
    "as few as",
    "as little as",
    "some",
    "an estimated",
    "estimated",
    "close to",
    "just over",
    "just under",
    "upwards of",
    "in excess of",
    "no more than",
    "no fewer than",
    "no less than",
    "well over",
    "well under",
    "past",
    "several",
    "a few",
)

_CURRENCY_SYMBOLS: dict[str, str] = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR"}
_DOLLAR_PREFIXES: dict[str, str] = {
    "US": "USD",
    "U.S.": "USD",
    "C": "CAD",
    "CA": "CAD",
    "A": "AUD",
    "AU": "AUD",
    "NZ": "NZD",
    "HK": "HKD",
    "S": "SGD",
}
_CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "rupees": "INR",
    "swiss francs": "CHF",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "cent": "cent",
    "cents": "cent",
    "pence": "penny",
}
# Unit words after a number (matched case-insensitively) -> canonical singular unit.
_UNIT_WORDS: dict[str, str] = {
    "second": "second",
    "seconds": "second",
    "minute": "minute",
    "minutes": "minute",
    "mins": "minute",
    "hour": "hour",
    "hours": "hour",
    "hrs": "hour",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "yrs": "year",
    "decade": "decade",
    "decades": "decade",
    "century": "century",
    "centuries": "century",
    "mile": "mile",
    "miles": "mile",
    "kilometre": "kilometre",
    "kilometres": "kilometre",
    "kilometer": "kilometre",
    "kilometers": "kilometre",
    "metre": "metre",
    "metres": "metre",
    "centimetre": "centimetre",
    "centimetres": "centimetre",
    "centimeter": "centimetre",
    "centimeters": "centimetre",
    "millimetre": "millimetre",
    "millimetres": "millimetre",
    "millimeter": "millimetre",
    "millimeters": "millimetre",
    "meter": "metre",
    "meters": "metre",
    "foot": "foot",
    "feet": "foot",
    "inch": "inch",
    "inches": "inch",
    "yard": "yard",
    "yards": "yard",
    "square mile": "square mile",
    "square miles": "square mile",
    "square kilometre": "square kilometre",
    "square kilometres": "square kilometre",
    "square kilometer": "square kilometre",
    "square kilometers": "square kilometre",
    "square feet": "square foot",
    "acre": "acre",
    "acres": "acre",
    "hectare": "hectare",
    "hectares": "hectare",
    "kilogram": "kilogram",
    "kilograms": "kilogram",
    "kilo": "kilogram",
    "kilos": "kilogram",
    "gram": "gram",
    "grams": "gram",
    "pound": "pound",
    "pounds": "pound",
    "ton": "ton",
    "tons": "ton",
    "tonne": "tonne",
    "tonnes": "tonne",
    "ounce": "ounce",
    "ounces": "ounce",
    "litre": "litre",
    "litres": "litre",
    "liter": "litre",
    "liters": "litre",
    "gallon": "gallon",
    "gallons": "gallon",
    "barrel": "barrel",
    "barrels": "barrel",
    "degree": "degree",
    "degrees": "degree",
    "magnitude": "magnitude",
    "point": "point",
    "points": "point",
    "megawatt": "megawatt",
    "megawatts": "megawatt",
    "gigawatt": "gigawatt",
    "gigawatts": "gigawatt",
}
# Abbreviated units, matched case-sensitively; these may also be glued to the number ("100km", "5ft").
_UNIT_ABBREVIATIONS: dict[str, str] = {
    "km": "kilometre",
    "kms": "kilometre",
    "m": "metre",
    "cm": "centimetre",
    "mm": "millimetre",
    "ft": "foot",
    "kg": "kilogram",
    "lb": "pound",
    "lbs": "pound",
    "mph": "mph",
    "km/h": "km/h",
    "kph": "km/h",
    "MW": "megawatt",
    "GW": "gigawatt",
    "GB": "gigabyte",
    "TB": "terabyte",
}
_FRACTION_WORDS: dict[str, int] = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
_VULGAR: dict[str, Decimal] = {
    "½": Decimal("0.5"),
    "¼": Decimal("0.25"),
    "¾": Decimal("0.75"),
    "⅓": Decimal(1) / 3,
    "⅔": Decimal(2) / 3,
    "⅛": Decimal("0.125"),
}
_VAGUE_WORDS: dict[str, int] = {
    "dozens": 12,
    "hundreds": 100,
    "thousands": 1_000,
    "millions": 1_000_000,
    "billions": 1_000_000_000,
    "trillions": 1_000_000_000_000,
    "tens": 10,
}
# A month as written: full names never take a full stop ("23 March." ends a sentence), abbreviations may.
_MONTH_WORDS = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)(?![a-z])"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![a-z])\.?)"
)
_WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
_CARDINAL_WORDS = {**UNITS_WORDS, **TENS_WORDS, **SCALE_WORDS, "dozen": 12}


class _LazyPattern:
    """A regular expression compiled when first used. ``find_figures`` needs some forty; ``newsreader search``
    imports this module for number parsing only and should not pay for compiling them (about 10 ms). After the
    first use the compiled pattern's methods are the instance's own attributes, so a call costs what it did."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str) -> object:
        compiled = re.compile(*self._args)
        for method in ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split"):
            setattr(self, method, getattr(compiled, method))
        self.pattern, self.flags, self.groupindex = compiled.pattern, compiled.flags, compiled.groupindex
        return getattr(compiled, name)


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile``, deferred to the pattern's first use (for patterns an import should not pay for)."""
    return _LazyPattern(pattern, flags)  # type: ignore[return-value]


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, with spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


_W = _alternation(_CARDINAL_WORDS)
_ORD = _alternation(ORDINAL_WORDS)


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` factored into a prefix tree ("t(?:en|h(?:ird|ree)|wo)").

    Python's regex engine tries every branch of a flat alternation at every position; a tree fails at
    the first character, which makes scanning for a few hundred words about five times faster. A space in
    a word matches any run of whitespace.
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        group = "(?:" + "|".join(branches) + ")"
        return group + "?" if "" in node else group

    return build(tree)


# Where a figure may begin: a currency symbol, a digit that does not continue a number, a number word,
# ordinal or vague plural, or a capitalised month followed by a digit (for dates).
_ANCHOR_WORDS = frozenset(w.lower() for w in (*_CARDINAL_WORDS, *ORDINAL_WORDS, *_VAGUE_WORDS) if " " not in w)
_ANCHOR = lazy_compile(
    r"[$£€¥₹]|(?<![\d])\d"
    rf"|(?<![\w’'-])(?i:{trie_pattern(_ANCHOR_WORDS)})(?!\w)"
    rf"|\b{_MONTH_WORDS},?\s+\d"
)
_MAX_DIGITS = 24
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_DIGITS_AT = lazy_compile(rf"(?P<num>{_NUM})(?:\s?(?P<vf>[½¼¾⅓⅔⅛]))?")
# at most eight words: "three hundred and forty-five thousand six hundred" is as long as written numbers get
_WORDS_AT = lazy_compile(rf"(?i:(?:{_W})(?:(?:\s*-\s*|\s+(?:and\s+)?)(?:{_W})){{0,7}})(?!\w)")
_SCALE_AT = lazy_compile(
    r"(?:\s?(?P<sfx>bn|mn|mln|tn|trn)(?![\w])|(?P<short>[mkbMKB])(?![\w])|\s+(?P<scale>(?i:hundred|thousand|million|billion|trillion))(?!\w))"
)
_PERCENT_AT = lazy_compile(r"\s?%|\s+(?i:per\s*cent|pct)(?!\w)|\s+(?P<pp>(?i:percentage\s+points?))(?!\w)")
_CURRENCY_WORD_AT = lazy_compile(rf"\s+(?P<cw>(?i:{_alternation(_CURRENCY_WORDS)}))(?!\w)")
_UNIT_AT = lazy_compile(
    rf"(?:[ \t]?-[ \t]?|\s+)(?P<unit>(?i:{_alternation(_UNIT_WORDS)}))(?P<old>-old)?(?![\w])"
    rf"|(?P<sp>\s?)(?P<abbr>{_alternation(_UNIT_ABBREVIATIONS)})(?![\w/])"
)
_RANGE_SEP_AT = lazy_compile(r"\s*(?:-|–)\s*|\s+(?:to|through)\s+")
_AND_AT = lazy_compile(r"\s+and\s+")
_IN_AT = lazy_compile(r"\s+in\s+|-in-")  # "one in five", "a one-in-three chance"
_ORDINAL_SUFFIX_AT = lazy_compile(r"(?:st|nd|rd|th)(?![\w])")
_DECADE_AT = lazy_compile(r"s(?![\w])")
_TIME_AT = lazy_compile(
    r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::\d{2})?(?![\d:])(?:\s?(?P<ap>[aApP])\.?\s?[mM](?:\.(?!\w)|(?![\w.])))?"
    r"|(?P<h2>\d{1,2})\s?(?P<ap2>[aApP])(?:\.\s?[mM]\.|[mM](?![\w.]))"
)
_ISO_AT = lazy_compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d])")
_DMY_AT = lazy_compile(
    rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH_WORDS})(?:,?\s+(?P<y>\d{{4}})(?!\d))?"
)
_MDY_AT = lazy_compile(
    rf"(?P<mon>{_MONTH_WORDS})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:,.]\d|\w)(?:,?\s+(?P<y>\d{{4}})(?!\d))?"
)
_MY_AT = lazy_compile(rf"(?P<mon>{_MONTH_WORDS}),?\s+(?P<y>(?:1[5-9]|20)\d\d)(?![\d])")
_FRACTION_AT = lazy_compile(rf"(?i:(?P<n>{_W}))-(?P<d>(?i:{_alternation(_FRACTION_WORDS)}))(?!\w)")
_ORDINAL_WORD_AT = lazy_compile(rf"(?i:(?:(?P<tens>{_alternation(TENS_WORDS)})-)?(?P<ord>{_ORD}))(?!\w)")
_VAGUE_AT = lazy_compile(
    r"(?i:(?P<v>dozens|hundreds|thousands|millions|billions|trillions|tens)"
    r"(?:\s+of\s+(?P<v2>thousands|millions|billions)(?!\w))?)(?!\w)"
)
_DOLLAR_CODE_AFTER = lazy_compile(r"(US|A|C|NZ|HK|S)(?=\d)")
_ENUMERATOR_AT = lazy_compile(r"\d{1,2}\)[ \t]+[A-Z]")  # after "(": "(1) An ..."
_ENUMERATION_BEFORE = lazy_compile(r"(?:^|[.!?:;\n][ \t]*[\"“‘']?|[.!?:;\n][ \t]*(?:And|But|and)[ \t]+)[ \t]*$")
_MINUS_BEFORE = lazy_compile(r"(?<![\w-])(?:(?i:minus)[ \t]+|−)$")
_MORE_AMOUNT_AT = lazy_compile(r",?[ \t]+(?:and[ \t]+)?\d")
_QUALIFIER_BEFORE = lazy_compile(rf"(?<![\w’'])(?P<q>(?i:{trie_pattern(QUALIFIERS)}))\s+$")
_IDIOM_AFTER_ORDINAL = lazy_compile(r"-(?i:part(?:y|ies)|world|rate|hand|guess\w*|class|person)\b")
_RANGE_TAIL_AT = lazy_compile(
    rf"\s?%|\s+(?i:per\s*cent|percentage)|(?:[ \t]?-[ \t]?|\s+)(?i:{_alternation(_UNIT_WORDS)})(?![\w])"
    rf"|\s?(?:{_alternation(_UNIT_ABBREVIATIONS)})(?![\w/])|\s+(?i:{_alternation(_CURRENCY_WORDS)})(?!\w)"
)
_TIME_CONTEXT_BEFORE = lazy_compile(
    r"(?<![\w’'])(?i:at|by|from|until|till|to|around|about|before|after|since|between|and|approximately)\s+$"
)
_TIME_ZONE_AFTER = lazy_compile(r"\s*(?:GMT|BST|UTC|CET|CEST|[ECMP][SD]?T|local\s+time|hrs|hours|h)\b")
_FROM_BEFORE = lazy_compile(r"(?<!\w)(?i:from)\s+$")
_BETWEEN_BEFORE = lazy_compile(r"(?<!\w)(?i:between)\s+$")
_MAGNITUDE_BEFORE = lazy_compile(r"(?<!\w)(?i:magnitude)[\s-]$")
_A_BEFORE = lazy_compile(r"(?<![\w’'])(?i:a)\s+$")
_DETERMINER_BEFORE = lazy_compile(r"(?<![\w’'])(?i:the|a|an|its|his|her|their|our|my|your|this|every|each)\s+$")
_DOLLAR_PREFIX_BEFORE = lazy_compile(r"(?<![\w.])(?P<p>U\.S\.|US|CA|AU|NZ|HK|C|A|S)$")
_CAPITALISED_WORD_BEFORE = lazy_compile(r"(?<![\w’'.-])(?P<w>[A-Z][\w’'.&-]*)[ \t]$")
_YEAR_CONTEXT_BEFORE = lazy_compile(
    r"(?<![\w’'])(?i:the|a|an|its|his|her|their|our|this|that|in|since|by|of|from|until|till|to|before|after|"
    r"during|for|around|about|circa|between|and|or|through|early|late|mid)[\s-]+$"
)
_PLURAL_NOUN_AFTER = lazy_compile(r"\s+[a-z][a-z-]{2,}s(?![\w’'])")
_NOT_PLURAL = frozenset({"was", "has", "is", "his", "its", "this", "as", "does", "says", "sees", "goes", "gets"})
_ADDRESS_AFTER = lazy_compile(
    r"\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Drive|Place|Square|Way)\b"
)
_MODEL_PLURAL = lazy_compile(r"(?<![\w.,$£€¥₹’'])(\d{3,4})s(?![\w’'])")
_MODEL_AFTER_NAME = lazy_compile(r"(?<=[a-z,] )[A-Z][A-Za-z]+ (\d{3,4})(?![\w,.:/-]|\.\d)")
_NOT_MODEL_LABELS = frozenset(
    {m.capitalize() for m in MONTHS}
    | {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "About", "Around", "Some"}
)
_TOKEN_SPECIAL = lazy_compile(r"https?:|www\.|\.com|\.org|[@#/=]")
_SENTENCE_OPENERS = " \t\"“‘'(«[—–-"


def find_figures(text: str) -> list[Span]:
    """Every figure in ``text`` as a ``Span(kind="figure")`` in order, never overlapping; never raises.

    Runs in time linear in ``len(text)``: one anchor scan, then bounded look-arounds at each anchor.
    """
    spans: list[Span] = []
    models = _model_numbers(text)
    pos = 0  # where the scan goes on
    covered = 0  # end of the last figure: a new one (with its qualifier) may not start before it
    while (m := _ANCHOR.search(text, pos)) is not None:
        start = m.start()
        try:
            span = _figure_at(text, start)
            if span is not None and span.figure_kind in ("count", "year") and _digits_of(span) in models:
                span = None
        except (ArithmeticError, ValueError):  # a pathological number must not stop the scan
            span = None
        if span is None or span.start < covered:
            pos = _skip_token(text, start) if text[start].isdigit() else max(m.end(), start + 1)
            continue
        spans.append(span)
        pos = covered = span.end
    return spans


def _model_numbers(text: str) -> frozenset[str]:
    """Numbers the text uses as names of things: "two new 747s" makes every bare "747" a model number."""
    found = {m[1] for m in _MODEL_PLURAL.finditer(text) if not m[1].endswith("0")}
    found.update(m[1] for m in _MODEL_AFTER_NAME.finditer(text) if m[0].split()[0] not in _NOT_MODEL_LABELS)
    return frozenset(n for n in found if len(n) == 3 or not 1500 <= int(n) <= 2099)


def _digits_of(span: Span) -> str:
    return re.sub(r"\D", "", span.text) if re.fullmatch(r"\d{3,4}", span.text) else ""


def _skip_token(text: str, start: int) -> int:
    """The end of the code-like token at ``start`` ("19" of "COVID-19", "2/2"), so no digit inside re-anchors."""
    end = start
    limit = min(len(text), start + 64)
    while end < limit and (text[end].isalnum() or text[end] in ".,/:-_@#"):
        end += 1
    while end > start + 1 and text[end - 1] in ".,:-":
        end -= 1
    return max(end, start + 1)


def _figure_at(text: str, p: int) -> Span | None:
    ch = text[p]
    if ch in _CURRENCY_SYMBOLS:
        if ch == "$" and (code := _DOLLAR_CODE_AFTER.match(text, p + 1)):  # "$US1 million", "$A5"
            return _amount_figure(text, p, code.end(), _DOLLAR_PREFIXES[code[1]])
        return _amount_figure(text, p, p + 1, _CURRENCY_SYMBOLS[ch])
    if ch.isdigit() and _ENUMERATOR_AT.match(text, p) and _at_sentence_start(text, p - 1):
        return None  # "(1) An Indiana-based company ...": a list item number, not a figure
    if ch.isdigit():
        if not _digits_may_start(text, p):
            return None
        return _date_at(text, p) or _time_at(text, p) or _amount_figure(text, p, p, None)
    if ch.isupper() and (m := _MDY_AT.match(text, p) or _MY_AT.match(text, p)):
        return _date_span(text, p, m)
    if ch.isupper() and not _at_sentence_start(text, p):
        return None  # "Air Force One", "the Big Three", "Second Avenue": number words inside names
    return _word_figure(text, p)


def _digits_may_start(text: str, p: int) -> bool:
    """False when the digit at ``p`` belongs to a name, code, handle or URL rather than a figure."""
    before = text[p - 1] if p else " "
    if before.isalnum() or before in "_@#/\\":
        return False
    if before in ".:" and p >= 2 and text[p - 2].isdigit():
        return False
    if before in "-–":
        word = re.search(r"([A-Za-z]+)$", text[max(0, p - 12) : p - 1])
        if word and word[1].lower() not in {"mid", "pre", "post", "early", "late", "a", "magnitude"}:
            return False
        if p >= 2 and text[p - 2].isdigit():
            return False
    lo = p
    while lo > 0 and p - lo < 64 and not text[lo - 1].isspace():
        lo -= 1
    hi = p
    while hi < len(text) and hi - p < 64 and not text[hi].isspace():
        hi += 1
    return not _TOKEN_SPECIAL.search(text, lo, hi) or _only_trailing_slash_free(text, lo, hi, p)


def _only_trailing_slash_free(text: str, lo: int, hi: int, p: int) -> bool:
    """Allow "km/h" after a number; every other slash, @, # or URL in the token rules the number out."""
    token = text[lo:hi]
    return "/" in token and token.count("/") == 1 and "km/h" in token and not re.search(r"https?:|www\.|[@#=]", token)


def _at_sentence_start(text: str, p: int) -> bool:
    i = p - 1
    while i >= 0 and p - i < 12 and text[i] in _SENTENCE_OPENERS:
        i -= 1
    if i > 0 and text[i] == ")" and text[i - 1] in ".!?":  # "... overseas.) Zero Libyans ..."
        return True
    return i < 0 or text[i] in "\n.!?:;"


def _date_at(text: str, p: int) -> Span | None:
    m = _ISO_AT.match(text, p)
    if m:
        value = _iso(int(m["y"]), int(m["m"]), int(m["d"]))
        return _span(text, p, m.end(), "date", value) if value else None
    m = _DMY_AT.match(text, p)
    if m:
        return _date_span(text, p, m)
    return None


def _date_span(text: str, p: int, m: re.Match[str]) -> Span | None:
    month = MONTHS.get(m["mon"].lower().rstrip("."))
    if month is None:
        return None
    day = m.groupdict().get("d")
    year = m["y"]
    end = m.end()
    if day is None:
        return _span(text, p, end, "date", f"{int(year):04d}-{month:02d}") if year else None
    if year:
        value = _iso(int(year), month, int(day))
        if value is None:
            return None
    else:
        if _iso(2000, month, int(day)) is None:
            return None
        value = f"--{month:02d}-{int(day):02d}"
    if end < len(text) and text[end].isalnum():
        return None
    return _span(text, p, end, "date", value)


def _time_at(text: str, p: int) -> Span | None:
    m = _TIME_AT.match(text, p)
    if not m:
        return None
    if m["h"] is not None:
        hour, minute, ap = int(m["h"]), int(m["mi"]), m["ap"]
        if not ap and not (
            _TIME_CONTEXT_BEFORE.search(text, max(0, p - 12), p) or _TIME_ZONE_AFTER.match(text, m.end())
        ):
            return None  # "02:50" after a video caption, a 3:1 ratio, John 3:16: not a time of day
    else:
        hour, minute, ap = int(m["h2"]), 0, m["ap2"]
    if minute > 59 or hour > 23 or (ap and not 1 <= hour <= 12):
        return None
    if ap:
        hour = hour % 12 + (12 if ap.lower() == "p" else 0)
    start, qualifier = _qualifier_before(text, p)
    return _span(text, start, m.end(), "time", f"{hour:02d}:{minute:02d}", qualifier=qualifier)


class _Core:
    """One parsed number: where it ends, its value, and how it was written."""

    __slots__ = ("end", "scaled", "value", "words", "written")

    def __init__(self, end: int, value: Decimal, *, words: bool, written: str, scaled: bool = False) -> None:
        self.end = end
        self.value = value
        self.words = words
        self.written = written
        self.scaled = scaled


def _digits_core(text: str, p: int, currency: str | None) -> _Core | None:
    m = _DIGITS_AT.match(text, p)
    if not m or len(m["num"]) > _MAX_DIGITS:
        return None  # a run of 30 digits is an identifier, and huge ones would make arithmetic slow
    value = _decimal(m["num"])
    if value is None:
        return None
    if m["vf"]:
        value += _VULGAR[m["vf"]]
    core = _Core(m.end(), value, words=False, written=m["num"])
    s = _SCALE_AT.match(text, core.end)
    if s and not m["vf"]:
        if s["sfx"]:
            factor = SCALE_SUFFIXES[s["sfx"].lower()]
        elif s["short"]:
            if not currency:
                return core
            factor = SCALE_SUFFIXES[s["short"].lower()]
        else:
            factor = SCALE_WORDS[s["scale"].lower()]
        core.value *= factor
        core.end = s.end()
        core.scaled = True
    return core


def _words_core(text: str, p: int) -> _Core | None:
    m = _WORDS_AT.match(text, p)
    if not m:
        return None
    parts = re.findall(r"[A-Za-z]+", m.group())
    tokens: list[str] = []
    ends: list[int] = []
    pos = p
    for word in parts:
        pos = text.index(word, pos) + len(word)
        tokens.append(word.lower())
        ends.append(pos)
    keep = _valid_number_words(tokens)
    if keep == 0:
        return None
    tokens = tokens[:keep]
    if tokens[-1] == "dozen":
        base = words_to_number(tokens[:-1]) if len(tokens) > 1 else 1
        value = None if base is None else base * 12
    else:
        value = words_to_number(tokens)
    if value is None:
        return None
    return _Core(ends[keep - 1], Decimal(value), words=True, written=" ".join(tokens))


def _valid_number_words(tokens: list[str]) -> int:
    """How many leading ``tokens`` form one well-made number ("two three" stops after "two")."""
    small = {**UNITS_WORDS}
    count = 0
    prev = ""
    for tok in tokens:
        if tok == "and":
            if prev not in SCALE_WORDS:
                break
        elif (
            (prev in small and (tok in small or tok in TENS_WORDS or tok == "and"))
            or (prev in TENS_WORDS and tok in TENS_WORDS)
            or prev == "dozen"
            or (prev == "and" and tok in SCALE_WORDS)
        ):
            break
        count += 1
        prev = tok
    while count and tokens[count - 1] == "and":
        count -= 1
    return count


def _amount_figure(text: str, p: int, num_at: int, currency: str | None) -> Span | None:
    """A figure whose number is written in digits at ``num_at`` (``p`` is where the span may start)."""
    start = p
    if currency == "USD" and (pm := _DOLLAR_PREFIX_BEFORE.search(text, max(0, p - 4), p)):
        currency = _DOLLAR_PREFIXES[pm["p"]]
        start = pm.start()
    if currency and not (num_at < len(text) and text[num_at].isdigit()):
        return None
    if start == p and (neg := _MINUS_BEFORE.search(text, max(0, p - 7), p)):  # "minus 17 degrees"
        start = neg.start()
    core = _digits_core(text, num_at, currency)
    if core is None:
        return None
    if not currency and (ordinal := _ORDINAL_SUFFIX_AT.match(text, core.end)) and "." not in core.written:
        if core.scaled or "," in core.written:
            return None
        return _span(text, p, ordinal.end(), "ordinal", int(core.value))
    if not currency and not core.scaled and (decade := _DECADE_AT.match(text, core.end)):
        return _decade(text, p, core, decade.end())
    return _finish(text, start, core, currency)


def _second_is_ordinal(text: str, p: int, end: int) -> bool:
    """ "his second day", "a second student" are ordinals; "wait a second", "seconds" are not."""
    determiner = _DETERMINER_BEFORE.search(text, max(0, p - 8), p)
    if not determiner:
        return False
    return determiner.group().strip().lower() not in ("a", "an") or bool(re.match(r"[ -][a-z]", text[end : end + 2]))


def _decade(text: str, p: int, core: _Core, end: int) -> Span | None:
    digits = core.written
    if not digits.isdigit() or not digits.endswith("0") or len(digits) not in (2, 4):
        return None
    value = int(digits)
    start = p
    if len(digits) == 2:
        value += 1900 if value >= 30 else 2000
        if p and text[p - 1] in "’'":
            start = p - 1
    return _span(text, start, end, "year", value, unit="decade")


def _word_figure(text: str, p: int) -> Span | None:
    """A figure that starts with a word: fraction, ordinal, vague plural or spelled-out number."""
    if m := _FRACTION_AT.match(text, p):
        numerator = _CARDINAL_WORDS.get(m["n"].lower())
        if numerator and m["n"].lower() in UNITS_WORDS:
            value = round(numerator / _FRACTION_WORDS[m["d"].lower()], 4)
            return _span(text, p, m.end(), "fraction", value)
    if m := _ORDINAL_WORD_AT.match(text, p):
        word = m["ord"].lower()
        if m["tens"]:
            return _span(text, p, m.end(), "ordinal", TENS_WORDS[m["tens"].lower()] + ORDINAL_WORDS[word])
        if word == "first" or (word == "second" and not _second_is_ordinal(text, p, m.end())):
            return None
        if _IDIOM_AFTER_ORDINAL.match(text, m.end()):
            return None  # "third-party", "second-hand", "third-world": not a position in a count
        if text.startswith(",", m.end()) and _ENUMERATION_BEFORE.search(text, max(0, p - 12), p):
            return None  # "Second, ...", "And third, ...": how an argument is counted off, not a figure
        return _span(text, p, m.end(), "ordinal", ORDINAL_WORDS[word])
    if m := _VAGUE_AT.match(text, p):
        if m["v"].lower() == "tens" and not m["v2"]:
            return None
        value = _VAGUE_WORDS[m["v"].lower()] * (_VAGUE_WORDS[m["v2"].lower()] if m["v2"] else 1)
        start, qualifier = _qualifier_before(text, p)
        return _span(text, start, m.end(), "number_word", value, qualifier=qualifier or "several")
    core = _words_core(text, p)
    if core is None or (core.written == "one" and _one_in_n(text, core) is None and not _compound_measure(text, core)):
        return None  # "one" on its own is a pronoun or an article far more often than a figure
    start = p
    if core.written.split()[0] in SCALE_WORDS or core.written.split()[0] == "dozen":
        if a := _A_BEFORE.search(text, max(0, p - 3), p):
            start = a.start()
        elif not _QUALIFIER_BEFORE.search(text, max(0, p - 20), p):
            return None  # "hundred" alone is not a figure; "a hundred", "several hundred" are
    return _finish(text, start, core, None)


def _compound_measure(text: str, core: _Core) -> bool:
    """ "one minute, 46.68 seconds", "one hour and 20 minutes": "one" with a unit and then another amount."""
    um = _unit_match(text, core.end, core, None)
    return um is not None and _MORE_AMOUNT_AT.match(text, um.end()) is not None


def _finish(text: str, start: int, core: _Core, currency: str | None) -> Span | None:
    """Extend a number with its range, unit, percent or currency word and qualifier; decide its kind."""
    end = core.end
    number_start = start
    first = core.value
    low_high: tuple[Decimal, Decimal] | None = None
    score: str | None = None
    unit: str | None = None
    kind: str | None = None
    between = _BETWEEN_BEFORE.search(text, max(0, start - 9), start)

    if not currency and (fraction := _one_in_n(text, core)) is not None:
        start, qualifier = _qualifier_before(text, start)
        return _span(text, start, fraction[0], "fraction", fraction[1], qualifier=qualifier)
    change = _FROM_BEFORE.search(text, max(0, start - 6), start)  # "from 60 to 65": a change, not a range
    if _unit_match(text, end, core, currency) is None and not change:
        sep = (_AND_AT if between else _RANGE_SEP_AT).match(text, end)
        if sep:
            second = _second_core(text, sep.end(), core, currency, mixed=between is not None)
            if second is not None:
                hyphen = "-" in sep.group() or "–" in sep.group()
                low, high = first, second.value
                if second.scaled and not core.scaled:  # "$5-10 million": the scale is shared
                    low = first * (second.value / (_decimal(second.written) or 1))
                if (
                    not between
                    and hyphen
                    and len(core.written) == 4
                    and len(second.written) == 2
                    and core.written.isdigit()
                    and second.written.isdigit()
                ):
                    high = Decimal((int(core.written) // 100) * 100 + int(second.written))
                pair = (
                    hyphen
                    and not currency
                    and not between
                    and not core.words
                    and not second.words
                    and core.written.isdigit()
                    and second.written.isdigit()
                    and len(core.written) <= 3
                    and len(second.written) <= 3
                )
                if pair and not _RANGE_TAIL_AT.match(text, second.end):
                    # "6-3", "396-9", "6-7": a bare pair of small numbers is a result or tally; it is a range
                    # only with a unit or percent after it ("80-100 miles", "30-40%")
                    score = f"{core.written}-{second.written}"
                    end = second.end
                elif high > low:
                    low_high = (low, high)
                    end = second.end
    if score:
        if end < len(text) and (text[end].isalnum() or text[end] in "/"):
            return None
        if text[end : end + 1] in ("-", "‐", "–") and text[end + 1 : end + 2].isdigit():
            return None  # "9-9-9", "555-123-4567": a slogan or a phone number, not a score
        return _span(text, start, end, "score", score)

    if (pm := _PERCENT_AT.match(text, end)) is not None:
        unit = "percentage point" if pm["pp"] else "percent"
        kind = "percent"
        end = pm.end()
    elif not currency and (cm := _CURRENCY_WORD_AT.match(text, end)) is not None:
        currency = _CURRENCY_WORDS[re.sub(r"\s+", " ", cm["cw"].lower())]
        end = cm.end()
    elif (um := _unit_match(text, end, core, currency)) is not None:
        unit = _UNIT_WORDS[re.sub(r"\s+", " ", um["unit"].lower())] if um["unit"] else _UNIT_ABBREVIATIONS[um["abbr"]]
        kind = "quantity"
        end = um.end()
    if currency:
        unit, kind = currency, "money"
        if currency in ("cent", "penny") and core.scaled:
            return None
    if _glued(text, end):
        return None
    if low_high is None and between:
        between = None
    if (mag := _MAGNITUDE_BEFORE.search(text, max(0, start - 10), start)) and kind is None and not core.words:
        start, unit, kind = mag.start(), "magnitude", "quantity"
    if between is not None and low_high is not None:
        start = between.start()
        qualifier = None
    else:
        start, qualifier = _qualifier_before(text, start)
    if low_high is not None:
        low = _number(low_high[0])
        if text.startswith(("minus", "Minus", "−"), number_start):
            low = -low  # "minus 5 to 10 degrees"
        value: int | float | str = f"{format_value(low)}..{format_value(_number(low_high[1]))}"
        return _span(text, start, end, "range", value, unit=unit, qualifier=qualifier)
    number = _number(first)
    if text.startswith(("minus", "Minus", "−"), number_start):
        number = -number
    if kind is None:
        if not core.words and not _figure_allowed_after_name(text, number_start, core, end):
            return None
        kind = _plain_kind(text, start, core, end)
        if kind == "year" and qualifier in {"more than", "fewer than", "less than", "at least", "up to", "as many as"}:
            kind = "count"
    return _span(text, start, end, kind, number, unit=unit, qualifier=qualifier)


def _unit_match(text: str, end: int, core: _Core, currency: str | None) -> re.Match[str] | None:
    """The unit after a number; abbreviations only after digits, and a lone "m" only glued ("100m")."""
    m = _UNIT_AT.match(text, end)
    if m is None or m["unit"]:
        return m
    if core.words or currency or (m["abbr"] == "m" and m["sp"]):
        return None
    return m


def _glued(text: str, end: int) -> bool:
    """True when the figure runs on into a word, a "N/N" code or a "N:N" ratio, so it was not a figure at all."""
    if end >= len(text):
        return False
    return text[end].isalnum() or (text[end] in "/:" and end + 1 < len(text) and text[end + 1].isdigit())


def _one_in_n(text: str, core: _Core) -> tuple[int, float] | None:
    """ "one in five", "1 in 4": (end, value) of a proportion written as N in M."""
    m = _IN_AT.match(text, core.end)
    if not m or core.scaled:
        return None
    p = m.end()
    second = _words_core(text, p) if not text[p : p + 1].isdigit() else _digits_core(text, p, None)
    if second is None or second.words != core.words or second.scaled:
        return None
    if not (0 < core.value < second.value <= 1000) or _glued(text, second.end):
        return None
    return second.end, round(float(core.value / second.value), 4)


def _second_core(text: str, p: int, first: _Core, currency: str | None, *, mixed: bool = False) -> _Core | None:
    """The other end of a range; words and digits mix only after "between" ("between five and 12")."""
    if p >= len(text):
        return None
    if text[p] in _CURRENCY_SYMBOLS:
        p += 1
    if text[p : p + 1].isdigit():
        if first.words and not mixed:
            return None
        second = _digits_core(text, p, currency)
        if second is None or (second.end < len(text) and text[second.end] in "/:"):
            return None
        return second
    if first.words:
        return _words_core(text, p)
    return None


def _plain_kind(text: str, start: int, core: _Core, end: int) -> str:
    """count / decimal / number_word / year for a number with no unit."""
    if core.words:
        return "number_word"
    if core.value != core.value.to_integral_value():
        return "decimal"
    written = core.written
    if written.isdigit() and len(written) == 4 and 1500 <= int(written) <= 2099 and not core.scaled:
        if _YEAR_CONTEXT_BEFORE.search(text, max(0, start - 10), start):
            return "year"
        after = _PLURAL_NOUN_AFTER.match(text, end)
        if after and after.group().strip() not in _NOT_PLURAL:
            return "count"
        return "year"
    return "count"


def _figure_allowed_after_name(text: str, start: int, core: _Core, end: int) -> bool:
    """False for "Article 50", "Boeing 747", "Flight 370", and for street addresses."""
    if _ADDRESS_AFTER.match(text, end):
        return False
    m = _CAPITALISED_WORD_BEFORE.search(text, max(0, start - 30), start)
    if not m:
        return True
    word = m["w"]
    if word.endswith(".") and word[:-1] not in {"No", "Nos", "Art", "Vol", "Ch", "Fig"}:
        return True  # the word ends the previous sentence
    word = word.rstrip(".")
    if word.endswith(("’s", "'s", "s’", "s'")) or word in _WEEKDAYS or word.lower() in MONTHS:
        return True
    if word.lower() in QUALIFIERS or word.lower() in {"in", "on", "at", "by", "since", "from", "and", "the", "of"}:
        return True
    return _at_sentence_start(text, m.start())


def _qualifier_before(text: str, start: int) -> tuple[int, str | None]:
    m = _QUALIFIER_BEFORE.search(text, max(0, start - 20), start)
    if not m:
        return start, None
    if m["q"].lower() in ("past", "over", "under", "some") and _DETERMINER_BEFORE.search(
        text, max(0, m.start() - 8), m.start()
    ):
        return start, None  # "the past 10 years", "the over 50s": not a qualifier
    return m.start(), re.sub(r"\s+", " ", m["q"].lower())


def _decimal(written: str) -> Decimal | None:
    digits = written.replace(",", "")
    try:
        return Decimal(digits)
    except ArithmeticError:
        return None


def _number(value: Decimal) -> int | float:
    if value == value.to_integral_value():
        return int(value)
    return float(round(value, 6))


def _span(
    text: str,
    start: int,
    end: int,
    kind: str,
    value: int | float | str | None,
    *,
    unit: str | None = None,
    qualifier: str | None = None,
) -> Span:
    return Span(
        kind="figure",
        start=start,
        end=end,
        text=text[start:end],
        figure_kind=kind,
        value=value,
        unit=unit,
        qualifier=qualifier,
    )


_ISO_DATE = lazy_compile(r"^(\d{4})-(\d{2})-(\d{2})")
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_MONTH = r"([A-Za-z]{3,9})\.?"
_MDY = lazy_compile(rf"^{_MONTH}\s+{_DAY},?\s+(\d{{4}})\b")
_DMY = lazy_compile(rf"^{_DAY}\s+{_MONTH},?\s+(\d{{4}})\b")
_WEEKDAY = lazy_compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)


def parse_date(text: str) -> str | None:
    """Parse the start of ``text`` as a calendar date and return it as ISO ``YYYY-MM-DD``, or None.

    Understands ISO (2020-08-18, also with a time), "Aug 18, 2020", "August 18th 2020", "18 August 2020",
    an optional leading weekday, and RFC 2822 ("Tue, 18 Aug 2020 10:00:00 GMT").
    """
    text = _WEEKDAY.sub("", text.strip())
    if m := _ISO_DATE.match(text):
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    if m := _MDY.match(text):
        month = MONTHS.get(m[1].lower())
        return _iso(int(m[3]), month, int(m[2])) if month else None
    if m := _DMY.match(text):
        month = MONTHS.get(m[2].lower())
        return _iso(int(m[3]), month, int(m[1])) if month else None
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None

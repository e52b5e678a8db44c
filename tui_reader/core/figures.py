"""The one normaliser for figures: numbers, percentages, number words, months and dates.

Search ("5,500" finds "5500"), annotation (figure spans with a value) and compare (same value on both sides)
agree because all three call the functions here. Nothing else in the project parses a number.
"""

from __future__ import annotations

import re
from datetime import date

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


_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_MONTH = r"([A-Za-z]{3,9})\.?"
_MDY = re.compile(rf"^{_MONTH}\s+{_DAY},?\s+(\d{{4}})\b")
_DMY = re.compile(rf"^{_DAY}\s+{_MONTH},?\s+(\d{{4}})\b")
_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)


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

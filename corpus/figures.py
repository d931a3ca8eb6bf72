"""Figures: numbers with what they count (money, percentages, quantities, multiples, ranks).

Rules over the text rather than spaCy's entity labels: the small English model calls
"658 million metric tons" and "250 billion barrels" MONEY, and splits "$550 billion" from the
word that says what it buys. Every figure gets a `label` and, where it parses, a normalised
`value` and `unit` ("658 million metric tons" -> 658000000, "metric ton"). Dates, times and
bare years are entities, never figures: a figure needs a unit, a currency, a percent sign or a
rank context.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

# The word tables below keep several entries a line (`fmt: skip`): one entry a line, as the
# formatter would have it, turns each into a column of forty lines that no one reads as a set.
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a": 1, "half a": 0.5, "a dozen": 12, "dozen": 12,
}  # fmt: skip
_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
    "trln": 1e12,
}  # fmt: skip
_CURRENCIES = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
    "₽": "RUB", "rub": "RUB", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB",
    "¥": "JPY", "yen": "JPY", "yuan": "CNY", "cny": "CNY", "renminbi": "CNY",
    "hryvnia": "UAH", "hryvnias": "UAH", "uah": "UAH",
}  # fmt: skip
# Units by their canonical singular; the pattern accepts plurals and the listed variants.
_UNITS = {
    "metric ton": r"metric tons?|metric tonnes?",
    "ton": r"tons?|tonnes?|t",
    "barrel of oil equivalent": r"barrels? of oil equivalent|boe",
    "barrel": r"barrels?|bbl",
    "cubic meter": r"cubic (?:meters?|metres?)|m3|m³",
    "billion cubic meters": r"bcm",
    "kilogram": r"kilograms?|kg",
    "gram": r"grams?",
    "ounce": r"(?:troy )?ounces?|oz",
    "kilometer": r"kilometers?|kilometres?|km",
    "mile": r"miles?",
    "meter": r"meters?|metres?",
    "square kilometer": r"square (?:kilometers?|kilometres?)|sq km|km2|km²",
    "hectare": r"hectares?|ha",
    "acre": r"acres?",
    "megawatt": r"megawatts?|MW",
    "gigawatt": r"gigawatts?|GW",
    "kilowatt-hour": r"kilowatt-hours?|kWh",
    "terawatt-hour": r"terawatt-hours?|TWh",
    "liter": r"liters?|litres?",
    "gallon": r"gallons?",
}
_UNIT_LOOKUP = [(name, re.compile(rf"^(?:{alts})$", re.I)) for name, alts in _UNITS.items()]

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD_NUM = r"half a|a dozen|dozen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|hundred"  # noqa: E501
_SCALE = r"thousand|million|billion|trillion|mln|bln|trln|mn|bn|tn"
_CURRENCY_SYMBOL = r"US\$|\$|€|£|¥|₽"
_CURRENCY_WORD = r"dollars?|euros?|pounds(?: sterling)?|rubles?|roubles?|yen|yuan|hryvnias?|USD|EUR|GBP|RUB|CNY|UAH"  # noqa: E501
_UNIT = "|".join(alts for alts in _UNITS.values())

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (  # $550 billion, €2.5bn, US$10
        "MONEY",
        re.compile(
            rf"(?P<cur>{_CURRENCY_SYMBOL})\s?(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE})\b|(?P<sscale>[kmb]n?)\b)?"
        ),
    ),
    (  # 50 billion rubles, 2.5 million dollars, 300 USD
        "MONEY",
        re.compile(
            rf"\b(?P<num>{_NUM}|{_WORD_NUM})(?:[\s-](?P<scale>{_SCALE}))?\s(?P<cur>{_CURRENCY_WORD})\b",
            re.I,
        ),
    ),
    (  # billions of dollars, tens of millions of euros
        "MONEY",
        re.compile(
            r"\b(?P<vague>(?:tens of |hundreds of )?(?:thousands|millions|billions|trillions))"
            rf" of (?P<cur>{_CURRENCY_WORD})\b",
            re.I,
        ),
    ),
    (  # 15%, 34.4 percent, 2 percentage points
        "PERCENT",
        re.compile(
            rf"\b(?P<num>{_NUM}|{_WORD_NUM})\s?"
            r"(?P<pct>%|percent\b|per cent\b|percentage points?\b|pp\b)",
            re.I,
        ),
    ),
    (  # 658 million metric tons, 45 thousand tons, 8,000 tons, 250 billion barrels of oil eq.
        "QUANTITY",
        re.compile(
            rf"\b(?P<num>{_NUM}|{_WORD_NUM})(?:[\s-](?P<scale>{_SCALE}))?[\s-](?P<unit>{_UNIT})\b",
            re.I,
        ),
    ),
    (  # threefold, 3-fold, three times more
        "MULTIPLE",
        re.compile(
            rf"\b(?:(?P<fold>{_WORD_NUM}|\d+(?:\.\d+)?)[- ]?fold"
            rf"|(?P<times>{_WORD_NUM}|\d+(?:\.\d+)?) times(?= (?:more|less|higher|lower|larger"
            r"|bigger|smaller|greater|faster|as|the|over)))",
            re.I,
        ),
    ),
]

# Packed like the word tables at the top, for the same reason.
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20,
}  # fmt: skip
_ORDINAL = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|twentieth|\d+(?:st|nd|rd|th)"  # noqa: E501
# A rank is an ordinal placing something: "ranks Russia fifth", "fifth-largest", "third in
# the world". "The third anniversary" and "the first meeting" are not figures.
_RANK = re.compile(
    rf"\b(?:rank(?:s|ed|ing)?\s+(?:\w+\s+){{0,3}}?(?P<a>{_ORDINAL})\b"
    rf"|(?P<b>{_ORDINAL})[- ](?:largest|biggest|smallest|highest|lowest|richest|poorest|most"
    r"|place\b|position\b)"
    rf"|(?P<c>{_ORDINAL})\s+(?:globally|worldwide|in the world|in europe|in asia|in the country))",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with what it counts, at `[start, end)` of the article's text.

    `label` is MONEY, PERCENT, QUANTITY, MULTIPLE or RANK; `value` and `unit` are normalised
    ("658 million metric tons": 658000000, "metric ton") and None where they do not parse.
    """

    start: int
    end: int
    label: str
    text: str
    value: float | int | None
    unit: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "value": self.value,
            "unit": self.unit,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Figure:
        """The inverse of `to_dict`; raises KeyError, TypeError or ValueError on bad data."""
        label, text, value, unit = data["label"], data["text"], data["value"], data["unit"]
        if not isinstance(label, str) or not isinstance(text, str):
            raise TypeError("a figure's label and text are strings")
        # Checked, not coerced: 15 and 15.0 are different output in the JSONL.
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise TypeError("a figure's value is a number or null")
        if unit is not None and not isinstance(unit, str):
            raise TypeError("a figure's unit is a string or null")
        return cls(int(data["start"]), int(data["end"]), label, text, value, unit)


def find_figures(
    text: str, skip: Callable[[int, int], bool] | None = None, offset: int = 0
) -> list[Figure]:
    """Figures in `text`, offsets shifted by `offset`; spans for which `skip` is true are left
    out (the analysis passes boilerplate there). Overlaps keep the longest match."""
    found: list[Figure] = []
    for label, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            figure = _figure(label, match, offset)
            if figure is not None:
                found.append(figure)
    found.extend(_ranks(text, offset))
    chosen: list[Figure] = []
    for figure in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if chosen and figure.start < chosen[-1].end:
            continue
        if skip is not None and skip(figure.start, figure.end):
            continue
        chosen.append(figure)
    return chosen


def _number(raw: str) -> float | None:
    raw = raw.strip().lower()
    if raw in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[raw])
    if raw == "a hundred":
        return 100.0
    try:
        return float(raw.replace(",", ""))
    except ValueError:
        return None


def _tidy(value: float | None) -> float | int | None:
    if value is None:
        return None
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded


def _figure(label: str, match: re.Match[str], offset: int) -> Figure | None:
    groups = {k: v for k, v in match.groupdict().items() if v}
    start, end = match.span()
    value: float | None = None
    unit: str | None = None
    if "num" in groups:
        value = _number(groups["num"])
    scale = groups.get("scale") or groups.get("sscale")
    if value is not None and scale:
        value *= _SCALES.get(scale.lower(), 1.0)
    if label == "MONEY":
        if "vague" in groups:
            value = None
        unit = _CURRENCIES.get(groups["cur"].lower().split()[0], groups["cur"].upper())
    elif label == "PERCENT":
        sign = groups["pct"].lower()
        unit = "percentage point" if "point" in sign or sign == "pp" else "percent"
    elif label == "QUANTITY":
        raw_unit = groups["unit"]
        if raw_unit == "t" and not scale:
            return None  # "5 t" is too ambiguous without a scale word
        unit = next((c for c, p in _UNIT_LOOKUP if p.match(raw_unit)), raw_unit.lower())
    elif label == "MULTIPLE":
        value = _number(groups.get("fold") or groups.get("times") or "")
        unit = "times"
    return Figure(start + offset, end + offset, label, match.group(), _tidy(value), unit)


def _ranks(text: str, offset: int) -> Iterator[Figure]:
    for match in _RANK.finditer(text):
        name = next(g for g in ("a", "b", "c") if match.group(g))
        start, end = match.span(name)
        word = match.group(name).lower()
        value = _ORDINALS.get(word) or int(re.sub(r"\D", "", word) or 0) or None
        yield Figure(start + offset, end + offset, "RANK", match.group(name), value, "rank")


_CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_CURRENCY_NAMES = {
    "RUB": ("ruble", "rubles"),
    "CNY": ("yuan", "yuan"),
    "UAH": ("hryvnia", "hryvnias"),
}
_UNCOUNTED = frozenset({"times", "billion cubic meters"})


def written(value: float | None, unit: str | None) -> str | None:
    """A figure's normalised value as people write it: "2,000,000 tons", "15%", "$550,000,000",
    "5th", "3 times" (not "2e+06 ton"); None without a value."""
    if value is None:
        return None
    number = _written_number(value)
    if unit is None:
        return number
    if unit == "percent":
        return f"{number}%"
    if unit == "rank":
        return _ordinal(int(value)) if float(value).is_integer() else number
    if unit in _CURRENCY_SIGNS:
        return f"{_CURRENCY_SIGNS[unit]}{number}"
    if unit in _CURRENCY_NAMES:
        return f"{number} {_CURRENCY_NAMES[unit][value != 1]}"
    if unit.isupper():  # any other currency code: "50,000 CNY"
        return f"{number} {unit}"
    if value == 1 or unit in _UNCOUNTED:
        return f"{number} {unit}"
    head, of, tail = unit.partition(" of ")  # "barrel of oil equivalent": the head noun
    return f"{number} {head}{'es' if head.endswith(('s', 'x', 'ch', 'sh')) else 's'}{of}{tail}"


def says_more(text: str, value: float | None) -> bool:
    """Whether the normalised value tells a reader more than the figure's own words: "2
    million tons" (yes), "8,000 tons" or "15 percent" (no: the number is written out)."""
    if value is None:
        return False
    digits = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    number = re.escape(_written_number(value).replace(",", ""))
    return re.search(rf"(?<![\d.]){number}(?![\d])", digits) is None


def _written_number(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"

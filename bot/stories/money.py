"""Amounts of money and coins in English, Korean and Japanese text, as (currency, value) to compare.

"$1.5 billion", "US$1.5bn", "1.5 billion dollars", "15억 달러", "15億ドル" are all ("USD", 1.5e9); "445억 원" is
("KRW", 4.45e10); "401,000 ETH" and "40만 이더리움" are ETH. Reports round differently ($1.46 billion, about $1.5
billion), so two amounts agree within TOLERANCE. Currencies are never converted: a won figure and a dollar figure of
one theft do not meet (exchange rates move; a coincidence would be worse than a miss). A number without a currency
counts only in Korean and Japanese text with a big unit (억, 億: "1000억 해킹" is won, "482億円" yen).
"""

from __future__ import annotations

import re

TOLERANCE = 0.06
MINIMUM = {"USD": 1e5, "KRW": 1e8, "JPY": 1e7}  # below these a figure is a ransom note or a fee, not an event
SCAN = 3000

_CURRENCY = [
    ("USD", r"(?:US\$|\$|USD|dollars?|달러|ドル|美元)"),
    ("KRW", r"(?:₩|KRW|won|원)"),
    ("JPY", r"(?:¥|円|yen|JPY|엔)"),
    ("ETH", r"(?:ETH|ether|ethereum|이더리움|이더|イーサリアム)"),
    ("BTC", r"(?:BTC|bitcoins?|비트코인|ビットコイン)"),
    ("SOL", r"(?:SOL|솔라나)"),
    ("USDT", r"(?:USDT|tether|테더)"),
]
_UNIT = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
         "trillion": 1e12, "천": 1e3, "만": 1e4, "억": 1e8, "조": 1e12, "千": 1e3, "万": 1e4, "億": 1e8, "兆": 1e12,
         "백만": 1e6, "천만": 1e7}  # fmt: skip
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_EN_UNIT = r"(?:thousand|million|billion|trillion|bn|mn|[mbk])\b"
_CJK_PART = rf"(?:{_NUM})\s?(?:천만|백만|[천만억조千万億兆])"
_CJK_AMOUNT = rf"(?:{_CJK_PART}\s?)+(?:{_NUM})?"
_CUR_ALT = "|".join(f"(?P<{code}>{pattern})" for code, pattern in _CURRENCY)
_PREFIXED = re.compile(rf"(?:US\$|\$|USD\s?)\s?(?P<num>{_NUM})\s?(?P<unit>{_EN_UNIT})?", re.IGNORECASE)
_SUFFIXED = re.compile(
    rf"(?P<num>{_CJK_AMOUNT}|(?:{_NUM})\s?(?:{_EN_UNIT})?)\s?(?:개의?\s?)?(?:{_CUR_ALT})(?![A-Za-z])", re.IGNORECASE
)
_BARE_CJK = re.compile(rf"(?P<num>{_CJK_AMOUNT})(?:\s?(?P<cur>원|円|엔))?")


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def cjk_value(text: str) -> float | None:
    """1조 5000억 -> 1.5e12, 40만 1000 -> 401000, 3億5000万 -> 3.5e8."""
    total = 0.0
    for num, unit in re.findall(rf"({_NUM})\s?(천만|백만|[천만억조千万億兆])", text):
        total += _number(num) * _UNIT[unit]
    rest = re.sub(rf"({_NUM})\s?(천만|백만|[천만억조千万億兆])", " ", text).strip()
    if rest and re.fullmatch(_NUM, rest):
        total += _number(rest)
    return total or None


def _value(num: str, unit: str | None) -> float | None:
    if re.search(r"[천만억조千万億兆]", num):
        return cjk_value(num)
    match = re.match(rf"({_NUM})\s?({_EN_UNIT})?", num.strip(), re.IGNORECASE)
    if not match:
        return None
    scale = (unit or match.group(2) or "").lower()
    return _number(match.group(1)) * _UNIT.get(scale, 1.0)


def amounts(text: str, language: str = "en") -> frozenset[tuple[str, float]]:
    """(currency, value) of every amount in the first SCAN characters, small figures left out."""
    head = text[:SCAN]
    out: set[tuple[str, float]] = set()
    for match in _PREFIXED.finditer(head):
        value = _value(match.group("num"), match.group("unit"))
        if value:
            out.add(("USD", value))
    taken = [m.span() for m in _PREFIXED.finditer(head)]
    for match in _SUFFIXED.finditer(head):
        if any(a <= match.start() < b for a, b in taken):
            continue
        code = next(code for code, _ in _CURRENCY if match.group(code))
        value = _value(match.group("num"), None)
        if value:
            out.add((code, value))
        taken.append(match.span())
    if language in ("ko", "ja"):
        for match in _BARE_CJK.finditer(head):
            if any(a <= match.start() < b for a, b in taken):
                continue
            value = cjk_value(match.group("num"))
            if value and value >= 1e8:
                out.add(("JPY" if (match.group("cur") in ("円", "엔") or language == "ja") else "KRW", value))
    return frozenset((c, v) for c, v in out if v >= MINIMUM.get(c, 0))


def shared(a: frozenset[tuple[str, float]], b: frozenset[tuple[str, float]]) -> tuple[str, float] | None:
    """An amount both texts give (same currency, values within TOLERANCE), the larger first."""
    for code, value in sorted(a, key=lambda x: -x[1]):
        for other_code, other in b:
            if code == other_code and abs(value - other) <= TOLERANCE * max(value, other):
                return code, value
    return None


def significant(value: float) -> int:
    """Significant digits of a figure: 1.46 billion has 3, 100 million 1 (a round figure says less)."""
    return len(f"{value:.6g}".split("e")[0].replace(".", "").strip("0"))


def show(amount: tuple[str, float]) -> str:
    code, value = amount
    for unit, scale in (("billion", 1e9), ("million", 1e6)):
        if value >= scale:
            return f"{value / scale:.4g} {unit} {code}"
    return f"{value:,.0f} {code}"

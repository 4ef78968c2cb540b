""" "North" alone as the DPRK, the way English-language Korean press writes it ("U.S., S. Korea suspect North in
cyber-attack", "Seoul says the North hacked its navy").

Rules:
- "North", capitalised, standing alone counts as a DPRK signal only in a text that also names South Korea (South
  Korea, S. Korea, Seoul, ROK): that pairing is what makes the bare word mean the other Korea; or as the first word
  of the text before a culprit's verb ("North suspected in nuke hacking", "North hacked 90 email accounts").
- In a text that names South Korea, "its neighbor to the north" and "its northern neighbour" are the DPRK too.
- Not before a capitalised word, a digit or a hyphen ("North America", "North Carolina", "North Face",
  "North-East"), nor in "North and South" (both Koreas, or compass points), "North of ...", "Northern", and never
  lower case ("the north of the country").
- The hit is added to the Context like the other DPRK signals, so every rule that reads DPRK signals sees it.
"""

from __future__ import annotations

import re

from bot.tagging.read.context import Context
from bot.tagging.read.nlp import Hit

_SOUTH = re.compile(r"\b(?:South Korean?s?|S\. ?Korean?|Seoul|ROK)\b")
_NORTH = re.compile(
    r"\bNorth\b(?![-‐]|\s+[A-Z0-9]|\s+(?:and|&|or)\s+South\b|\s+of\b|ern\b)"
    r"|\b(?:its|their|the country's|Seoul's|South Korea's)\s+(?:neighbou?r\s+to\s+the\s+north|northern\s+neighbou?r)\b"
)


# "North suspected in nuke hacking", "North hacked 90 email accounts": a headline that opens with the bare North as
# the culprit (English-language Korean press)
_HEADLINE_NORTH = re.compile(
    r"\s*North\s+(?:suspected|blamed|accused|denies|denied|behind|hacked|hacks|hacking|hackers|stole|steals|targets|"
    r"targeted)\b"
)


def may_name_the_north(text: str) -> bool:
    """Whether `text` can hold a bare "North" meaning the DPRK (prescreen.py asks this first)."""
    if "North" not in text and not ("neighbo" in text and "north" in text):
        return False  # the bare North, or "its neighbor to the north" / "northern neighbour"
    return bool(_SOUTH.search(text)) or bool(_HEADLINE_NORTH.match(text))


def add_the_north(ctx: Context) -> None:
    """Add a DPRK Hit for each bare "North" in a text that names South Korea."""
    if not may_name_the_north(ctx.text):
        return
    taken = [(h.start, h.end) for h in ctx.hits("dprk")]
    added = []
    south = bool(_SOUTH.search(ctx.text))
    for m in _NORTH.finditer(ctx.text):
        if not south and not (m.start() == ctx.text.find("North") and _HEADLINE_NORTH.match(ctx.text)):
            continue  # without South Korea named, only the headline's opening North
        if any(a <= m.start() < b for a, b in taken):
            continue  # inside "North Korea", "North Korean"
        span = ctx.doc.char_span(m.start(), m.end())
        tok = span.start if span is not None else -1
        added.append(Hit("dprk", "north", m.start(), m.end(), m.group(), tok, tok + 1 if tok >= 0 else -1))
    if added:
        ctx.by_kind["dprk"] = sorted([*ctx.hits("dprk"), *added], key=lambda h: (h.start, -h.end))

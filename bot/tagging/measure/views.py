"""What a feed item may carry of a labelled text: the whole text, the headline with a two-line summary, or the
headline alone; and what `fulltext: auto` makes of the two short ones. `advisory-bot eval` scores the tagger on
each view of the same records.

Rules: "lead" is the title plus the first LEAD_CHARS characters of the text (a feed summary); "headline" is the
title alone, and records without a title are left out of it. A partial view keeps the record's verdict labels
(dprk_cyber, dprk_related: a feed must alert on what it carries) and leaves actors, sectors and CVEs unscored,
since the cut may drop the sentence that names them. "lead+page" and "headline+page" are those views where the
tagger is undecided on what the view carries (undecided.page_may_decide): there the whole text is read, as
`fulltext: auto` reads the article page (bot.tagging.measure.evaluate does the two steps; the scored labels stay the
partial view's).
"""

from __future__ import annotations

VIEWS = ("whole", "lead", "headline", "lead+page", "headline+page")
PAGE = "+page"  # the suffix of a view whose undecided records are read whole
LEAD_CHARS = 280
PARTIAL_SCORED = ("dprk_cyber", "dprk_related")
DESCRIPTIONS = {
    "whole": "title + text",
    "lead": f"title + first {LEAD_CHARS} characters of the text",
    "headline": "title alone",
    "lead+page": f"title + first {LEAD_CHARS} characters, the whole text where those leave the tagger undecided",
    "headline+page": "title alone, the whole text where it leaves the tagger undecided",
}


def view_of(record: dict, view: str) -> dict | None:
    """The record as the view shows it, or None when the view has nothing of it (no title for "headline")."""
    if view == "whole":
        return record
    view = view.removesuffix(PAGE)
    title, text = record.get("title") or "", record.get("text") or ""
    if view == "headline" and not title.strip():
        return None
    cut = text[:LEAD_CHARS] if view == "lead" else ""
    unscored = set(record.get("unscored", ())) | (set(record.get("labels", {})) - set(PARTIAL_SCORED))
    return {**record, "title": title, "text": cut, "unscored": sorted(unscored)}


def check_view(view: str) -> None:
    """ValueError for a view that is none of VIEWS."""
    if view not in VIEWS:
        raise ValueError(f"view must be one of {', '.join(VIEWS)}, not {view!r}")


def records_in_view(records: list[dict], view: str) -> list[dict]:
    """Every record the view shows, in order."""
    check_view(view)
    return [v for v in (view_of(r, view) for r in records) if v is not None]

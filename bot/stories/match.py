"""The archived report a new item is the same story as, by each rule in turn (bot.stories.rules): its advisory id,
a link to it, a near copy of its text, the same event, the same meaning. Each finder asks storage.stories and
storage.vectors for its candidates and decides among them; the first rule that finds one wins (bot.stories.assign).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from collections.abc import Callable
from datetime import datetime

import numpy as np

from bot.records import TaggedItem
from bot.stories import meaning, rules
from storage import signatures, stories, vectors

_URL = re.compile(r"https?://[^\s<>\"')\]]+", re.IGNORECASE)
EVENT_CANDIDATES = 200
NO_ACTOR = rules.UNNAMED
ADVISORY_WINDOW = meaning.LONG_WINDOW
CITED_IDS = 3  # an item naming more advisory ids than this (a roundup) is about none of them in particular
BUCKET_LIMIT = 50  # a band hash shared by more items than this is boilerplate, not a near-copy signal


def when(item, now: str) -> datetime:
    """The date an item is compared by: published, else now (when it is first seen)."""
    return item.published or datetime.fromisoformat(now)


def profile(tagged: TaggedItem, now: str, family: Callable[[str], str]) -> rules.Profile:
    item, tags = tagged.item, tagged.tags
    families = frozenset(family(a) for a in tags.actors) or frozenset({NO_ACTOR})
    actor_words = frozenset(w.lower() for a in tags.actors for w in a.split())
    return rules.Profile(
        item.id,
        tags.dprk_cyber,
        families,
        frozenset(tags.cves),
        frozenset(tags.wallets),
        frozenset(tags.malware),
        rules.title_words(item.title, actor_words),
        rules.title_names(item.title, actor_words),
        when(item, now),
        rules.text_names(f"{item.title}. {item.text}"),
        rules.amounts(f"{item.title}. {item.text}"),
        rules.iocs(item.text),
    )


def own_advisories(title: str, url: str, advisories) -> list[str]:
    """The advisory ids an item is itself: named in its title or its URL (not merely cited in its text)."""
    where = f"{title} {url}".upper()
    return [a for a in advisories if a.upper() in where]


def by_advisory(conn, item, advisories, now: str) -> rules.Match | None:
    """An archived item whose own id (title or URL) this item names, or that names this item's own id among a
    few, within ADVISORY_WINDOW: a roundup citing dozens of ids neither captures later advisories nor joins them."""
    own = own_advisories(item.title, item.url, advisories)
    wanted = own or (list(advisories) if len(advisories) <= CITED_IDS else [])
    if not wanted:
        return None
    at = when(item, now)
    since, until = ((at - ADVISORY_WINDOW).isoformat(timespec="seconds"), (at + ADVISORY_WINDOW).isoformat())
    for other, value, title, url, cited in stories.advisory_candidates(conn, wanted, item.id, since, until):
        # the archived item is that advisory, or this item is and the archived one is about it (not a roundup)
        if own_advisories(title, url, [value]) or (value in own and len(json.loads(cited)) <= CITED_IDS):
            return rules.Match(other, "advisory", 1.0, f"advisory {value}")
    return None


def by_meaning(conn, tagged: TaggedItem, clues: meaning.Clues, now: str) -> list[rules.Match]:
    """Every archived report close enough in meaning that the evidence allows (bot.stories.meaning), the best
    margin first (the story to join); the others may bridge two stories (bot.stories.assign merges them)."""
    at = when(tagged.item, now)

    def iso(delta):
        return (at + delta).isoformat(timespec="seconds")

    short = (iso(-meaning.WINDOW), iso(meaning.WINDOW))
    found = vectors.window(conn, tagged.model, *short, exclude=tagged.item.id)
    reach = meaning.long_reach(clues)  # reports past 72 h join only on strong evidence: read those that could
    if reach is not False:
        far = (iso(-meaning.LONG_WINDOW), iso(meaning.LONG_WINDOW))
        found += vectors.window(conn, tagged.model, *far, exclude=tagged.item.id, outside=short, languages=reach)
    if not found.item_ids:
        return []
    similarity = found.matrix @ np.frombuffer(tagged.vector, dtype="<f4")
    passed = []
    lowest = min(meaning.CROSS_LANGUAGE, meaning.SAME_LANGUAGE) - meaning.SUPPORT  # no bar is lower than this
    for index in np.flatnonzero(similarity >= lowest):  # the evidence decides among these: best margin wins
        sim = float(similarity[index])
        other = meaning.Clues.from_json(vectors.clues_of(conn, found.item_ids[index]))
        verdict = meaning.decide(clues, other, sim, abs(at - datetime.fromisoformat(found.at[index])))
        if verdict:
            passed.append((verdict.margin, found.item_ids[index], sim, verdict.reason))
    passed.sort(key=lambda p: (-p[0], p[1]))  # ties: by id, so the choice never depends on storage order
    return [rules.Match(item_id, "meaning", round(sim, 3), reason) for _, item_id, sim, reason in passed]


def by_link(conn, item, dprk_cyber: bool, now: str) -> rules.Match | None:
    from extractors.identity import normalize_url

    urls = list(dict.fromkeys([*item.links, *(normalize_url(u) for u in _URL.findall(item.text)[:50])]))
    urls = [u for u in urls if u and u != item.url]
    if not urls:
        return None
    # a link is a primary source when both are DPRK reports (or both are not), or when the linked page is of the
    # same days (a victim's own statement); an older patch note or a DPRK advisory cited as background is not
    since = (when(item, now) - rules.WINDOW).isoformat(timespec="seconds")
    row = stories.linked_item(conn, urls, item.id, dprk_cyber, since)
    return rules.Match(row[0], "links-to", 1.0, f"links to {row[1]}") if row else None


def by_near_duplicate(conn, item_id: str, sig: bytes) -> rules.Match | None:
    votes: dict[str, int] = {}
    for band, value in signatures.band_hashes(sig):
        ids = stories.bucket(conn, band, value, BUCKET_LIMIT + 1)
        if len(ids) > BUCKET_LIMIT:
            continue  # templated text (the same boilerplate in thousands of items): bounded work, no signal
        for other in ids:
            if other != item_id:
                votes[other] = votes.get(other, 0) + 1
    best = None
    for other in sorted(votes, key=votes.get, reverse=True)[:20]:
        blob = stories.signature_of(conn, other)
        score = signatures.jaccard(sig, blob) if blob else 0.0
        if score >= rules.NEAR_DUPLICATE and (best is None or score > best.score):
            best = rules.Match(other, "near-duplicate", round(score, 3), f"text overlap {score:.0%}")
    return best


def by_event(conn, new: rules.Profile, members: Callable[[str], set[str]], now: str) -> rules.Match | None:
    if not new.dprk_cyber:
        return None
    since = (new.when - rules.WINDOW).isoformat(timespec="seconds")
    named = sorted({m for f in new.families if f != NO_ACTOR for m in members(f)})
    rows = stories.event_candidates(conn, new.item_id, since, named, EVENT_CANDIDATES)
    numbers = {re.sub(r"[mbk]$", "", a) for a in new.amounts}  # "1.5b" -> "1.5", to spot amounts cheaply
    for item_id, title, actors, cves, wallets, malware, published, first_seen in rows:
        actors, actor_words = _actors(actors)
        words = rules.title_words(title, actor_words)
        identifiers = (new.cves and cves != "[]") or (new.wallets and wallets != "[]") or new.iocs
        shared = words & new.title_words
        if not (shared or identifiers):
            continue  # nothing this candidate could share: skip the rest of the work
        old = rules.Profile(
            item_id,
            True,
            frozenset(_family_of(actors, new, members)) if actors else frozenset({NO_ACTOR}),
            _values(cves),
            _values(wallets),
            _values(malware),
            words,
            rules.title_names(title, actor_words),
            datetime.fromisoformat(published or first_seen),
        )
        if (numbers and shared) or new.iocs:  # the amount (with a shared title word) and indicator rules read text
            text = stories.item_text(conn, item_id)
            head = f"{title}. {text[: rules.TEXT_SCAN]}"
            if shared and any(n in head for n in numbers):
                old = dataclasses.replace(old, text_names=rules.text_names(head), amounts=rules.amounts(head))
            if new.iocs:
                old = dataclasses.replace(old, iocs=rules.iocs(text))
        match = rules.same_event(new, old)
        if match:
            return match
    return None


# An archived report is read again for every new report of its groups in the window: the same few JSON lists
# (actors, CVEs, wallets, families) come back thousands of times per cycle. Pure functions of the stored text.
@functools.lru_cache(maxsize=4096)
def _actors(stored: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """An archived item's actors (its JSON column) and their lower-case words."""
    actors = tuple(json.loads(stored))
    return actors, frozenset(w.lower() for a in actors for w in a.split())


@functools.lru_cache(maxsize=4096)
def _values(stored: str) -> frozenset[str]:
    """The values of an archived item's JSON list column."""
    return frozenset(json.loads(stored))


def _family_of(actors, new: rules.Profile, members) -> set[str]:
    """The families of an archived item's actors, as far as the new item's families reach."""
    return {f for f in new.families if f != NO_ACTOR and set(actors) & members(f)} or {"(other)"}

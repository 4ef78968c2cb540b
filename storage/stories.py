"""Stories in the archive: put each new item into a story (bot.stories decides), keep the counts, explain.

Runs inside the store transaction, so an item, its story membership and its alert are written together.
The near-duplicate index is in SQLite (MinHash signatures and LSH band hashes), so memory stays flat
however large the archive grows.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from datetime import datetime

import numpy as np

from bot.records import TaggedItem
from bot.stories import meaning, rules, signatures
from storage import vectors

_URL = re.compile(r"https?://[^\s<>\"')\]]+", re.IGNORECASE)
EVENT_CANDIDATES = 200
NO_ACTOR = rules.UNNAMED


def _when(item, now: str) -> datetime:
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
        _when(item, now),
        rules.text_names(f"{item.title}. {item.text}"),
        rules.amounts(f"{item.title}. {item.text}"),
        rules.iocs(item.text),
    )


ADVISORY_WINDOW = meaning.LONG_WINDOW
CITED_IDS = 3  # an item naming more advisory ids than this (a roundup) is about none of them in particular


def own_advisories(title: str, url: str, advisories) -> list[str]:
    """The advisory ids an item is itself: named in its title or its URL (not merely cited in its text)."""
    where = f"{title} {url}".upper()
    return [a for a in advisories if a.upper() in where]


def _by_advisory(conn, item, advisories, now: str) -> rules.Match | None:
    """An archived item whose own id (title or URL) this item names, or that names this item's own id among a
    few, within ADVISORY_WINDOW: a roundup citing dozens of ids neither captures later advisories nor joins them."""
    own = own_advisories(item.title, item.url, advisories)
    wanted = own or (list(advisories) if len(advisories) <= CITED_IDS else [])
    if not wanted:
        return None
    marks = ", ".join("?" * len(wanted))
    when = _when(item, now)
    since, until = ((when - ADVISORY_WINDOW).isoformat(timespec="seconds"), (when + ADVISORY_WINDOW).isoformat())
    rows = conn.execute(
        f"SELECT t.item_id, t.value, i.title, i.url, i.advisories FROM item_tags t JOIN items i ON i.id = t.item_id"
        f" WHERE t.kind = 'advisory' AND t.value IN ({marks}) AND t.item_id != ? AND i.story_id IS NOT NULL"
        f" AND coalesce(i.published, i.first_seen) BETWEEN ? AND ? ORDER BY i.first_seen LIMIT 50",
        [*wanted, item.id, since, until],
    ).fetchall()
    for other, value, title, url, cited in rows:
        # the archived item is that advisory, or this item is and the archived one is about it (not a roundup)
        if own_advisories(title, url, [value]) or (value in own and len(json.loads(cited)) <= CITED_IDS):
            return rules.Match(other, "advisory", 1.0, f"advisory {value}")
    return None


def _by_meaning(conn, tagged: TaggedItem, clues: meaning.Clues, now: str) -> rules.Match | None:
    """The archived report closest in meaning that the evidence allows (bot.stories.meaning), or None."""
    when = _when(tagged.item, now)

    def iso(delta):
        return (when + delta).isoformat(timespec="seconds")

    short = (iso(-meaning.WINDOW), iso(meaning.WINDOW))
    found = vectors.window(conn, tagged.model, *short, exclude=tagged.item.id)
    reach = meaning.long_reach(clues)  # reports past 72 h join only on strong evidence: read those that could
    if reach is not False:
        far = (iso(-meaning.LONG_WINDOW), iso(meaning.LONG_WINDOW))
        found += vectors.window(conn, tagged.model, *far, exclude=tagged.item.id, outside=short, languages=reach)
    if not found.item_ids:
        return None
    similarity = found.matrix @ np.frombuffer(tagged.vector, dtype="<f4")
    best = None
    lowest = min(meaning.CROSS_LANGUAGE, meaning.SAME_LANGUAGE) - meaning.SUPPORT  # no bar is lower than this
    for index in np.flatnonzero(similarity >= lowest):  # the evidence decides among these: best margin wins
        sim = float(similarity[index])
        other = meaning.Clues.from_json(vectors.clues_of(conn, found.item_ids[index]))
        verdict = meaning.decide(clues, other, sim, abs(when - datetime.fromisoformat(found.at[index])))
        if verdict and (best is None or verdict.margin > best[0].margin):
            best = (verdict, found.item_ids[index], sim)
    if best is None:
        return None
    verdict, item_id, sim = best
    return rules.Match(item_id, "meaning", round(sim, 3), verdict.reason)


def _by_link(conn, item, dprk_cyber: bool, now: str) -> rules.Match | None:
    from extractors.identity import normalize_url

    urls = list(dict.fromkeys([*item.links, *(normalize_url(u) for u in _URL.findall(item.text)[:50])]))
    urls = [u for u in urls if u and u != item.url]
    if not urls:
        return None
    marks = ", ".join("?" * len(urls))
    # a link is a primary source when both are DPRK reports (or both are not), or when the linked page is of the
    # same days (a victim's own statement); an older patch note or a DPRK advisory cited as background is not
    since = (_when(item, now) - rules.WINDOW).isoformat(timespec="seconds")
    row = conn.execute(
        f"SELECT id, url FROM items WHERE url IN ({marks}) AND url != '' AND id != ? AND story_id IS NOT NULL"
        f" AND (dprk_cyber = ? OR coalesce(published, first_seen) >= ?) ORDER BY first_seen LIMIT 1",
        [*urls, item.id, int(dprk_cyber), since],
    ).fetchone()
    return rules.Match(row[0], "links-to", 1.0, f"links to {row[1]}") if row else None


BUCKET_LIMIT = 50  # a band hash shared by more items than this is boilerplate, not a near-copy signal


def _by_near_duplicate(conn, item_id: str, sig: bytes) -> rules.Match | None:
    votes: dict[str, int] = {}
    for band, value in signatures.band_hashes(sig):
        rows = conn.execute(
            "SELECT item_id FROM item_bands WHERE band = ? AND hash = ? LIMIT ?", (band, value, BUCKET_LIMIT + 1)
        ).fetchall()
        if len(rows) > BUCKET_LIMIT:
            continue  # templated text (the same boilerplate in thousands of items): bounded work, no signal
        for (other,) in rows:
            if other != item_id:
                votes[other] = votes.get(other, 0) + 1
    best = None
    for other in sorted(votes, key=votes.get, reverse=True)[:20]:
        blob = conn.execute("SELECT minhash FROM item_signatures WHERE item_id = ?", (other,)).fetchone()
        score = signatures.jaccard(sig, blob[0]) if blob else 0.0
        if score >= signatures.NEAR_DUPLICATE and (best is None or score > best.score):
            best = rules.Match(other, "near-duplicate", round(score, 3), f"text overlap {score:.0%}")
    return best


def _by_event(conn, new: rules.Profile, members: Callable[[str], set[str]], now: str) -> rules.Match | None:
    if not new.dprk_cyber:
        return None
    since = (new.when - rules.WINDOW).isoformat(timespec="seconds")
    named = sorted({m for f in new.families if f != NO_ACTOR for m in members(f)})
    if named:
        marks = ", ".join("?" * len(named))
        # EXISTS per row of the time window (index on first_seen), not IN over every item of the actor;
        # an archived report that names no group may be about this event too
        where = (
            f"(i.actors = '[]' OR EXISTS (SELECT 1 FROM item_tags t WHERE t.item_id = i.id AND t.kind = 'actor'"
            f" AND t.value IN ({marks})))"
        )
    else:
        where, named = "1", []  # a report that names no group may be about any group's event
    rows = conn.execute(
        f"SELECT i.id, i.title, i.actors, i.cves, i.wallets, i.malware, i.published, i.first_seen FROM items i"
        f" WHERE i.dprk_cyber = 1 AND i.id != ? AND i.first_seen >= ? AND i.story_id IS NOT NULL AND {where}"
        f" ORDER BY i.first_seen DESC LIMIT {EVENT_CANDIDATES}",
        [new.item_id, since, *named],
    ).fetchall()
    numbers = {re.sub(r"[mbk]$", "", a) for a in new.amounts}  # "1.5b" -> "1.5", to spot amounts cheaply
    for item_id, title, actors, cves, wallets, malware, published, first_seen in rows:
        actors = json.loads(actors)
        actor_words = frozenset(w.lower() for a in actors for w in a.split())
        words = rules.title_words(title, actor_words)
        identifiers = (new.cves and cves != "[]") or (new.wallets and wallets != "[]") or new.iocs
        shared = words & new.title_words
        if not (shared or identifiers):
            continue  # nothing this candidate could share: skip the rest of the work
        old = rules.Profile(
            item_id,
            True,
            frozenset(_family_of(actors, new, members)) if actors else frozenset({NO_ACTOR}),
            frozenset(json.loads(cves)),
            frozenset(json.loads(wallets)),
            frozenset(json.loads(malware)),
            words,
            rules.title_names(title, actor_words),
            datetime.fromisoformat(published or first_seen),
        )
        if (numbers and shared) or new.iocs:  # the amount (with a shared title word) and indicator rules read text
            text = conn.execute("SELECT text FROM items WHERE id = ?", (item_id,)).fetchone()[0]
            head = f"{title}. {text[: rules.TEXT_SCAN]}"
            if shared and any(n in head for n in numbers):
                old = dataclasses.replace(old, text_names=rules.text_names(head), amounts=rules.amounts(head))
            if new.iocs:
                old = dataclasses.replace(old, iocs=rules.iocs(text))
        match = rules.same_event(new, old)
        if match:
            return match
    return None


def _family_of(actors, new: rules.Profile, members) -> set[str]:
    """The families of an archived item's actors, as far as the new item's families reach."""
    return {f for f in new.families if f != NO_ACTOR and set(actors) & members(f)} or {"(other)"}


def story_of(conn, item_id: str, now: str) -> int:
    """The story of an archived item (made on the spot for items archived before stories existed)."""
    row = conn.execute("SELECT story_id, title, first_seen FROM items WHERE id = ?", (item_id,)).fetchone()
    if row[0] is not None:
        return row[0]
    return _new_story(conn, item_id, row[1], row[2] or now, now)


def _new_story(conn, item_id: str, title: str, first_seen: str, now: str) -> int:
    story_id = conn.execute(
        "INSERT INTO stories (title, first_item_id, lead_item_id, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)",
        (title, item_id, item_id, first_seen, first_seen),
    ).lastrowid
    _join(conn, story_id, item_id, "first", 1.0, "first item of the story", now)
    return story_id


def _join(conn, story_id: int, item_id: str, rule: str, score: float, reason: str, now: str) -> None:
    conn.execute("UPDATE items SET story_id = ? WHERE id = ?", (story_id, item_id))
    conn.execute(
        "INSERT OR REPLACE INTO story_members (item_id, story_id, rule, score, reason, joined_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (item_id, story_id, rule, score, reason, now),
    )
    refresh(conn, story_id, now)


def refresh(conn, story_id: int, now: str) -> None:
    """Recount a story's items, sources and actors."""
    conn.execute(
        "UPDATE stories SET last_seen = :now,"
        " items_count = (SELECT count(*) FROM story_members WHERE story_id = :id),"
        " sources_count = (SELECT count(DISTINCT source) FROM item_sources WHERE item_id IN"
        "   (SELECT item_id FROM story_members WHERE story_id = :id)),"
        " actors = (SELECT coalesce(json_group_array(value), '[]') FROM (SELECT DISTINCT value FROM item_tags"
        # +kind: look the tags up by item (primary key), not by scanning every actor tag of the archive
        "   WHERE +kind = 'actor' AND item_id IN (SELECT item_id FROM story_members WHERE story_id = :id)"
        "   ORDER BY value)) WHERE id = :id",
        {"now": now, "id": story_id},
    )


class Keeper:
    """Assigns stories with a given notion of actor family (bot.run.assemble passes the knowledge base's)."""

    def __init__(self, family: Callable[[str], str] = str, members: Callable[[str], set[str]] = lambda f: {f}):
        self.family, self.members = family, members

    def assign(self, conn, tagged: TaggedItem, now: str) -> tuple[int, rules.Match | None]:
        return assign(conn, tagged, now, self.family, self.members)

    def clues(self, tagged: TaggedItem) -> meaning.Clues:
        item = tagged.item
        return meaning.clues(item.title, item.text, item.language, tagged.tags, self.family)


def assign(
    conn, tagged: TaggedItem, now: str, family: Callable[[str], str], members: Callable[[str], set[str]]
) -> tuple[int, rules.Match | None]:
    """Put a newly inserted item into a story; returns (story id, the match that decided it or None)."""
    item, tags = tagged.item, tagged.tags
    sig = tagged.signature if tagged.signature is not None else signatures.signature(f"{item.title}\n{item.text}")
    sig = sig or None  # b"": signed before, too short
    clues = None
    if tagged.vector:  # computed with the vector, outside the writer lock, where the pipeline encodes
        clues = (
            meaning.Clues.from_json(tagged.clues)
            if tagged.clues
            else meaning.clues(item.title, item.text, item.language, tags, family)
        )
    match = (
        _by_advisory(conn, item, tags.advisories, now)
        or _by_link(conn, item, tags.dprk_cyber, now)
        or (_by_near_duplicate(conn, item.id, sig) if sig is not None else None)
        or _by_event(conn, profile(tagged, now, family), members, now)
        or (_by_meaning(conn, tagged, clues, now) if clues else None)
    )
    if clues is not None:
        at = _when(item, now).isoformat(timespec="seconds")
        vectors.add(conn, item.id, tagged.model, at, tagged.vector, tagged.clues or clues.to_json(), clues.language)
    if sig is not None:
        conn.execute("INSERT OR REPLACE INTO item_signatures (item_id, minhash) VALUES (?, ?)", (item.id, sig))
        conn.executemany(
            "INSERT INTO item_bands (band, hash, item_id) VALUES (?, ?, ?)",
            [(band, value, item.id) for band, value in signatures.band_hashes(sig)],
        )
    if match is None:
        return _new_story(conn, item.id, item.title, now, now), None
    story_id = story_of(conn, match.item_id, now)
    _join(conn, story_id, item.id, match.rule, match.score, match.reason, now)
    if own_advisories(item.title, item.url, tags.advisories):
        _lead_with_advisory(conn, story_id, item.id)
    return story_id, match


def _lead_with_advisory(conn, story_id: int, item_id: str) -> None:
    """An agency's own advisory leads its story (the alert shows it) unless an advisory leads already."""
    row = conn.execute(
        "SELECT i.title, i.url, i.advisories FROM stories s JOIN items i ON i.id = coalesce(s.lead_item_id,"
        " s.first_item_id) WHERE s.id = ?",
        (story_id,),
    ).fetchone()
    if row is None or not own_advisories(row[0], row[1], json.loads(row[2] or "[]")):
        conn.execute("UPDATE stories SET lead_item_id = ? WHERE id = ?", (item_id, story_id))


def lead_of(conn, item_id: str) -> str:
    """The item that leads the story of `item_id` (its alert shows it): an agency advisory, else the first report."""
    row = conn.execute(
        "SELECT coalesce(s.lead_item_id, s.first_item_id) FROM items i JOIN stories s ON s.id = i.story_id"
        " WHERE i.id = ?",
        (item_id,),
    ).fetchone()
    return row[0] if row and row[0] else item_id

"""Which new items get an encoder vector, and getting it: only what can alert or join an alerted story.

Encoded: new items about the DPRK (dprk_related) dated within the long story window of now; and new items not
about the DPRK that lead with an amount (a theft, a ransom: a report that names the DPRK may come the same day) or
share strong evidence (an amount, a name in another script, an identifier) with such an item of that window (the
victim's own statement, a wire story that never says who did it). Old items (a first
contact's backlog of past years) are never encoded: they can join no story that is still news.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

from bot.records import TaggedItem
from bot.stories import encoder as encoders
from bot.stories import meaning, money


def wanted(
    tagged: list[TaggedItem],
    now: datetime,
    known,
    recent_clues,
    keeper,
    first_contact: bool = False,
    computed: dict | None = None,
) -> list[int]:
    """Indexes of the items to encode. `known(item)` tells an archived item; `recent_clues()` lists the clues of
    the window's encoded items (read once, only when an item not about the DPRK needs them). On a source's first
    contact only items about the DPRK are encoded: its backlog alerts nothing. The clues computed on the way are
    left in `computed` (index -> Clues), so that they are not computed again."""
    out, window = [], None
    for index, t in enumerate(tagged):
        when = t.item.published or now
        if abs(now - when) > meaning.LONG_WINDOW or known(t.item):
            continue
        if t.tags.dprk_related or t.tags.dprk_cyber:
            out.append(index)
            continue
        if first_contact:
            continue
        mine = keeper.clues(t)
        if computed is not None:
            computed[index] = mine
        if any(money.significant(a[1]) >= 2 for a in mine.lead_amounts):
            out.append(index)  # a theft or a ransom in its first lines: a DPRK report may follow, or come alongside
            continue
        if window is None:
            window = [c for c in (meaning.Clues.from_json(j) for j in recent_clues()) if c.related]
        if window and any(meaning.evidence(mine, other)[0] for other in window):
            out.append(index)
    return out


def encode_new(
    tagged: list[TaggedItem], db, service, keeper, now: datetime, first_contact: bool = False
) -> list[TaggedItem]:
    """What a source's refresh calls between tagging and storing (outside the writer lock): the items it should,
    encoded, with their clues."""
    if service is None or not tagged:
        return tagged
    from storage.items import existing_id
    from storage.vectors import recent_clues

    since = (now - meaning.LONG_WINDOW).isoformat(timespec="seconds")
    until = (now + meaning.LONG_WINDOW).isoformat(timespec="seconds")
    computed: dict = {}
    indexes = wanted(
        tagged,
        now,
        known=lambda item: existing_id(db.conn, item.id, item.url) is not None,
        recent_clues=lambda: recent_clues(db.conn, since, until),
        keeper=keeper,
        first_contact=first_contact,
        computed=computed,
    )
    return attach(tagged, service, indexes, keeper, computed)


def attach(
    tagged: list[TaggedItem], service, indexes: list[int], keeper=None, computed: dict | None = None
) -> list[TaggedItem]:
    """The items with the vectors of those at `indexes` (items the encoder failed on stay without), and with
    their clues when a `keeper` is given (else storage computes them)."""
    if service is None or not indexes:
        return tagged
    texts = [encoders.encoder_text(tagged[i].item.title, tagged[i].item.text) for i in indexes]
    model, vectors = service.encode(texts)
    computed = computed or {}
    out = list(tagged)
    for index, vector in zip(indexes, vectors, strict=True):
        if vector is not None:
            clues = computed.get(index) or (keeper.clues(out[index]) if keeper is not None else None)
            found = clues.to_json() if clues is not None else ""
            out[index] = dataclasses.replace(out[index], vector=vector, model=model, clues=found)
    return out

"""Pick the one or two lines of an item that show why it was tagged.

Evidence offsets index `item.title + "\\n" + item.text` (the tag contract). A span whose offsets do not match
its text is looked up by text instead; a span that cannot be found is ignored rather than trusted.
The result is plain, cleaned text split into (text, highlighted) segments; notifiers escape and style it.
"""

from __future__ import annotations

import re

from bot.notify.escape import ELLIPSIS, clean
from bot.records import Evidence, Item

WINDOW = 240  # about two lines of a Slack message
LEAD = 90  # how much context before the first span we try to keep
_SENTENCE_END = re.compile(r"[.!?\u3002]\s|\n")
_MARK_ON, _MARK_OFF = "\ue000", "\ue001"  # private-use sentinels, stripped from feed text first


def spans(full: str, evidence: tuple[Evidence, ...]) -> list[tuple[int, int]]:
    """Valid, sorted, non-overlapping (start, end) spans of `full`."""
    found = []
    for ev in evidence:
        start, end = ev.start, ev.end
        if not (0 <= start < end <= len(full)) or (ev.text and full[start:end] != ev.text):
            start = full.find(ev.text) if ev.text else -1
            if start < 0:
                continue
            end = start + len(ev.text)
        found.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _window(full: str, body: int, anchor: tuple[int, int]) -> tuple[int, int, bool, bool]:
    """(start, end, cut_before, cut_after): a window around the anchor span, snapped to sentences or spaces."""
    start, end = max(body, anchor[0] - LEAD), len(full)
    boundary = None
    for m in _SENTENCE_END.finditer(full, start, anchor[0]):
        boundary = m.end()
    cut_before = start > body and boundary is None
    if boundary is not None:
        start = boundary
    elif cut_before:
        space = full.find(" ", start, anchor[0])
        start = space + 1 if space >= 0 else start
    if end - start > WINDOW:
        limit = max(start + WINDOW, anchor[1])
        stops = [m.start() + 1 for m in _SENTENCE_END.finditer(full, anchor[1], limit)]  # whole sentences
        space = full.rfind(" ", anchor[1], limit)
        end = stops[-1] if stops else (space if space > anchor[1] else limit)
    return start, end, cut_before, end < len(full) and full[end - 1] not in ".!?\u3002"


def snippet(item: Item, evidence: tuple[Evidence, ...]) -> tuple[tuple[str, bool], ...]:
    """(text, highlighted) segments around the first evidence span in the body; the body's start if none."""
    title = item.title.replace(_MARK_ON, "").replace(_MARK_OFF, "")
    text = item.text.replace(_MARK_ON, "").replace(_MARK_OFF, "")
    full, body = title + "\n" + text, len(title) + 1
    if not text.strip():
        return ()
    found = spans(full, evidence)
    in_body = [s for s in found if s[0] >= body]
    anchor = in_body[0] if in_body else (body, body)
    start, end, cut_before, cut_after = _window(full, body, anchor)
    marked, pos = [], start
    for s, e in in_body:
        if s >= end or e > end:
            break
        if s >= pos:
            marked += [full[pos:s], _MARK_ON, full[s:e], _MARK_OFF]
            pos = e
    marked.append(full[pos:end])
    cleaned = clean("".join(marked), single_line=True)
    if not cleaned.replace(_MARK_ON, "").replace(_MARK_OFF, "").strip():
        return ()
    segments = []
    for i, part in enumerate(re.split(f"[{_MARK_ON}{_MARK_OFF}]", cleaned)):
        if part:
            segments.append((part, i % 2 == 1))
    if cut_before:
        segments.insert(0, (ELLIPSIS, False))
    if cut_after:
        segments.append((ELLIPSIS, False))
    return tuple(segments)

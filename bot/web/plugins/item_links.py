"""Datasette plugin: an item's page as an analyst reads it (templates/row.html): its title as the heading, date,
sources, link to the original and its story, its tags, the evidence spans in their sentences, and its text.

Rules: values reach the template as plain strings (Jinja escapes them); only http(s) URLs become links; bad
evidence JSON shows as "unreadable" and never breaks the page.
"""

import json
from urllib.parse import quote

from datasette import hookimpl
from datasette.utils import tilde_decode

CONTEXT = 90  # characters of text shown either side of an evidence span
FACETED = ("actors", "sectors")
SHOWN_PER_TAG = 3  # sentences shown for one (label, value); the count says how many more
TAGS = (("actors", "Actors"), ("sectors", "Sectors"), ("malware", "Malware"), ("cves", "CVEs"),
        ("advisories", "Advisories"), ("techniques", "ATT&CK techniques"), ("wallets", "Wallets"))  # fmt: skip


def _list(value) -> list[str]:
    try:
        values = json.loads(value or "[]")
    except ValueError:
        return []
    return [str(v) for v in values] if isinstance(values, list) else []


def _window(full: str, start: int, end: int) -> dict:
    """The span with up to CONTEXT characters around it, cut at spaces, on one line."""
    left, right = max(0, start - CONTEXT), min(len(full), end + CONTEXT)
    if left > 0 and " " in full[left:start]:
        left = full.index(" ", left, start) + 1
    if right < len(full) and " " in full[end:right]:
        right = full.rindex(" ", end, right)

    def flat(text: str) -> str:
        return " ".join(text.split())

    return {
        "before": ("… " if left > 0 else "")
        + flat(full[left:start])
        + (" " if full[start - 1 : start].isspace() else ""),
        "match": full[start:end],
        "after": (" " if full[end : end + 1].isspace() else "")
        + flat(full[end:right])
        + (" …" if right < len(full) else ""),
    }


def _locate(full: str, start, end, written: str) -> tuple[int, int] | None:
    """Where the span is: its offsets when they still point at its text (a revision may have moved it), else the
    first place its text occurs, else nowhere."""
    in_range = isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(full)
    if in_range and (not written or full[start:end] == written):
        return start, end
    found = full.find(written) if written else -1
    return (found, found + len(written)) if found >= 0 else None


def evidence(raw: str | None, title: str, text: str) -> list[dict] | None:
    """Evidence spans grouped by (label, value), each with the sentences it was found in; None when unreadable."""
    try:
        spans = json.loads(raw or "[]")
        assert isinstance(spans, list)
    except (ValueError, AssertionError):
        return None
    full = f"{title}\n{text}"
    groups: dict[tuple[str, str], dict] = {}
    for span in spans:
        if not isinstance(span, dict):
            continue
        label, value = str(span.get("label", "")), str(span.get("value", ""))
        group = groups.setdefault(
            (label, value), {"label": label, "value": value, "written": [], "seen": 0, "contexts": []}
        )
        group["seen"] += 1
        written = str(span.get("text", ""))
        if written and written not in group["written"]:
            group["written"].append(written)
        where = _locate(full, span.get("start"), span.get("end"), written)
        if where is not None and len(group["contexts"]) < SHOWN_PER_TAG:
            group["contexts"].append(_window(full, *where))
    return list(groups.values())


def _link(items_url: str, column: str, value: str) -> str | None:
    """The items table filtered on this tag, for the tags the table has facets for."""
    return f"{items_url}?{column}__arraycontains={quote(value, safe='')}" if column in FACETED else None


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    if view_name != "row" or table != "items" or request is None:
        return {}

    async def item_view():
        item_id = tilde_decode(request.url_vars["pks"])
        db = datasette.get_database(database)
        found = await db.execute(
            "SELECT i.*, s.title AS story_title, s.items_count AS story_items,"
            " (SELECT group_concat(source, ', ') FROM item_sources WHERE item_id = i.id) AS all_sources"
            " FROM items i LEFT JOIN stories s ON s.id = i.story_id WHERE i.id = ?",
            [item_id],
        )
        row = found.first()
        if row is None:
            return {}
        items_url = datasette.urls.table(database, "items")
        story = None
        if row["story_id"] is not None:
            story = {
                "href": datasette.urls.row(database, "stories", str(row["story_id"])),
                "title": row["story_title"] or f"story {row['story_id']}",
                "count": row["story_items"],  # not "items": Jinja would read dict.items
                "members": f"{items_url}?story_id={row['story_id']}",
            }
        url = row["url"] or ""
        tags = [
            {"label": label, "entries": [(v, _link(items_url, column, v)) for v in _list(row[column])]}
            for column, label in TAGS
            if _list(row[column])
        ]
        view = {
            "id": row["id"],
            "title": row["title"] or "(untitled)",
            "date": (row["published"] or "")[:10],
            "first_seen": (row["first_seen"] or "")[:10],
            "source": row["source"],
            "sources": row["all_sources"] or row["source"],
            "language": row["language"],
            "url": url if url.lower().startswith(("http://", "https://")) else "",
            "dprk_cyber": bool(row["dprk_cyber"]),
            "score": row["score"],
            "story": story,
            "tags": tags,
            "evidence": evidence(row["evidence"], row["title"] or "", row["text"] or ""),
            "text": row["text"] or "",
        }
        return {"item_view": view}

    return item_view

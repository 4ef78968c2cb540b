"""Datasette plugin: the items table as an analyst reads it (its default columns, ANALYST_COLUMNS, shown by
templates/_table.html) and how its cells read: the title links to the item's page, a date instead of a
timestamp, actors and sectors as facet links, the score with two decimals, evidence as a count.

Rules: every value is escaped (markupsafe) before it becomes HTML; only the items table is touched; a value
that is not what the archive promises (bad JSON, a NULL) is shown as Datasette would show it.
"""

import json
from urllib.parse import quote

from datasette import hookimpl
from datasette.utils import tilde_encode
from markupsafe import Markup, escape

TAG_COLUMNS = {"actors", "sectors", "malware", "cves", "techniques", "advisories", "wallets"}
FACETED = {"actors", "sectors"}  # the tag columns the items table has facets for
NONE = Markup('<span class="none">-</span>')


def _get(row, key):
    try:
        return row[key]
    except (IndexError, KeyError):
        return None  # a `_col` selection left the column out


def _values(value) -> list[str] | None:
    try:
        values = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        return None
    return [str(v) for v in values] if isinstance(values, list) else None


def _date(row, value):
    if value:
        return Markup('<span title="{}">{}</span>').format(value, str(value)[:10])
    seen = _get(row, "first_seen")
    if seen:
        return Markup('<span class="first-seen" title="first seen {}">{} (first seen)</span>').format(seen, seen[:10])
    return None


def _tags(column, value, table_url):
    values = _values(value)
    if values is None:
        return None
    if not values:
        return NONE  # an empty string would make Datasette show the raw "[]"
    if column not in FACETED:
        return Markup(", ").join(escape(v) for v in values)
    links = (
        Markup('<a class="tag" href="{}?{}__arraycontains={}">{}</a>').format(table_url, column, quote(v, safe=""), v)
        for v in values
    )
    return Markup(", ").join(links)


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if table != "items":
        return None
    if column == "title" and _get(row, "id"):
        href = datasette.urls.row(database, table, tilde_encode(row["id"]))
        return Markup('<a class="item-title" href="{}">{}</a>').format(href, value or "(untitled)")
    if column == "published":
        return _date(row, value)
    if column in TAG_COLUMNS:
        return _tags(column, value, datasette.urls.table(database, table))
    if column == "score" and isinstance(value, float):
        return f"{value:.2f}"
    if column == "evidence":
        spans = _values(value)
        return None if spans is None else f"{len(spans)} span(s): see the item's page"
    return None


# (column, heading) of the items table's default view: what an analyst scans; the rest is on the item's page
ANALYST_COLUMNS = (
    ("published", "date"),
    ("title", "title"),
    ("source", "source"),
    ("actors", "actors"),
    ("sectors", "sectors"),
    ("score", "score"),
)


@hookimpl
def extra_template_vars(view_name, table, request):
    if view_name != "table" or table != "items" or request is None:
        return {}
    if any(key in request.args for key in ("_col", "_nocol")):
        return {"analyst_columns": ()}  # the URL picked its columns: show them all, as Datasette does
    return {"analyst_columns": ANALYST_COLUMNS}

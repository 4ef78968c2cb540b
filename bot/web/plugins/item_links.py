"""Datasette plugin: on an item's page, links to its original URL, its story and its sources (templates/row.html)."""

from datasette import hookimpl
from datasette.utils import tilde_decode


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    if view_name != "row" or table != "items" or request is None:
        return {}

    async def item_links():
        item_id = tilde_decode(request.url_vars["pks"])
        db = datasette.get_database(database)
        found = await db.execute(
            "SELECT i.url, i.story_id, s.title, s.items_count,"
            " (SELECT group_concat(source, ', ') FROM item_sources WHERE item_id = i.id) AS sources"
            " FROM items i LEFT JOIN stories s ON s.id = i.story_id WHERE i.id = ?",
            [item_id],
        )
        row = found.first()
        if row is None:
            return {}
        story = None
        if row["story_id"] is not None:
            story = {
                "href": datasette.urls.row(database, "stories", str(row["story_id"])),
                "title": row["title"] or f"story {row['story_id']}",
                "items": row["items_count"],
                "members": datasette.urls.table(database, "items") + f"?story_id={row['story_id']}",
            }
        return {"item_links": {"url": row["url"], "story": story, "sources": row["sources"] or ""}}

    return item_links

"""Datasette metadata for the archive, declared once as data: titles, descriptions, facets, canned queries.

Rules: every canned query is read-only SQL; actor parameters go through `actor_canonical()` (plugin
advisory_sql) so aliases work; timestamps compare as ISO text (docs/archive.md), hence strftime with a 'T'.
"""

from __future__ import annotations

DATE = "coalesce(i.published, i.first_seen)"
WEEK_AGO = "strftime('%Y-%m-%dT%H:%M:%S', 'now', '-7 days')"
ITEM_COLUMNS = f"{DATE} as date, i.title, i.url, i.actors, i.sectors, i.source, i.language, i.story_id, i.id"

QUERIES = {
    "latest_dprk_alerts": {
        "title": "Latest DPRK alerts",
        "description": "The newest DPRK cyber items (what the bot alerts on), with the alerts sent for each.",
        "sql": f"""select {ITEM_COLUMNS},
  (select group_concat(o.notifier || ' ' || o.status, ', ')
   from outbox o where o.item_id = i.id and o.kind = 'alert') as alerts
from items i where i.dprk_cyber = 1 order by date desc limit 100""",
    },
    "by_actor": {
        "title": "Items by actor",
        "description": "Every item naming an actor: canonical name or any alias (APT43, Emerald Sleet, 김수키 ...).",
        "sql": f"""select {ITEM_COLUMNS} from item_tags t join items i on i.id = t.item_id
where t.kind = 'actor' and t.value = actor_canonical(:actor) order by date desc limit 1000""",
    },
    "by_sector": {
        "title": "Items by sector",
        "description": "Every item tagged with a targeted sector (cryptocurrency, finance, defense, government ...).",
        "sql": f"""select {ITEM_COLUMNS} from item_tags t join items i on i.id = t.item_id
where t.kind = 'sector' and t.value = :sector order by date desc limit 1000""",
    },
    "stories_this_week": {
        "title": "Stories this week",
        "description": "Stories (one event reported by several items) active in the last 7 days, biggest first.",
        "sql": f"""select s.id, s.title, s.items_count, s.sources_count, s.actors, s.first_seen, s.last_seen
from stories s where s.last_seen >= {WEEK_AGO} order by s.items_count desc, s.last_seen desc""",
    },
    "source_health": {
        "title": "Source health",
        "description": "Every source: last success, consecutive failures, kind of the last error and backoff.",
        "sql": """select name, last_success_at, error_count, last_error_kind, next_check_at, items_last_fetch
from sources order by error_count desc, name""",
    },
    "mentions_by_month": {
        "title": "Actor mentions per month",
        "description": "DPRK cyber items per actor per month: chart it with the Vega charting options below.",
        "sql": f"""select substr({DATE}, 1, 7) as month, t.value as actor, count(*) as items
from item_tags t join items i on i.id = t.item_id where t.kind = 'actor' and i.dprk_cyber = 1
group by month, actor order by month, items desc""",
    },
    "dprk_feed": {
        "title": "advisory-bot: DPRK cyber items",
        "description": "An Atom feed: add .atom to this page's URL; actor and sector are optional filters.",
        "sql": f"""select 'urn:advisory-bot:item:' || i.id as atom_id, i.title as atom_title,
  coalesce(i.tagged_at, i.first_seen) as atom_updated,
  case when i.url != '' then i.url else 'urn:advisory-bot:item:' || i.id end as atom_link,
  substr(i.text, 1, 600) as atom_content, i.source as atom_author_name, {DATE} as date
from items i where i.dprk_cyber = 1
  and (:actor = '' or i.id in (select item_id from item_tags where kind = 'actor' and value = actor_canonical(:actor)))
  and (:sector = '' or i.id in (select item_id from item_tags where kind = 'sector' and value = :sector))
order by date desc limit 100""",
    },
}

TABLES = {
    "items": {
        "title": "Items",
        "description": "One row per advisory or article, whatever the number of sources that carried it. Search"
        ' uses FTS5 syntax: "exact phrase", OR, NOT, prefix*.',
        "facets": [
            {"array": "actors"},
            {"array": "sectors"},
            "source",
            "language",
            {"month": "published"},
            "dprk_cyber",
        ],
        "sort_desc": "published",
        "searchmode": "raw",
        "label_column": "title",
    },
    "stories": {
        "title": "Stories",
        "description": "One event reported by several items (see story_members for why each item joined).",
        "sort_desc": "last_seen",
        "label_column": "title",
    },
    "item_sources": {"description": "Every source that carried an item, and when.", "facets": ["source"]},
    "item_tags": {"description": "One row per (item, tag): the filters and facets.", "facets": ["kind"]},
    "sources": {"hidden": True, "description": "Per-source health (see the Source health query)."},
    "outbox": {"hidden": True, "description": "Alerts: one row per (item, notifier, channel).", "facets": ["status"]},
    "item_signatures": {"hidden": True},
    "item_bands": {"hidden": True},
}


# What the web UI may read of the operators' tables; every other column reads as NULL, in any SQL
# (plugins/analyst_columns.py): feed URLs (which may carry keys), raw errors, channel ids, payloads, message ids.
ANALYST_COLUMNS = {
    "sources": {"name", "first_success_at", "last_attempt_at", "last_success_at", "last_error_kind", "error_count",
                "next_check_at", "items_last_fetch"},
    "outbox": {"id", "kind", "item_id", "notifier", "route", "mode", "status", "attempts", "created_at", "updated_at",
               "sent_at"},
}  # fmt: skip
LOGIN_HASH_ENV = "ADVISORY_BOT_SERVE_PASSWORD_HASH"  # a pbkdf2_sha256 hash (`datasette hash-password`)
LOGIN_USER_ENV = "ADVISORY_BOT_SERVE_USER"


def metadata(database: str, login_user: str | None = None) -> dict:
    """The metadata for an archive served under the name `database`; with `login_user`, only a logged-in user
    (datasette-auth-passwords: the form at /-/login, or HTTP Basic) sees anything, the password hash read from
    the environment by Datasette itself (`$env`), never written anywhere."""
    access = {}
    if login_user:
        access = {
            "allow": {"id": "*"},
            "plugins": {"datasette-auth-passwords": {f"{login_user}_password_hash": {"$env": LOGIN_HASH_ENV}}},
        }
    return {
        **access,
        "title": "advisory-bot archive",
        "description_html": (
            "DPRK cyber-threat advisories and news, tagged with actors and sectors. Start with "
            f'<a href="/{database}/items">items</a> (search and facets), the '
            f'<a href="/{database}/latest_dprk_alerts">latest DPRK alerts</a> or the '
            f'<a href="/{database}/dprk_feed.atom?actor=&amp;sector=">Atom feed</a>.'
        ),
        "source": "advisory-bot",
        "databases": {
            database: {
                "title": "Archive",
                "description": "The live archive (read-only here); the schema is in docs/archive.md.",
                "tables": TABLES,
                "queries": QUERIES,
            }
        },
    }

"""The archive filters shared by search, export and stats: options declared once, turned into a Query."""

from __future__ import annotations

import functools

import click

from storage.search import Query

FILTER_OPTIONS = (
    click.option("--actor", "actors", multiple=True, help="Actor, canonical or any alias (repeatable: all of)."),
    click.option("--sector", "sectors", multiple=True, help="Sector name (repeatable: all of)."),
    click.option("--source", "sources", multiple=True, help="Source name (repeatable: any of)."),
    click.option("--language", "languages", multiple=True, help="Language code: en, ko, ja ... (repeatable: any of)."),
    click.option("--since", help="Only items dated on or after this date (YYYY-MM-DD or ISO datetime)."),
    click.option("--until", help="Only items dated before this date (YYYY-MM-DD or ISO datetime)."),
    click.option("--dprk-cyber/--any", "dprk_cyber", default=None, help="Only DPRK cyber items (default: any)."),
)


def filter_options(func):
    """Add the filter options; the command receives them as one `query` keyword (a Query, aliases resolved)."""

    @functools.wraps(func)
    def wrapper(*args, actors, sectors, sources, languages, since, until, dprk_cyber, **kwargs):
        query = Query(
            actors=resolve_actors(actors),
            sectors=sectors,
            sources=sources,
            languages=languages,
            since=since,
            until=until,
            dprk_cyber=dprk_cyber,
        )
        return func(*args, query=query, **kwargs)

    for option in reversed(FILTER_OPTIONS):
        wrapper = option(wrapper)
    return wrapper


def resolve_actors(names) -> tuple[str, ...]:
    """Canonical names: APT43 and 김수키 both give Kimsuky; an unknown name is kept as written."""
    if not names:
        return ()
    from bot.assemble import actor_resolver

    resolve = actor_resolver()
    return tuple(resolve(n) for n in names)

"""The archive filters shared by search, export and stats: options declared once, turned into a Query.

Rules: `--dprk-cyber` keeps DPRK cyber items, `--any` keeps every item (the default for search and export);
actors and sectors are checked against the knowledge base and the sector list, a misspelt one is a usage
error naming the closest known names; dates are read by bot.commands.when (exit 2 with an example).
"""

from __future__ import annotations

import functools
import inspect

import click

from bot.commands.when import DATE
from storage.search import Query

FILTER_OPTIONS = (
    click.option("--actor", "actors", multiple=True, help="Actor, canonical or any alias (repeatable: all of)."),
    click.option("--sector", "sectors", multiple=True, help="Sector name (repeatable: all of)."),
    click.option("--source", "sources", multiple=True, help="Source name (repeatable: any of)."),
    click.option("--language", "languages", multiple=True, help="Language code: en, ko, ja ... (repeatable: any of)."),
    click.option("--since", type=DATE, help="Only items dated on or after this date (2026-11-01, 7d, yesterday ...)."),
    click.option("--until", type=DATE, help="Only items dated before this date (2026-12-01, today, 2 weeks ago ...)."),
    click.option("--dprk-cyber", "scope", flag_value="dprk", help="Only DPRK cyber items."),
    click.option("--any", "scope", flag_value="any", help="Every item, DPRK cyber or not (the default)."),
)


def filter_options(func):
    """Add the filter options; the command receives them as one `query` keyword (a Query, aliases resolved).

    A command with a `scope` parameter also receives the scope as given: "dprk", "any" or None (not given).
    """
    wants_scope = "scope" in inspect.signature(func).parameters

    @functools.wraps(func)
    def wrapper(*args, actors, sectors, sources, languages, since, until, scope, **kwargs):
        query = Query(
            actors=resolve_actors(actors, strict=True),
            sectors=check_sectors(sectors),
            sources=sources,
            languages=languages,
            since=since,
            until=until,
            dprk_cyber=True if scope == "dprk" else None,
        )
        if wants_scope:
            kwargs["scope"] = scope
        return func(*args, query=query, **kwargs)

    for option in reversed(FILTER_OPTIONS):
        wrapper = option(wrapper)
    return wrapper


def resolve_actors(names, strict: bool = False) -> tuple[str, ...]:
    """Canonical names: APT43 and 김수키 both give Kimsuky; an unknown name is kept as written, or with `strict`
    a usage error naming the closest known names."""
    if not names:
        return ()
    from bot.run.assemble import actor_resolver

    resolve = actor_resolver()
    out = []
    for name in names:
        canonical = resolve(name)
        if strict and canonical == name and not _known_actor(name):
            raise click.BadParameter(_unknown("actor", name, _actor_names()), param_hint="'--actor'")
        out.append(canonical)
    return tuple(out)


def check_sectors(names) -> tuple[str, ...]:
    """The sector names as given (lower case); a usage error naming the closest ones for an unknown name."""
    known = sector_names()
    out = []
    for name in names:
        if name.strip().lower() not in known:
            raise click.BadParameter(_unknown("sector", name, known), param_hint="'--sector'")
        out.append(name.strip().lower())
    return tuple(out)


def sector_names() -> list[str]:
    """Every sector the tagger can give (the taxonomy's list: the keys of the sector lexicon)."""
    from bot.tagging.words import lexicon

    return sorted(set(lexicon.NOUNS) | set(lexicon.MODIFIERS))


def _known_actor(name: str) -> bool:
    from bot.tagging.words.kb import load_kb

    return name in load_kb().actors


def _actor_names() -> list[str]:
    """Canonical actor names and every alias spelling: what a misspelt name is compared with."""
    from bot.tagging.words.kb import load_kb

    kb = load_kb()
    names = set(kb.actors)
    for alias in kb.aliases.values():
        if alias.kind == "actor":
            names.update(alias.spellings or (alias.key,))
    return sorted(names)


def _unknown(what: str, name: str, known) -> str:
    from bot.suggest import closest

    near = closest(name, known)
    hint = f"; did you mean {', '.join(near)}?" if near else ""
    return f"unknown {what} {name!r}{hint}"

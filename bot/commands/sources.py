"""`advisory-bot sources ...`: operators' commands for the source list: check, schema, test, add."""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import click
from pydantic import TypeAdapter, ValidationError

from bot.commands.common import DEFAULT_SOURCES, exits_on_errors, routes_option, sources_option
from bot.config import SourceConfig, SourcesFile, load_sources, parse_duration, resolve
from bot.errors import AdvisoryBotError, ConfigError
from bot.terminal import echo
from bot.yamlconfig import load_model


@click.group()
def sources() -> None:
    """Check, test and add sources."""


@sources.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_SOURCES)
@exits_on_errors
def check(file: Path) -> None:
    """Validate FILE (default ./sources.yaml) exactly as `run` does at start-up; exit 2 if invalid."""
    loaded = load_sources(file)
    by_type: dict[str, int] = {}
    for source in loaded:
        by_type[source.type] = by_type.get(source.type, 0) + 1
    kinds = ", ".join(f"{n} {t}" for t, n in sorted(by_type.items()))
    disabled = sum(not s.enabled for s in loaded)
    echo(f"{file}: ok, {len(loaded)} sources ({kinds}){f', {disabled} disabled' if disabled else ''}")


@sources.command()
@click.option("--write", is_flag=True, help="Regenerate the shipped docs/sources.schema.json instead of printing.")
def schema(write: bool) -> None:
    """Print the JSON Schema of sources.yaml (generated from the schema `sources check` validates with)."""
    from bot.schema import SCHEMA_PATH, schema_text

    if write:
        SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
        echo(f"wrote {SCHEMA_PATH}")
    else:
        echo(schema_text(), nl=False)


@sources.command(name="test")
@click.argument("name")
@sources_option
@click.option(
    "--file",
    "page",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read this saved copy instead of fetching.",
)
@routes_option
@click.option("--limit", default=5, show_default=True, type=click.IntRange(min=0), help="Items to show.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of text.")
@exits_on_errors
def test_cmd(
    name: str, sources_path: Path, page: Path | None, routes_path: Path | None, limit: int, as_json: bool
) -> None:
    """Fetch source NAME now (or read --file), show its items, tags and routes; store and post nothing.

    Exit 0 without problems, 1 when problems were found or the fetch failed, 2 on configuration errors.
    """
    from bot.assemble import actor_resolver, routes_config
    from bot.probe import probe, verdicts
    from bot.route import Router

    by_name = {s.name: s for s in load_sources(sources_path)}
    if name not in by_name:
        raise ConfigError(f"sources: no source named {name!r} in {sources_path} (known: {', '.join(sorted(by_name))})")
    router = Router(routes_config(routes_path, os.environ), actor_resolver())
    found = probe(by_name[name], page)
    shown = verdicts(found.items[:limit], router, datetime.now(UTC))
    if as_json:
        echo(json.dumps(_probe_json(found, shown, page), indent=2, ensure_ascii=False))
    else:
        _print_probe(found, shown, page)
    if found.problems:
        sys.exit(1)


def _print_probe(found, shown, page: Path | None) -> None:
    s, r = found.source, found.result
    echo(f"source: {s.name} ({s.type}{', disabled' if not s.enabled else ''})  {s.url}")
    if r is not None:
        if page is None:
            echo(f"fetched: HTTP {r.status}, {len(r.body)} bytes, {r.elapsed_ms} ms")
        else:
            echo(f"read: {page} (saved copy), {len(r.body)} bytes")
    echo(f"items: {len(found.items)}" + (f" (showing {len(shown)})" if len(shown) < len(found.items) else ""))
    for n, v in enumerate(shown, 1):
        item, tags = v.item, v.tags
        echo(f"  {n}. {item.title or '(no title)'}")
        echo(f"     date: {item.published.isoformat(timespec='minutes') if item.published else 'no date'}")
        echo(f"     link: {item.url or 'no link'}")
        echo(
            f"     tags: dprk_cyber={str(tags.dprk_cyber).lower()} score={tags.score:.2f} "
            f"actors={list(tags.actors)} sectors={list(tags.sectors)}"
        )
        for t in v.targets or [None]:
            echo(f"     -> {t.notifier} ({t.channel}) via {t.route}, {t.mode}" if t else "     -> nowhere")
    if not found.problems:
        echo("ok: no problems")
        return
    echo(f"problems: {len(found.problems)}")
    for p in found.problems:
        echo(f"  - {p.message}")


def _probe_json(found, shown, page: Path | None) -> dict:
    r = found.result
    return {
        "source": found.source.name,
        "type": found.source.type,
        "url": found.source.url,
        "file": str(page) if page else None,
        "status": r.status if r else None,
        "bytes": len(r.body) if r else None,
        "elapsed_ms": r.elapsed_ms if r else None,
        "items_found": len(found.items),
        "items": [
            {
                "id": v.item.id,
                "title": v.item.title,
                "date": v.item.published.isoformat() if v.item.published else None,
                "link": v.item.url or None,
                "dprk_cyber": v.tags.dprk_cyber,
                "score": round(v.tags.score, 3),
                "actors": list(v.tags.actors),
                "sectors": list(v.tags.sectors),
                "routes": [
                    {"notifier": t.notifier, "channel": t.channel, "route": t.route, "mode": t.mode} for t in v.targets
                ],
            }
            for v in shown
        ],
        "problems": [{"kind": p.kind, "count": p.count, "message": p.message} for p in found.problems],
        "ok": not found.problems,
    }


def _duration(ctx, param, value):
    if value is not None:
        try:
            parse_duration(value)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from None
    return value


def _name(ctx, param, value):
    """--name checked by the very field sources.yaml declares (kebab-case)."""
    if value is not None:
        field = SourceConfig.model_fields["name"]
        try:
            TypeAdapter(Annotated[field.annotation, *field.metadata]).validate_python(value)
        except ValidationError as exc:
            raise click.BadParameter(exc.errors()[0]["msg"].removeprefix("Value error, ")) from None
    return value


@sources.command()
@click.argument("url")
@click.option("--name", callback=_name, help="Source name (kebab-case; default: from the site's host).")
@sources_option
@click.option("--language", help="The feed's language (default: defaults.language).")
@click.option("--every", callback=_duration, help="Fetch interval, e.g. 30m (default: defaults.every).")
@click.option("--allow-private", is_flag=True, help="Allow a private or loopback address (intranet feeds, tests).")
@click.option("--yes", "-y", is_flag=True, help="Append without asking.")
@exits_on_errors
def add(
    url: str,
    name: str | None,
    sources_path: Path,
    language: str | None,
    every: str | None,
    allow_private: bool,
    yes: bool,
) -> None:
    """Find the feed of URL (the URL itself, or a page's <link rel="alternate">), test it, append it to --sources.

    Writes `allow_private: true` with --allow-private (needed for feeds on a private or loopback address).
    """
    from bot.config import Source
    from bot.discover import JSON_FEED_FIELDS, Feed, alternates, feed_kind, name_for
    from bot.probe import fetch_now, probe
    from bot.sourcefile import append_source, entry_text

    written = load_model(sources_path, SourcesFile, what="a mapping with a 'sources:' list")
    taken = {s.name for s in written.sources}
    if name is not None and name in taken:
        raise click.BadParameter(f"{name!r} is already in {sources_path}", param_hint="--name")
    d = written.defaults
    page = Source(
        name=name or "new-source", type="html", url=url, every=d.every, timeout=d.timeout, max_bytes=d.max_bytes,
        language=language or d.language, enabled=True, selectors=None, fields=None, allow_private=allow_private,
    )  # fmt: skip
    result = fetch_now(page)
    kind = feed_kind(result)
    if kind is not None:
        feed = Feed(url, kind)
    else:
        feeds = alternates(result)
        if not feeds:
            raise AdvisoryBotError(
                f'add: {url} is not a feed and advertises none (no <link rel="alternate" type="application/rss+xml">); '
                "add it as an html source with selectors (docs/sources.md)"
            )
        feed = feeds[0]
        echo(f"found {len(feeds)} feed(s) on {url}; using {feed.url}")
        for other in feeds[1:]:
            echo(f"  also: {other.url} ({other.type}{f', {other.title!r}' if other.title else ''})")
    entry: dict = {"name": name or name_for(url, taken), "type": feed.type, "url": feed.url}
    entry |= {"every": every} if every else {}
    entry |= {"language": language} if language else {}
    entry |= {"allow_private": True} if allow_private else {}
    entry |= {"fields": dict(JSON_FEED_FIELDS)} if feed.type == "json" else {}
    try:
        checked = SourceConfig.model_validate(entry)
    except ValidationError as exc:  # e.g. a discovered link with spaces or control characters
        problem = exc.errors()[0]["msg"].removeprefix("Value error, ")
        raise AdvisoryBotError(f"add: {feed.url}: {problem}; not added") from None
    source = resolve(SourcesFile(defaults=d, sources=[checked]))[0]
    tested = probe(source)
    fatal = [p.message for p in tested.problems if p.fatal]
    if fatal or not tested.items:
        raise AdvisoryBotError(f"add: {feed.url}: {fatal[0] if fatal else 'the feed has no items'}; not added")
    echo(f"tested: {len(tested.items)} items")
    for p in tested.problems:
        echo(f"  warning: {p.message}")
    text = sources_path.read_text(encoding="utf-8")
    echo(entry_text(entry, text), nl=False)
    if not yes and not click.confirm(f"append to {sources_path}?", default=False):
        echo("not added")
        return
    today = datetime.now(UTC).date().isoformat()
    append_source(sources_path, entry, f"added by `advisory-bot sources add {url}` on {today}")
    echo(f"added {entry['name']} to {sources_path}")


COMMANDS = [sources]

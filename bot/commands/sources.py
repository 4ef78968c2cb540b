"""`advisory-bot sources ...`: operators' commands for the source list: check, schema, test (add, retry: apart)."""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

import click

from bot.commands.common import DEFAULT_SOURCES, exits_on_errors, routes_option, sources_option
from bot.commands.source_add import add
from bot.commands.source_retry import retry
from bot.config.sources import load_sources, load_sources_file, resolve, warnings
from bot.errors import ConfigError
from bot.terminal import echo


@click.group()
def sources() -> None:
    """Check, test, add sources and retry failing ones."""


sources.add_command(add)
sources.add_command(retry)


@sources.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_SOURCES)
@exits_on_errors
def check(file: Path) -> None:
    """Validate FILE (default ./sources.yaml) exactly as `run` does at start-up; exit 2 if invalid."""
    written = load_sources_file(file)
    loaded = resolve(written)
    by_type: dict[str, int] = {}
    for source in loaded:
        by_type[source.type] = by_type.get(source.type, 0) + 1
    kinds = ", ".join(f"{n} {t}" for t, n in sorted(by_type.items()))
    disabled = sum(not s.enabled for s in loaded)
    echo(f"{file}: ok, {len(loaded)} sources ({kinds}){f', {disabled} disabled' if disabled else ''}")
    for warning in warnings(written):
        echo(f"{file}: warning: {warning}")


@sources.command()
@click.option("--write", is_flag=True, help="Regenerate the shipped docs/sources.schema.json instead of printing.")
def schema(write: bool) -> None:
    """Print the JSON Schema of sources.yaml (generated from the schema `sources check` validates with)."""
    from bot.config.schema import SCHEMA_PATH, schema_text

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

    A source with `fulltext: true` or `auto` also gets the article pages of the shown items, as the run would read
    them, and each item says whether its page was read.

    Exit 0 without problems, 1 when problems were found or the fetch failed, 2 on configuration errors.
    """
    from bot.delivery.route import Router
    from bot.fetch.probe import probe, read_pages, verdicts
    from bot.run.assemble import actor_resolver, routes_config

    by_name = {s.name: s for s in load_sources(sources_path)}
    if name not in by_name:
        raise ConfigError(f"sources: no source named {name!r} in {sources_path} (known: {', '.join(sorted(by_name))})")
    router = Router(routes_config(routes_path, os.environ), actor_resolver())
    found = probe(by_name[name], page)
    items, pages = list(found.items[:limit]), None
    if found.source.fulltext and items:  # the article pages, as the run would read them
        items, pages = read_pages(found.source, items)
    shown = verdicts(items, router, datetime.now(UTC))
    if as_json:
        echo(json.dumps(_probe_json(found, shown, page, pages), indent=2, ensure_ascii=False))
    else:
        _print_probe(found, shown, page, pages)
    if found.problems:
        sys.exit(1)


def _print_probe(found, shown, page: Path | None, pages: list[str] | None = None) -> None:
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
        if pages is not None:
            echo(f"     page: {pages[n - 1]} (fulltext: {str(s.fulltext).lower()})")
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


def _probe_json(found, shown, page: Path | None, pages: list[str] | None = None) -> dict:
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
                "page": pages[n] if pages is not None else None,
                "dprk_cyber": v.tags.dprk_cyber,
                "score": round(v.tags.score, 3),
                "actors": list(v.tags.actors),
                "sectors": list(v.tags.sectors),
                "routes": [
                    {"notifier": t.notifier, "channel": t.channel, "route": t.route, "mode": t.mode} for t in v.targets
                ],
            }
            for n, v in enumerate(shown)
        ],
        "problems": [{"kind": p.kind, "count": p.count, "message": p.message} for p in found.problems],
        "ok": not found.problems,
    }


from bot.commands.sources_verify import verify  # noqa: E402  (its own module: this one is long enough)

sources.add_command(verify)
COMMANDS = [sources]

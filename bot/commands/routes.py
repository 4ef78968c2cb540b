"""`advisory-bot routes ...`: check routes.yaml, and show where an item would go and why."""

from __future__ import annotations

import os
from pathlib import Path

import click

from bot.commands.common import db_option, exits_on_errors, require_archive, routes_option
from bot.delivery.route import Router
from bot.errors import AdvisoryBotError
from bot.records import Item
from bot.run.assemble import actor_resolver, routes_config
from bot.run.runtime import utcnow
from bot.terminal import echo


@click.group()
def routes() -> None:
    """Check the routing configuration and test it on items."""


@routes.command()
@routes_option
@exits_on_errors
def check(routes_path: Path | None) -> None:
    """Validate the routes file (as `run` does at start-up); exit 2 if invalid."""
    config = routes_config(routes_path, os.environ)
    where = routes_path or ("routes.yaml" if Path("routes.yaml").exists() else "built-in default")
    echo(
        f"{where}: ok, {len(config.notifiers)} notifiers, {len(config.routes)} routes"
        + (f", ops to {', '.join(config.ops.to)}" if config.ops else "")
    )


@routes.command(name="test")
@click.argument("item_id", required=False)
@click.option("--text", help="Tag this text instead of an archived item.")
@click.option("--title", default="", help="With --text: the title.")
@click.option("--source", default="test", show_default=True, help="With --text: the source name.")
@click.option("--language", default="en", show_default=True, help="With --text: the language.")
@routes_option
@db_option
@exits_on_errors
def test_cmd(item_id, text, title, source, language, routes_path: Path | None, db_path: Path) -> None:
    """Print where ITEM_ID (or --text) would be sent, and why each route takes it or not."""
    if (item_id is None) == (text is None):
        raise click.UsageError("give an ITEM_ID or --text, not both")
    if text is not None:
        from bot.tagging import get_tagger

        item = Item(source=source, id="(text)", url="", title=title, published=None, text=text, language=language)
        tags = get_tagger().tag(title, text, language)
    else:
        from storage import open_archive
        from storage.items import load_tagged

        require_archive(db_path)
        tagged = load_tagged(open_archive(db_path), item_id)
        if tagged is None:
            raise AdvisoryBotError(f"routes: no item {item_id!r} in {db_path}")
        item, tags = tagged.item, tagged.tags
    config = routes_config(routes_path, os.environ)
    router = Router(config, actor_resolver())
    echo(f"item: {item.title or item.text[:80]!r}  source={item.source} language={item.language}")
    echo(
        f"tags: dprk_cyber={str(tags.dprk_cyber).lower()} score={tags.score:.2f} "
        f"actors={list(tags.actors)} sectors={list(tags.sectors)}"
    )
    for name, why_not in router.explain(item, tags):
        echo(f"  {'take' if why_not is None else 'skip'}  {name}" + (f": {why_not}" if why_not else ""))
    targets = router.targets(item, tags, utcnow())
    if not targets:
        echo("-> nowhere")
    for t in targets:
        due = f", digest due {t.due_at.isoformat(timespec='minutes')}" if t.due_at else ""
        echo(f"-> {t.notifier} ({t.channel}) via {t.route}, {t.mode}{due}")


COMMANDS = [routes]

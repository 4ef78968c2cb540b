"""`advisory-bot stories`: stories (one event, many reports) with their sources and why each item joined."""

from __future__ import annotations

import json
from pathlib import Path

import click

from bot.commands.common import db_option, exits_on_errors, require_archive
from bot.commands.when import DATE
from bot.terminal import echo
from storage import open_archive
from storage.story_queries import list_stories, members


@click.command()
@click.option("--since", type=DATE, help="Stories with news on or after this date (2026-11-01, 7d, yesterday ...).")
@click.option("--actor", help="Stories naming this actor (canonical name or alias).")
@click.option("--min-items", default=1, show_default=True, help="Only stories with at least this many items.")
@click.option("--members", "with_members", is_flag=True, help="List each story's items and why they joined.")
@click.option("--limit", default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per story.")
@db_option
@exits_on_errors
def stories(since, actor, min_items, with_members, limit, as_json, db_path: Path) -> None:
    """List stories, newest news first: items, sources, actors, and the first report."""
    require_archive(db_path)
    db = open_archive(db_path)
    if actor:
        from bot.commands.filters import resolve_actors

        (actor,) = resolve_actors([actor], strict=True)
    for story in list_stories(db, since=since, actor=actor, min_items=min_items, limit=limit):
        parts = members(db, story["id"]) if with_members or as_json else []
        if as_json:
            echo(json.dumps({**story, "members": parts}, ensure_ascii=False))
            continue
        actors = ", ".join(story["actors"]) or "-"
        echo(
            f"#{story['id']}  {story['last_seen'][:10]}  {story['items_count']} item(s), "
            f"{story['sources_count']} source(s)  [{actors}]\n    {story['title']}\n    {story['first_url']}"
        )
        for m in parts:
            echo(f"      {m['rule']:<15} {m['score']:.2f}  {m['source']}: {m['title'][:90]}  ({m['reason']})")


COMMANDS = [stories]

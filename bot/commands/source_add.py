"""`advisory-bot sources add URL`: find the feed of a page (or take the feed), test it, append it to sources.yaml."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import click
from pydantic import TypeAdapter, ValidationError

from bot.commands.common import exits_on_errors, sources_option
from bot.config import sources as config
from bot.config.sources import SourceBase, SourcesFileBase, load_sources_file, parse_duration
from bot.errors import AdvisoryBotError, ConfigError, FetchError
from bot.terminal import echo


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
        field = SourceBase.model_fields["name"]
        try:
            TypeAdapter(Annotated[field.annotation, *field.metadata]).validate_python(value)
        except ValidationError as exc:
            raise click.BadParameter(exc.errors()[0]["msg"].removeprefix("Value error, ")) from None
    return value


@click.command()
@click.argument("url")
@click.option("--name", callback=_name, help="Source name (kebab-case; default: the feed's title, else its host).")
@sources_option
@click.option("--language", help="The feed's language (default: defaults.language).")
@click.option("--every", callback=_duration, help="Fetch interval, e.g. 30m (default: defaults.every).")
@click.option("--allow-private", is_flag=True, help="Allow a private or loopback address (intranet feeds, tests).")
@click.option(
    "--fulltext",
    type=click.Choice(["auto", "true"]),
    help="Write `fulltext:` (auto: read the article page where the summary leaves the tagger undecided).",
)
@click.option("--yes", "-y", is_flag=True, help="Append without asking.")
@exits_on_errors
def add(
    url: str,
    name: str | None,
    sources_path: Path,
    language: str | None,
    every: str | None,
    allow_private: bool,
    fulltext: str | None,
    yes: bool,
) -> None:
    """Find the feed of URL (the URL itself, or a page's <link rel="alternate">), test it, append it to --sources.

    Writes `allow_private: true` with --allow-private (needed for feeds on a private or loopback address) and
    `fulltext:` with --fulltext; a feed whose items mostly carry short summaries gets a hint to use it. A URL
    already in the file is refused; the name defaults to the feed's title (else the site's host).
    """
    from bot.config.sources import Source
    from bot.config.sources_edit import append_source, entry_text
    from bot.fetch.discover import JSON_FEED_FIELDS, Feed, alternates, feed_kind, feed_title, name_for
    from bot.fetch.fulltext import SHORT_TEXT
    from bot.fetch.probe import fetch_now, probe

    written = load_sources_file(sources_path)
    taken = {s.name for s in written.sources}
    if name is not None and name in taken:
        raise click.BadParameter(f"{name!r} is already in {sources_path}", param_hint="--name")
    _refuse_known(url, written, sources_path)
    d = written.defaults
    page = Source(
        name=name or "new-source", type="html", url=url, every=d.every, timeout=d.timeout, max_bytes=d.max_bytes,
        language=language or d.language, enabled=True, selectors=None, fields=None, allow_private=allow_private,
    )  # fmt: skip
    try:
        result = fetch_now(page)
    except FetchError as exc:
        raise FetchError(_cli_words(str(exc)), kind=exc.kind) from None
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
        _refuse_known(feed.url, written, sources_path)
    entry: dict = {"name": name or name_for(url, taken), "type": feed.type, "url": feed.url}
    entry |= {"every": every} if every else {}
    entry |= {"language": language} if language else {}
    entry |= {"allow_private": True} if allow_private else {}
    entry |= {"fields": dict(JSON_FEED_FIELDS)} if feed.type == "json" else {}
    entry |= {"fulltext": "auto" if fulltext == "auto" else True} if fulltext else {}
    try:
        checked = TypeAdapter(config.SourceConfig).validate_python(entry)
    except ValidationError as exc:  # e.g. a discovered link with spaces or control characters
        problem = exc.errors()[0]["msg"].removeprefix("Value error, ")
        raise AdvisoryBotError(f"add: {feed.url}: {problem}; not added") from None
    source = Source.resolved(checked, d.every, d.timeout, d.max_bytes, d.language)
    tested = probe(source)
    fatal = [p.message for p in tested.problems if p.fatal]
    if fatal or not tested.items:
        problem = _cli_words(fatal[0]) if fatal else "the feed has no items"
        raise AdvisoryBotError(f"add: {feed.url}: {problem}; not added")
    if name is None:  # the feed's own title names it better than its host (an IP address names nothing)
        entry["name"] = name_for(feed.url, taken, feed_title(tested.result, feed.type) or feed.title)
    echo(f"tested: {len(tested.items)} items")
    for p in tested.problems:
        echo(f"  warning: {p.message}")
    short = sum(len(i.text) < SHORT_TEXT for i in tested.items)
    if not fulltext and short * 2 > len(tested.items):  # a headline-and-a-line feed: the page may decide
        echo(
            f"  hint: {short} of {len(tested.items)} items carry a summary under {SHORT_TEXT} characters; "
            "--fulltext auto reads the article page where the summary leaves the tagger undecided (docs/sources.md)"
        )
    text = sources_path.read_text(encoding="utf-8")
    echo(entry_text(entry, text), nl=False)
    if not yes and not click.confirm(f"append to {sources_path}?", default=False):
        echo("not added")
        return
    today = datetime.now(UTC).date().isoformat()
    append_source(sources_path, entry, f"added by `advisory-bot sources add {url}` on {today}")
    echo(f"added {entry['name']} to {sources_path}")


def _refuse_known(url: str, written: SourcesFileBase, sources_path: Path) -> None:
    """A URL the file has already is a usage mistake (exit 2): the source would be fetched twice."""
    from bot.fetch.discover import same_url

    for source in written.sources:
        if same_url(url, source.url):
            raise ConfigError(f"add: {url} is already in {sources_path} as source {source.name!r}; not added")


def _cli_words(message: str) -> str:
    """The address guard speaks sources.yaml (`allow_private: true`); here the user types an option."""
    return message.replace("set allow_private: true to permit", "add --allow-private to permit")

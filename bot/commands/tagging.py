"""CLI commands of the tagger: tag, eval, kb (show, check, build). Exit codes are decided here."""

from __future__ import annotations

import json
import sys
from itertools import islice
from pathlib import Path

import click

from bot.terminal import echo

JSONL_CHUNK = 256
LANGUAGES = {None, "en", "ko", "ja"}


def _dump(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _parse_line(number: int, line: str) -> tuple[str, str, str, str | None]:
    """(id, title, text, language) of one --jsonl line; raises click.UsageError-like errors."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"line {number}: invalid JSON ({exc.msg})") from None
    if not isinstance(obj, dict):
        raise ValueError(f"line {number}: expected a JSON object")
    missing = [k for k in ("id", "title", "text") if k not in obj]
    if missing:
        raise ValueError(f"line {number}: missing {', '.join(missing)}")
    if not isinstance(obj["title"], str) or not isinstance(obj["text"], str):
        raise ValueError(f"line {number}: title and text must be strings")
    language = obj.get("language")
    if language not in LANGUAGES:
        raise ValueError(f"line {number}: language must be en, ko, ja or null, not {language!r}")
    return str(obj["id"]), obj["title"], obj["text"], language


@click.command()
@click.option(
    "--jsonl",
    "jsonl",
    type=click.File("r", encoding="utf-8"),
    default=None,
    help='Read {"id","title","text","language"?} objects, one per line ("-" = stdin).',
)
def tag(jsonl) -> None:
    """Tag text and print the tag-contract JSON object.

    Without --jsonl: reads one text on stdin, first line = title, the rest = text, and prints one object
    with id "stdin". With --jsonl FILE: writes one object per input line, in input order. A malformed line
    stops the run with an error on stderr naming the line number, exit code 2; lines before it are written.
    Blank lines are skipped.
    """
    from bot.tagging import get_tagger

    tagger = get_tagger()
    if jsonl is None:
        title, _, text = sys.stdin.read().partition("\n")
        echo(_dump(tagger.tag(title, text).to_contract("stdin")))
        return
    numbered = ((n, line) for n, line in enumerate(jsonl, start=1) if line.strip())
    while chunk := list(islice(numbered, JSONL_CHUNK)):
        parsed, error = [], None
        for number, line in chunk:
            try:
                parsed.append(_parse_line(number, line))
            except ValueError as exc:
                error = str(exc)
                break
        results = tagger.tag_many([(title, text, lang) for _, title, text, lang in parsed])
        for (item_id, *_), tags in zip(parsed, results, strict=True):
            echo(_dump(tags.to_contract(item_id)))
        if error:
            echo(f"tag: {error}", err=True)
            sys.exit(2)


@click.command("eval")
@click.argument("corpus", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@click.option(
    "--view",
    type=click.Choice(["all", "whole", "lead", "headline", "lead+page", "headline+page"]),
    default="all",
    show_default=True,
    help="Which view of each text to score: whole, headline + first 280 characters (lead), headline alone; "
    "lead+page and headline+page read the whole text where the short view leaves the tagger undecided, as "
    "`fulltext: auto` reads the article page.",
)
def eval_cmd(corpus: tuple[Path, ...], as_json: bool, view: str) -> None:
    """Score the tagger on a labelled JSONL corpus (the format of dev.jsonl), or on several pooled.

    Prints precision, recall and F1 for dprk_cyber, dprk_related, actors (micro), sectors (micro) and cves,
    each sector's own scores, then every miss and false alarm with the tagger's evidence. Each record's
    `unscored` labels are skipped. Each text is scored in three views: the whole text, its headline + first 280
    characters (what a feed summary carries) and its headline alone (records without a title are left out); the
    partial views score dprk_cyber and dprk_related. Two more views show what `fulltext: auto` makes of the short
    ones: lead+page and headline+page read the whole text where the short view leaves the tagger undecided (their
    reports say how many pages that reads). --json prints the whole-text report with the views under "views".

    Several corpora (eval A.jsonl B.jsonl ...) are each scored on their own and then pooled: one line per set,
    then the pooled report, each error marked with its set; --json adds each set's scores under "sets".
    """
    from bot.tagging import get_tagger
    from bot.tagging.measure.evaluate import evaluate_views, format_sets, format_views, load_corpus, pooled
    from bot.tagging.measure.views import VIEWS

    names = _set_names(corpus)
    records = {}
    for path, name in zip(corpus, names, strict=True):
        try:
            records[name] = load_corpus(path)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise click.ClickException(f"eval: {path}: {exc}") from None
    views = VIEWS if view == "all" else (view,)
    tagger = get_tagger()
    per_set = {name: evaluate_views(recs, tagger, views) for name, recs in records.items()}
    if len(per_set) == 1:
        reports = per_set[names[0]]
    else:
        reports = {v: pooled([per_set[n][v] for n in names], names) for v in views}
    if as_json:
        first = reports[views[0]].as_dict()
        out = {**first, "view": views[0], "views": {v: r.as_dict() for v, r in reports.items()}}
        if len(per_set) > 1:
            out["sets"] = [
                {"corpus": name, "views": {v: _summary(r.as_dict()) for v, r in per_set[name].items()}}
                for name in names
            ]
        echo(_dump(out))
    elif len(per_set) == 1:
        echo(format_views(reports))
    else:
        echo(f"{format_sets(per_set)}\n\n== pooled over {len(names)} sets ==\n{format_views(reports)}")


def _set_names(paths: tuple[Path, ...]) -> list[str]:
    """Each corpus by its file name, or by its path where two file names are the same."""
    names = [p.name for p in paths]
    return [p.name if names.count(p.name) == 1 else str(p) for p in paths]


def _summary(report: dict) -> dict:
    """A set's report without its errors (the pooled report lists them, each with its set)."""
    return {k: v for k, v in report.items() if k != "errors"}


@click.group()
def kb() -> None:
    """The DPRK actor knowledge base: show an actor, check for conflicts, rebuild it."""


@kb.command("show")
@click.argument("name")
def kb_show(name: str) -> None:
    """Show the actor (or malware) NAME, or any of its aliases, with every alias and where it came from."""
    from bot.tagging.words.kb import load_kb

    base = load_kb()
    canonical = base.resolve(name)
    if canonical is None:
        raise click.ClickException(f"kb: no actor or malware is called {name!r}")
    actor = base.actors.get(canonical)
    if actor is not None:
        echo(f"actor: {actor.name}")
        echo(f"attack_id: {actor.attack_id or '-'}")
        echo(f"parent: {actor.parent or '-'}")
        children = sorted(a.name for a in base.actors.values() if a.parent == actor.name)
        if children:
            echo(f"subgroups: {', '.join(children)}")
        misp = actor.misp
    else:
        echo(f"malware: {canonical}")
        misp = tuple(base.malware[canonical].get("misp", ()))
    echo("misp:")
    for m in misp:
        echo(f"  {m['galaxy']}: {m['value']} {m['uuid']}")
    echo("aliases:")
    for alias in base.aliases_of(canonical):
        flags = [f for f, on in (("ambiguous", alias.ambiguous), ("exact case", bool(alias.exact))) if on]
        note = f" [{', '.join(flags)}]" if flags else ""
        echo(f"  {' / '.join(alias.spellings)}{note}  <- {', '.join(alias.sources)}")


@kb.command("check")
def kb_check() -> None:
    """Report aliases claimed by two actors and other problems; exit 1 if any is unresolved."""
    from bot.tagging.words.kb import load_kb

    base = load_kb()
    for c in base.conflicts:
        claims = "; ".join(f"{actor} ({', '.join(src)})" for actor, src in c["claims"].items())
        status = f"resolved to {c['resolved_to']} by {c['by']}" if c.get("resolved_to") else "UNRESOLVED"
        echo(f"conflict: {c['alias']!r}: {claims} -> {status}")
    for p in base.problems:
        echo(f"problem: {p['kind']}: {p['detail']}")
    unresolved = len(base.unresolved_conflicts()) + len(base.problems)
    echo(f"{len(base.conflicts)} conflicts, {unresolved} unresolved")
    if unresolved:
        sys.exit(1)


@kb.command("build")
def kb_build() -> None:
    """Regenerate data/kb.json from pymispgalaxies and data/overrides.yaml (deterministic, sorted)."""
    from bot.tagging.words import build_kb

    echo(f"kb: wrote {build_kb.main()}")


COMMANDS = [tag, eval_cmd, kb]

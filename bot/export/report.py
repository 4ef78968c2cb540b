"""The weekly report: new stories by actor and sector, top items, the trend chart; HTML (Jinja2) or text."""

from __future__ import annotations

import base64
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

TEMPLATES = Path(__file__).parent / "templates"
TOP_ITEMS = 10


@dataclass(frozen=True)
class Story:
    title: str
    items: int
    actors: tuple[str, ...]
    sectors: tuple[str, ...]
    url: str
    story_id: int | None


@dataclass(frozen=True)
class Week:
    start: str  # YYYY-MM-DD, inclusive
    end: str  # YYYY-MM-DD, exclusive
    stories: tuple[Story, ...]
    by_actor: tuple[tuple[str, int], ...]
    by_sector: tuple[tuple[str, int], ...]
    top_items: tuple[dict, ...]
    chart_png: bytes = field(default=b"", repr=False)


def summarise(items: list[dict], start: str, end: str, chart_png: bytes = b"") -> Week:
    """The week from its news (storage.stats.week_items): a story is new if its earliest report is dated this week
    (an old story's new report is a top item, not a new story)."""
    groups: dict[str, list[dict]] = {}
    for item in items:
        began = item["story_began"] or item["date"]
        if began >= start:
            key = f"story:{item['story_id']}" if item["story_id"] is not None else item["id"]
            groups.setdefault(key, []).append(item)
    stories = []
    for members in groups.values():
        first = members[0]
        stories.append(
            Story(
                title=first["story_title"] or first["title"],
                items=len(members),
                actors=tuple(sorted({a for m in members for a in m["actors"]})),
                sectors=tuple(sorted({s for m in members for s in m["sectors"]})),
                url=first["url"],
                story_id=first["story_id"],
            )
        )
    stories.sort(key=lambda s: (-s.items, s.title))
    by_actor = Counter(a for s in stories for a in s.actors)
    by_sector = Counter(x for s in stories for x in s.sectors)
    top = sorted(items, key=lambda i: (-i["sources_count"], -i["score"], i["date"]))[:TOP_ITEMS]
    return Week(
        start=start,
        end=end,
        stories=tuple(stories),
        by_actor=tuple(sorted(by_actor.items(), key=lambda kv: (-kv[1], kv[0]))),
        by_sector=tuple(sorted(by_sector.items(), key=lambda kv: (-kv[1], kv[0]))),
        top_items=tuple(top),
        chart_png=chart_png,
    )


def html(week: Week) -> str:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]))
    chart = base64.b64encode(week.chart_png).decode("ascii") if week.chart_png else ""
    return env.get_template("weekly.html.j2").render(week=week, chart=chart)


def text(week: Week) -> str:
    lines = [f"DPRK cyber week {week.start} .. {week.end}: {len(week.stories)} new story(ies)", ""]
    lines.append("new stories by actor:  " + (", ".join(f"{k} {n}" for k, n in week.by_actor) or "-"))
    lines.append("new stories by sector: " + (", ".join(f"{k} {n}" for k, n in week.by_sector) or "-"))
    lines += ["", "stories:"]
    lines += [f"  {s.items:>3}  {s.title}  [{', '.join(s.actors) or '-'}]" for s in week.stories] or ["  -"]
    lines += ["", "top items:"]
    lines += [
        f"  {i['date'][:10]}  {i['title']}  ({i['sources_count']} source(s))  {i['url']}".rstrip()
        for i in week.top_items
    ] or ["  -"]
    return "\n".join(lines)

"""One item as readable text for the terminal (`advisory-bot show`): header, tags, evidence, sources, story, alerts."""

from __future__ import annotations

import textwrap

from storage.items import TAG_KINDS

TEXT_CHARS = 1200


def _section(title: str, lines: list[str]) -> list[str]:
    return [f"{title}:", *(f"  {line}" for line in lines)] if lines else [f"{title}: -"]


def render_item(item: dict) -> str:
    verdict = "DPRK cyber" if item["dprk_cyber"] else ("DPRK related" if item["dprk_related"] else "not DPRK")
    lines = [
        item["title"] or "(no title)",
        f"id:        {item['id']}",
        f"url:       {item['url'] or '(no link)'}",
        f"published: {item['published'] or '-'}    first seen: {item['first_seen']}    language: {item['language']}",
        f"verdict:   {verdict} (score {item['score']:.2f}), tagged {item['tagged_at'] or '-'}",
        "",
    ]
    text = item["text"] or ""
    body = text[:TEXT_CHARS] + ("..." if len(text) > TEXT_CHARS else "")
    lines += [textwrap.fill(body, 100) if body else "(no text)", ""]
    lines += _section("tags", [f"{kind:<11} {', '.join(item[kind])}" for kind in TAG_KINDS if item[kind]])
    lines += _section(
        "evidence",
        [f"{e['label']:<9} {e['value']:<22} {e['text']!r} @{e['start']}-{e['end']}" for e in item["evidence"]],
    )
    lines += _section(
        "sources", [f"{s['seen_at'][:19]}  {s['source']}  {s['url'] or ''}".rstrip() for s in item["sources"]]
    )
    story = item["story"]
    if story is None:
        lines.append("story: - (not clustered)")
    else:
        head = (
            f"story #{story['id']}: {story['title']} ({story['items_count']} items, {story['sources_count']} sources,"
            f" {story['first_seen'][:10]} .. {story['last_seen'][:10]})"
        )
        members = [
            f"{'*' if m['item_id'] == item['id'] else ' '} {m['item_id']}  {m['source']}"
            f"  [{m['rule']} {m['score']:.2f}] {m['title']}"
            for m in story["members"]
        ]
        lines += _section(head, members)
    lines += _section(
        "alerts",
        [
            f"#{a['id']} {a['kind']} -> {a['notifier']}:{a['channel']}  {a['status']}"
            f" (attempts {a['attempts']}, created {a['created_at'][:19]}"
            + (f", sent {a['sent_at'][:19]}" if a["sent_at"] else "")
            + ")"
            + (f"  last error: {a['last_error']}" if a["last_error"] else "")
            for a in item["alerts"]
        ],
    )
    return "\n".join(lines)

"""Group due outbox rows into posts: one alert, one digest per window, a burst, follow-ups per thread, ops events.

Rules: rows that already carry a batch key (a post that was under way when the process died) form that
same post again; more immediate alerts for one channel than the burst threshold become one burst (a
summary plus thread parts), never a flood; posts go out in the order of their oldest row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = {"a": "alert", "d": "digest", "b": "burst", "f": "followup", "o": "ops"}


@dataclass
class Post:
    key: str  # batch key: its first letter is the kind, then the id of its oldest row
    notifier: str
    channel: str
    rows: list[dict] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return KINDS[self.key[0]]

    @property
    def channel_key(self) -> tuple[str, str]:
        return (self.notifier, self.channel)

    @property
    def ids(self) -> list[int]:
        return [row["id"] for row in self.rows]


def plan(rows: list[dict], burst_threshold: int) -> list[Post]:
    posts: dict[str, Post] = {}
    fresh: dict[tuple, list[dict]] = {}
    for row in rows:
        if row["batch_key"]:
            posts.setdefault(row["batch_key"], Post(row["batch_key"], row["notifier"], row["channel"])).rows.append(row)
            continue
        where = (row["notifier"], row["channel"])
        if row["kind"] == "ops":
            group = ("o", *where, row["id"])
        elif row["kind"] == "followup":
            group = ("f", *where, row["parent_id"])
        elif row["mode"] == "digest":
            group = ("d", *where, row["route"], row["due_at"])
        else:
            group = ("a", *where)
        fresh.setdefault(group, []).append(row)
    for group, members in fresh.items():
        letter, notifier, channel = group[0], group[1], group[2]
        if letter == "a" and len(members) <= burst_threshold:
            for row in members:
                posts[f"a{row['id']}"] = Post(f"a{row['id']}", notifier, channel, [row])
            continue
        if letter == "a":
            letter = "b"
        key = f"{letter}{members[0]['id']}"
        posts[key] = Post(key, notifier, channel, members)
    return sorted(posts.values(), key=lambda p: min(p.ids))

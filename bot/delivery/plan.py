"""Group due outbox rows into posts: one alert, one digest per window, a burst, follow-ups per thread, ops events.

Rules: rows that already carry a batch key (a post that was under way when the process died) form that
same post again, of the kind stored with the key (`batch_kind`); more immediate alerts for one channel than
the burst threshold become one burst (a summary plus thread parts), never a flood; posts go out in the order
of their oldest row. A fresh row's post kind comes from its outbox `kind` and `mode` columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# the letter that starts a post's key: keys stay distinct across kinds and readable in Slack's metadata;
# nothing reads the kind back from a key
LETTERS = {"alert": "a", "digest": "d", "burst": "b", "followup": "f", "ops": "o"}


@dataclass
class Post:
    key: str  # batch key: the kind's letter, then the id of its oldest row (the key in the chat's metadata)
    kind: str  # alert | digest | burst | followup | ops
    notifier: str
    channel: str
    rows: list[dict] = field(default_factory=list)

    @property
    def channel_key(self) -> tuple[str, str]:
        return (self.notifier, self.channel)

    @property
    def ids(self) -> list[int]:
        return [row["id"] for row in self.rows]


def row_kind(row: dict) -> str:
    """The kind of post a fresh outbox row goes out in (a burst is decided by the count, in `plan`)."""
    if row["kind"] in ("ops", "followup"):
        return row["kind"]
    return "digest" if row["mode"] == "digest" else "alert"


def plan(rows: list[dict], burst_threshold: int) -> list[Post]:
    posts: dict[str, Post] = {}
    fresh: dict[tuple, list[dict]] = {}
    for row in rows:
        if row["batch_key"]:
            kind = row["batch_kind"]  # written with the key (storage.outbox.mark_sending; archive v8 for older rows)
            posts.setdefault(row["batch_key"], Post(row["batch_key"], kind, row["notifier"], row["channel"]))
            posts[row["batch_key"]].rows.append(row)
            continue
        kind = row_kind(row)
        where = (row["notifier"], row["channel"])
        if kind == "ops":
            group = (kind, *where, row["id"])
        elif kind == "followup":
            group = (kind, *where, row["parent_id"])
        elif kind == "digest":
            group = (kind, *where, row["route"], row["due_at"])
        else:
            group = (kind, *where)
        fresh.setdefault(group, []).append(row)
    for group, members in fresh.items():
        kind, notifier, channel = group[0], group[1], group[2]
        if kind == "alert" and len(members) <= burst_threshold:
            for row in members:
                key = f"{LETTERS[kind]}{row['id']}"
                posts[key] = Post(key, kind, notifier, channel, [row])
            continue
        if kind == "alert":
            kind = "burst"
        key = f"{LETTERS[kind]}{members[0]['id']}"
        posts[key] = Post(key, kind, notifier, channel, members)
    return sorted(posts.values(), key=lambda p: min(p.ids))

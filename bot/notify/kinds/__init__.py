"""Notifier types, declared once: one small module per type holds its routes.yaml model and builds its notifier.

The extension point: a kind is anything with a `CONFIG` model (a bot.config.routes.NotifierBase whose `type` is
`Literal[...]` of the names it answers to), its `NOTIFIER` class path and `build(cfg, env, stream) -> Notifier`.
Adding a notifier type is its notifier module, one kind module here and one `register` line below; that entry
drives the config (bot.config.routes builds the `notifiers:` union from KINDS), bot.notify.build_notifiers and
routing (bot.notify.notifier_class). Kind modules stay light: a service's library (slack_sdk, apprise) is
imported by `build` or when the class is asked for, never when routes.yaml is read.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol, TextIO

from bot.config.tagged import file_under
from bot.notify.kinds import apprise, console, slack, webhook

if TYPE_CHECKING:
    from bot.config.routes import NotifierBase
    from bot.notify import Notifier


class Kind(Protocol):
    """One notifier type: its configuration and its factory."""

    CONFIG: type[NotifierBase]  # the model of its routes.yaml entry; its `type` Literal gives the registry keys
    NOTIFIER: str  # "module:Class" of its notifier (the class says where it posts: Notifier.destination)

    def build(self, cfg: NotifierBase, env: Mapping[str, str], stream: TextIO | None) -> Notifier:
        """The notifier `cfg` describes; a missing secret in `env` is a ConfigError now, not at the first send."""
        ...


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    """File `kind` under the tag(s) of its CONFIG model; a tag already taken is a programming error."""
    return file_under(KINDS, kind, kind.CONFIG, "notifier type")


register(slack)
register(console)
register(webhook)
register(apprise)

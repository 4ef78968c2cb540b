"""Build the Runtime from the configuration files and the environment, validating everything before start.

Rules: sources.yaml and routes.yaml are validated first (ConfigError, exit 2, nothing started); without
a routes.yaml the built-in rule applies (DPRK cyber items to Slack, or the console without a token);
secrets come only from the environment variables the configuration names.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from bot.config.routes import RoutesFile, default_routes_file, load_routes
from bot.config.sources import Fetching
from bot.delivery.route import Router, channel_of
from bot.errors import ConfigError
from bot.fetch.politeness import HostGate
from bot.run.health import Ops
from bot.run.runtime import Routing, Runtime

DEFAULT_ROUTES = Path("routes.yaml")


def routes_config(path: Path | None, env: Mapping[str, str]) -> RoutesFile:
    """The routes file at `path`; with no path, ./routes.yaml when present, else the built-in default."""
    if path is not None:
        if not path.exists():
            raise ConfigError(f"config: cannot read {path}: no such file")
        return load_routes(path)
    if DEFAULT_ROUTES.exists():
        return load_routes(DEFAULT_ROUTES)
    return default_routes_file(env)


def actor_resolver():
    from bot.tagging.words.kb import load_kb

    kb = load_kb()
    return lambda name: kb.resolve(name) or name


def story_keeper():
    """Story assignment that knows actor families: APT38, Andariel, TraderTraitor ... belong to Lazarus Group."""
    from bot.stories.assign import Keeper
    from bot.tagging.words.kb import load_kb

    kb = load_kb()

    def root(name: str) -> str:
        seen = set()
        while name in kb.actors and kb.actors[name].parent and name not in seen:
            seen.add(name)
            name = kb.actors[name].parent
        return name

    families: dict[str, set[str]] = {}
    for name in kb.actors:
        families.setdefault(root(name), set()).add(name)
    return Keeper(family=root, members=lambda family: families.get(family, {family}))


def story_encoder(env: Mapping[str, str] = os.environ):
    """The story encoder's service (its process starts on the first DPRK item), or None when switched off."""
    from bot.stories.encode_process import EncoderService
    from bot.stories.encoder import ENCODERS, ENV, chosen, known

    choice = chosen(env)
    if choice is None:
        return None
    if not known(choice[0]):
        raise ConfigError(f"config: {ENV}={choice[0]!r} is not an encoder (one of: {', '.join(ENCODERS)}, none)")
    return EncoderService(*choice)


class LazyTagger:
    """The process's tagger, built on first use: a cycle where every source answers 304 never loads spaCy."""

    def tag_many(self, items):
        from bot.tagging import get_tagger

        return get_tagger().tag_many(items)


def routing(routes_path: Path | None, env: Mapping[str, str] = os.environ, stream=None) -> Routing:
    from bot.notify import build_notifiers

    config = routes_config(routes_path, env)
    notifiers = build_notifiers(config, env, stream)
    by_name = {n.name: n for n in config.notifiers}
    ops = None
    if config.ops is not None:
        ops = Ops(tuple((name, channel_of(by_name[name])) for name in config.ops.to), config.ops.failures)
    return Routing(Router(config, actor_resolver()).targets, notifiers, config.delivery, ops)


def apply_routing(rt: Runtime, new: Routing) -> None:
    rt.routing = new  # one assignment: a reader sees the old routing or the new one, never a mix


def build(
    db_path: Path,
    routes_path: Path | None = None,
    env: Mapping[str, str] = os.environ,
    stream=None,
    with_tagger: bool = True,
    fetching: Fetching | None = None,
) -> Runtime:
    """A Runtime ready to run: notifiers, routes, ops, tagger, and the archive opened (created or migrated)."""
    fetching = fetching or Fetching()
    tagger = LazyTagger() if with_tagger else None
    rt = Runtime(
        db_path=db_path,
        tagger=tagger,
        routes=None,
        notifiers={},
        stories=story_keeper(),
        encoder=story_encoder(env) if with_tagger else None,
        gate=HostGate(fetching.per_host_concurrency, fetching.per_host_interval),
    )
    apply_routing(rt, routing(routes_path, env, stream))
    rt.db()  # create or migrate the archive now, in the main thread
    return rt

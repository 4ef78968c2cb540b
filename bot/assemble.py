"""Build the Runtime from the configuration files and the environment, validating everything before start.

Rules: sources.yaml and routes.yaml are validated first (ConfigError, exit 2, nothing started); without
a routes.yaml the built-in rule applies (DPRK cyber items to Slack, or the console without a token);
secrets come only from the environment variables the configuration names.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from bot.errors import ConfigError
from bot.ops import Ops
from bot.route import Router, channel_of
from bot.routes_config import RoutesFile, default_routes_file, load_routes
from bot.runtime import Runtime

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
    from bot.tagging.kb import load_kb

    kb = load_kb()
    return lambda name: kb.resolve(name) or name


def story_keeper():
    """Story assignment that knows actor families: APT38, Andariel, TraderTraitor ... belong to Lazarus Group."""
    from bot.tagging.kb import load_kb
    from storage.stories import Keeper

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


def build(
    db_path: Path,
    routes_path: Path | None = None,
    env: Mapping[str, str] = os.environ,
    stream=None,
    with_tagger: bool = True,
) -> Runtime:
    """A Runtime ready to run: notifiers, routes, ops, tagger, and the archive opened (created or migrated)."""
    from bot.notify import build_notifiers

    config = routes_config(routes_path, env)
    notifiers = build_notifiers(config, env, stream)
    by_name = {n.name: n for n in config.notifiers}
    ops = None
    if config.ops is not None:
        ops = Ops(tuple((name, channel_of(by_name[name])) for name in config.ops.to), config.ops.failures)
    tagger = None
    if with_tagger:
        from bot.tagging import get_tagger

        tagger = get_tagger()
    rt = Runtime(
        db_path=db_path,
        tagger=tagger,
        routes=Router(config, actor_resolver()).targets,
        notifiers=notifiers,
        delivery=config.delivery,
        ops=ops,
        stories=story_keeper(),
    )
    rt.db()  # create or migrate the archive now, in the main thread
    return rt

"""routes.yaml: which notifiers exist and which items go to which of them (declared once, validated at start).

Secrets never live in this file: a notifier names the environment variable that holds its token or URL.
With no routes.yaml, the default is one route: DPRK cyber items to Slack when SLACK_BOT_TOKEN is set,
else to the console. A notifier type is declared once, by its module in bot.notify.kinds (its model, registered
in KINDS): `notifiers:` is the tagged union of the registered models, built when first used (that import is
what keeps this module free of a cycle with bot.notify) and again when the registry changes, so `RoutesFile`
and `NotifierConfig` are read from this module (`bot.config.routes.RoutesFile`), never stored.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, Field, model_validator

from bot.config.tagged import file_model
from bot.config.values import Kebab, parse_duration
from bot.config.yamlfile import StrictModel, load_model
from bot.errors import ConfigError


def _time_of_day(value: str) -> str:
    if not re.match(r"^([01]\d|2[0-3]):[0-5]\d$", value):
        raise ValueError("must be HH:MM (24-hour)")
    return value


def _timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {value!r} (use an IANA name such as Asia/Seoul)") from None
    return value


class NotifierBase(StrictModel):
    """A chat service to deliver to; each type (bot.notify.kinds) narrows `type` to its tag and adds its keys."""

    name: Kebab = Field(description="unique, kebab-case; routes refer to it")
    type: str = Field(description="the notifier type; each type narrows it to its tag")


class Match(StrictModel):
    """What an item must have for a route to take it; lists mean any of."""

    dprk_cyber: bool | None = Field(True, description="true: only DPRK cyber items (default); null: any")
    dprk_related: bool | None = Field(None, description="true: only items about North Korea at all")
    actors: list[str] = Field(default_factory=list, description="canonical actor names or aliases, any of")
    sectors: list[str] = Field(default_factory=list, description="sector names, any of")
    sources: list[str] = Field(default_factory=list, description="source names, any of")
    languages: list[str] = Field(default_factory=list, description="en, ko, ja ..., any of")
    min_score: float = Field(0.0, ge=0, le=1, description="lowest tagger score accepted")


class Digest(StrictModel):
    """When a digest route posts: each hour, or each day at a local time."""

    every: Literal["hourly", "daily"] = Field("daily", description="hourly | daily")
    at: Annotated[str, AfterValidator(_time_of_day)] = Field("08:00", description="daily: local time HH:MM")
    timezone: Annotated[str, AfterValidator(_timezone)] = Field("UTC", description="IANA time zone of `at`")


class RouteConfig(StrictModel):
    """Send matching items to notifiers, at once or in a digest."""

    name: Kebab = Field(description="unique, kebab-case")
    to: list[str] = Field(min_length=1, description="notifier names")
    match: Match = Field(default_factory=Match, description="conditions, all of which must hold")
    mode: Literal["immediate", "digest"] = Field("immediate", description="immediate | digest")
    digest: Digest | None = Field(None, description="digest schedule (mode digest)")

    @model_validator(mode="after")
    def _digest(self) -> RouteConfig:
        if self.mode == "immediate" and self.digest is not None:
            raise ValueError("digest: only for mode digest")
        return self


class OpsConfig(StrictModel):
    """Where source-health events go (never mixed with intelligence alerts)."""

    to: list[str] = Field(min_length=1, description="notifier names")
    failures: int = Field(3, ge=1, description="consecutive failures of a source before it is reported")


class DeliveryConfig(StrictModel):
    """Pacing of posts."""

    burst_threshold: int = Field(
        20,
        ge=2,
        description="more immediate alerts than this for one channel in one "
        "round become one summary message with the items in its thread",
    )
    min_interval: Annotated[str | int | float, AfterValidator(parse_duration)] = Field(
        "1s", description="least time between two posts to one channel (Slack allows about 1/s)"
    )


class RoutesFileBase(StrictModel):
    """The whole routes.yaml; `notifiers:` holds the registered notifier types (routes_file_model)."""

    notifiers: list[NotifierBase] = Field(min_length=1, description="chat services")
    routes: list[RouteConfig] = Field(min_length=1, description="which items go where")
    ops: OpsConfig | None = Field(None, description="source-health events")
    delivery: DeliveryConfig = Field(default_factory=DeliveryConfig, description="pacing")

    @model_validator(mode="after")
    def _references(self) -> RoutesFileBase:
        names = [n.name for n in self.notifiers]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ValueError(f"duplicate notifier name {duplicates[0]!r}")
        routes = [r.name for r in self.routes]
        if len(set(routes)) != len(routes):
            raise ValueError("duplicate route name")
        for route in self.routes:
            for target in route.to:
                if target not in names:
                    raise ValueError(f"route {route.name!r}: unknown notifier {target!r}")
        for target in self.ops.to if self.ops else ():
            if target not in names:
                raise ValueError(f"ops: unknown notifier {target!r}")
        return self


_NOTIFIERS_FIELD = Field(min_length=1, description="chat services")


def _current() -> tuple[object, type[RoutesFileBase]]:
    from bot.notify.kinds import KINDS

    members = tuple(kind.CONFIG for kind in KINDS.values())
    return file_model(RoutesFileBase, "RoutesFile", "The whole routes.yaml.", "notifiers", members, _NOTIFIERS_FIELD)


def routes_file_model() -> type[RoutesFileBase]:
    """The model of the whole file, for the notifier types registered now."""
    return _current()[1]


def __getattr__(name: str):
    if name == "RoutesFile":  # the model of routes.yaml
        return _current()[1]
    if name == "NotifierConfig":  # one entry: Annotated[SlackConfig | ..., Field(discriminator="type")]
        return _current()[0]
    if name == "NOTIFIER_TYPES":  # the registered type names
        from bot.notify.kinds import KINDS

        return tuple(KINDS)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load_routes(path: str | Path) -> RoutesFileBase:
    return load_model(path, routes_file_model(), what="a mapping with 'notifiers:' and 'routes:'")


def default_routes_file(env) -> RoutesFileBase:
    """No routes.yaml: DPRK cyber items to Slack (SLACK_BOT_TOKEN, SLACK_CHANNEL) or else the console."""
    if (env.get("SLACK_BOT_TOKEN") or "").strip():
        channel = (env.get("SLACK_CHANNEL") or "").strip()
        if not channel:
            raise ConfigError("notify: SLACK_CHANNEL is required when SLACK_BOT_TOKEN is set (a channel id like C0123)")
        notifier = {
            "name": "slack",
            "type": "slack",
            "channel": channel,
            "token_env": "SLACK_BOT_TOKEN",
            "api_url_env": "SLACK_API_URL",
        }
    else:
        notifier = {"name": "console", "type": "console"}
    routes = [{"name": "default", "to": [notifier["name"]]}]
    return routes_file_model().model_validate({"notifiers": [notifier], "routes": routes})

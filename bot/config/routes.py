"""routes.yaml: which notifiers exist and which items go to which of them (declared once, validated at start).

Secrets never live in this file: a notifier names the environment variable that holds its token or URL.
With no routes.yaml, the default is one route: DPRK cyber items to Slack when SLACK_BOT_TOKEN is set,
else to the console.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, Field, model_validator

from bot.config.sources import _kebab, parse_duration
from bot.config.yamlfile import StrictModel, load_model
from bot.errors import ConfigError

APPRISE_TYPES = ("teams", "discord", "mattermost", "matrix", "email", "apprise")
NOTIFIER_TYPES = ("slack", "console", "webhook", *APPRISE_TYPES)
_ENV_NAME = re.compile(r"^[A-Z_][A-Z0-9_]*$")


def _env_name(value: str) -> str:
    if not _ENV_NAME.match(value):
        raise ValueError("must be the NAME of an environment variable (A-Z, 0-9, _), never the secret itself")
    return value


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


Kebab = Annotated[str, AfterValidator(_kebab)]
EnvName = Annotated[str, AfterValidator(_env_name)]


class NotifierConfig(StrictModel):
    """A chat service to deliver to."""

    name: Kebab = Field(description="unique, kebab-case; routes refer to it")
    type: Literal[NOTIFIER_TYPES] = Field(description="slack | console | webhook | " + " | ".join(APPRISE_TYPES))
    channel: str | None = Field(None, description="slack: channel id (C0123...) or #name")
    token_env: EnvName | None = Field(None, description="slack: variable holding the bot token (SLACK_BOT_TOKEN)")
    api_url_env: EnvName | None = Field(None, description="slack: variable holding a Web API base URL (optional)")
    url_env: EnvName | None = Field(None, description="webhook and Apprise types: variable holding the URL")
    allow_private: bool = Field(False, description="webhook: allow a URL on a private or loopback address")

    @model_validator(mode="after")
    def _per_type(self) -> NotifierConfig:
        if self.type == "slack" and not self.channel:
            raise ValueError("channel: required for type slack")
        if self.type in ("webhook", *APPRISE_TYPES) and not self.url_env:
            raise ValueError(f"url_env: required for type {self.type}")
        return self


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


class RoutesFile(StrictModel):
    """The whole routes.yaml."""

    notifiers: list[NotifierConfig] = Field(min_length=1, description="chat services")
    routes: list[RouteConfig] = Field(min_length=1, description="which items go where")
    ops: OpsConfig | None = Field(None, description="source-health events")
    delivery: DeliveryConfig = Field(default_factory=DeliveryConfig, description="pacing")

    @model_validator(mode="after")
    def _references(self) -> RoutesFile:
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


def load_routes(path: str | Path) -> RoutesFile:
    return load_model(path, RoutesFile, what="a mapping with 'notifiers:' and 'routes:'")


def default_routes_file(env) -> RoutesFile:
    """No routes.yaml: DPRK cyber items to Slack (SLACK_BOT_TOKEN, SLACK_CHANNEL) or else the console."""
    if (env.get("SLACK_BOT_TOKEN") or "").strip():
        channel = (env.get("SLACK_CHANNEL") or "").strip()
        if not channel:
            raise ConfigError("notify: SLACK_CHANNEL is required when SLACK_BOT_TOKEN is set (a channel id like C0123)")
        notifier = NotifierConfig(
            name="slack",
            type="slack",
            channel=channel,
            token_env="SLACK_BOT_TOKEN",  # noqa: S106 - a variable name
            api_url_env="SLACK_API_URL",
        )
    else:
        notifier = NotifierConfig(name="console", type="console")
    return RoutesFile(notifiers=[notifier], routes=[RouteConfig(name="default", to=[notifier.name])])

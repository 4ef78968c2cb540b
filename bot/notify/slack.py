"""Post alerts to Slack through the real slack_sdk WebClient and map every failure to NotifyError.

Rules:
- Each card is rendered here, by bot.notify.slack_blocks (Block Kit, mrkdwn fallback text, metadata): no Slack
  markup exists outside the Slack notifier.
- slack-sdk's own retry machinery: `ConnectionErrorRetryHandler` (one retry) and a bounded
  `RateLimitErrorRetryHandler` that waits only for short Retry-After values; a longer wait is not slept
  inside `send` but returned to the outbox as `NotifyError(retry_after=...)`.
- Errors that retrying cannot fix (bad token, missing channel, rejected payload) are `permanent`.
- The token never reaches a log line or an exception message: the SDK's log goes through a redacting filter and
  every message we build is redacted again.
- Posts carry metadata (`advisory_alert`, alert_id): `find_posted` finds them after a crash, so the outbox can
  mark an alert sent instead of posting it twice.
"""

from __future__ import annotations

import logging
import time
from http.client import HTTPException
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler, RetryHandler

from bot.errors import ConfigError, NotifyError
from bot.notify.card import EVENT_TYPE, Message
from bot.notify.slack_blocks import SlackPayload, render
from bot.observe.logs import RedactFilter, redact

log = logging.getLogger(__name__)
MAX_RATE_LIMIT_WAIT = 5  # seconds we let the SDK sleep inside one send; beyond that the outbox reschedules
HISTORY_PAGES = 10  # find_posted reads at most this many pages of 200 messages

# https://api.slack.com/methods/chat.postMessage#errors and the common errors of every method.
PERMANENT = frozenset(
    {
        "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "no_permission",
        "missing_scope", "not_allowed_token_type", "access_denied", "team_access_not_granted", "ekm_access_denied",
        "org_login_required", "two_factor_setup_required", "enterprise_is_restricted",
        "channel_not_found", "not_in_channel", "is_archived", "restricted_action",
        "restricted_action_read_only_channel",
        "restricted_action_thread_only_channel", "restricted_action_non_threadable_channel", "messages_tab_disabled",
        "invalid_blocks", "invalid_blocks_format", "msg_too_long", "no_text", "too_many_attachments",
        "invalid_metadata_format", "invalid_metadata_schema", "metadata_too_large", "metadata_must_be_sent_from_app",
        "invalid_arguments", "invalid_arg_name", "invalid_array_arg", "invalid_charset", "invalid_form_data",
        "invalid_post_type", "missing_post_type", "method_deprecated", "deprecated_endpoint", "unknown_method",
        "as_user_not_supported", "thread_not_found", "invalid_cursor",
    }
)  # fmt: skip


_sdk_log = logging.getLogger(__name__ + ".sdk")  # the WebClient logs here, through the filter
_sdk_log.addFilter(RedactFilter())  # token shapes (defence in depth: the SDK redacts headers)


def _retry_after(headers) -> float | None:
    """Retry-After in seconds from SDK headers (values may be lists), or None."""
    for key, value in (headers or {}).items():
        if key.lower() == "retry-after":
            value = value[0] if isinstance(value, list | tuple) else value
            try:
                return max(float(value), 0.0)
            except (TypeError, ValueError):
                return None
    return None


class BoundedRateLimitRetryHandler(RateLimitErrorRetryHandler):
    """slack-sdk's 429 handler, but only when Slack asks for at most `max_wait` seconds."""

    def __init__(self, max_retry_count: int = 1, max_wait: float = MAX_RATE_LIMIT_WAIT):
        super().__init__(max_retry_count=max_retry_count)
        self.max_wait = max_wait

    def _can_retry(self, *, state, request, response=None, error=None) -> bool:
        if not super()._can_retry(state=state, request=request, response=response, error=error):
            return False
        wait = _retry_after(response.headers)
        return wait is not None and wait <= self.max_wait  # the SDK cannot parse a missing or HTTP-date value


class NoRepostRetryHandler(ConnectionErrorRetryHandler):
    """slack-sdk's retry on a dropped connection, except for a chat.postMessage that may have reached Slack.

    A reset after the request was sent can mean Slack stored the message and the answer was lost; posting again
    would post it twice. Such a post fails instead, stays pending, and the next round looks it up
    (find_posted) before posting. A refused connection never reached Slack, so it is retried at once.
    """

    def _can_retry(self, *, state, request, response=None, error=None) -> bool:
        if not super()._can_retry(state=state, request=request, response=response, error=error):
            return False
        if not request.url.rstrip("/").endswith("chat.postMessage"):
            return True  # reads, and chat.update (the same edit twice is one edit)
        return isinstance(getattr(error, "reason", error), ConnectionRefusedError)


def default_retry_handlers() -> list[RetryHandler]:
    """One retry on a dropped connection (not of a post that may have arrived), one on a short 429."""
    return [NoRepostRetryHandler(max_retry_count=1), BoundedRateLimitRetryHandler(max_retry_count=1)]


def normalise_base_url(url: str | None) -> str | None:
    """slack_sdk joins method names onto base_url, so it must end with a slash."""
    url = (url or "").strip()
    return None if not url else url if url.endswith("/") else url + "/"


class SlackNotifier:
    """Posts Messages to one default Slack channel with chat.postMessage."""

    name = "slack"

    def __init__(
        self,
        token: str,
        channel: str,
        base_url: str | None = None,
        client: WebClient | None = None,
        *,
        timeout: float = 10.0,
        retry_handlers: list[RetryHandler] | None = None,
    ):
        if client is None and not token:
            raise ConfigError("notify: slack token is empty (set SLACK_BOT_TOKEN)")
        if not channel:
            raise ConfigError("notify: slack channel is empty (set SLACK_CHANNEL)")
        self.channel = channel
        self._token = token or getattr(client, "token", None) or ""
        if client is None:
            kwargs = {"base_url": normalise_base_url(base_url)} if base_url else {}
            handlers = default_retry_handlers() if retry_handlers is None else retry_handlers
            client = WebClient(token=token, timeout=timeout, retry_handlers=handlers, logger=_sdk_log, **kwargs)
        self.client = client

    def __repr__(self) -> str:
        return f"SlackNotifier(channel={self.channel!r}, base_url={self.client.base_url!r})"

    @staticmethod
    def destination(config) -> str:
        """The configured channel: what status and `routes explain` show and the outbox keys posts by."""
        return config.channel or config.name

    def send(self, message: Message) -> str:
        """Post the message as Block Kit; return its ts. Raises NotifyError (permanent or transient, retry_after)."""
        return self.post(render(message), message.channel, message.thread_ts)

    def post(self, payload: SlackPayload, channel: str | None = None, thread_ts: str | None = None) -> str:
        """Post a rendered payload with chat.postMessage; return its ts."""
        channel = channel or self.channel
        started = time.monotonic()
        response = self._call(
            "chat.postMessage",
            channel,
            self.client.chat_postMessage,
            channel=channel,
            text=payload.text,
            blocks=payload.blocks or None,
            metadata=payload.metadata,
            thread_ts=thread_ts,
            unfurl_links=False,  # a preview would fetch the advisory (or an attacker's page) for everyone
            unfurl_media=False,
        )
        ts = response.get("ts")
        if not ts:
            raise NotifyError(f"notify: slack chat.postMessage to {channel}: answer without ts")
        elapsed_ms = int((time.monotonic() - started) * 1000)
        log.info("notify_sent notifier=slack channel=%s ts=%s elapsed_ms=%d", channel, ts, elapsed_ms)
        return ts

    def update(self, message: Message, message_id: str) -> None:
        """Replace a posted message (e.g. an alert now "reported by N sources"); raises NotifyError."""
        channel = message.channel or self.channel
        payload = render(message)
        self._call(
            "chat.update",
            channel,
            self.client.chat_update,
            channel=channel,
            ts=message_id,
            text=payload.text,
            blocks=payload.blocks or None,
            metadata=payload.metadata,
        )

    def find_posted(
        self, alert_id: int, oldest: float, channel: str | None = None, thread_ts: str | None = None
    ) -> str | None:
        """The ts of a message posted since `oldest` (epoch seconds) whose metadata carries this alert_id.

        A reply (a burst's part, a story's follow-up) is looked for in its thread: conversations.history lists only
        a channel's top-level messages, so a reply cut short by a crash would otherwise be posted again.
        """
        channel = channel or self.channel
        if thread_ts:
            method, function, where = "conversations.replies", self.client.conversations_replies, {"ts": thread_ts}
        else:
            method, function, where = "conversations.history", self.client.conversations_history, {}
        cursor = None
        for _ in range(HISTORY_PAGES):
            page = self._call(
                method,
                channel,
                function,
                channel=channel,
                oldest=f"{oldest:.6f}",
                limit=200,
                include_all_metadata=True,
                cursor=cursor,
                **where,
            )
            for msg in page.get("messages") or []:
                meta = msg.get("metadata") or {}
                payload = meta.get("event_payload") or {}
                if meta.get("event_type") == EVENT_TYPE and str(payload.get("alert_id")) == str(alert_id):
                    return msg.get("ts")
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not page.get("has_more") or not cursor:
                return None
        log.warning("notify_find_posted_truncated channel=%s alert_id=%s pages=%d", channel, alert_id, HISTORY_PAGES)
        return None

    def _call(self, method: str, target: str, function, **kwargs):
        """Call one Web API method; every failure becomes a NotifyError with a redacted message."""
        where = f"notify: slack {method} to {target}"
        try:
            return function(**kwargs)
        except SlackApiError as e:
            raise self._api_error(where, e) from None
        except (URLError, HTTPException, OSError) as e:  # refused, reset, timed out, DNS
            raise NotifyError(self._redact(f"{where}: connection failed ({type(e).__name__}: {e})")) from None
        except SlackClientError as e:  # e.g. an invalid base URL: configuration, not weather
            raise NotifyError(self._redact(f"{where}: {type(e).__name__}: {e}"), permanent=True) from None

    def _api_error(self, where: str, e: SlackApiError) -> NotifyError:
        status = getattr(e.response, "status_code", 0)
        data = e.response.data if isinstance(getattr(e.response, "data", None), dict) else {}
        error = str(data.get("error") or f"http_{status}")
        retry_after = _retry_after(getattr(e.response, "headers", None))
        if status == 429 or error in ("ratelimited", "rate_limited"):
            return NotifyError(self._redact(f"{where}: rate limited"), retry_after=retry_after or 1.0)
        detail = "; ".join(str(x) for x in data.get("errors") or [])[:300]
        message = f"{where}: {error} (HTTP {status})" + (f": {detail}" if detail else "")
        return NotifyError(self._redact(message), permanent=error in PERMANENT, retry_after=retry_after)

    def _redact(self, text: str) -> str:
        return redact(text, secrets=(self._token,))

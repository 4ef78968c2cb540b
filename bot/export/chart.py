"""Charts (matplotlib, no display needed): mentions per key over time, as a PNG.

Rules: the x axis is time (a period is placed at its date, so 2017-06 and 2026-12 are nine years apart); every
period between the first and the last is drawn, a period without items as zero; one small panel per key, stacked
on the same time and count axes (lines of several keys in one panel hide each other); counts are integers.
Periods are labelled as storage.stats labels them: YYYY-MM (months) or the Monday YYYY-MM-DD (weeks).
"""

from __future__ import annotations

import io
from datetime import date, timedelta

import matplotlib

matplotlib.use("Agg")  # files only: no display on servers and CI

from matplotlib import dates as mdates  # noqa: E402 - after choosing the backend
from matplotlib import pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

PANEL_HEIGHT = 1.1  # inches per key
COLORS = plt.get_cmap("tab10").colors


def _start(period: str) -> date:
    """The first day of a period label: 2026-11 -> 2026-11-01, 2026-11-16 -> itself."""
    return date.fromisoformat(period if len(period) == 10 else f"{period}-01")


def _next(day: date, monthly: bool) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1) if monthly else day + timedelta(days=7)


def timeline(periods: list[str]) -> list[str]:
    """Every period from the first to the last of `periods`, in order, including those without items."""
    if not periods:
        return []
    first, last = min(periods), max(periods)
    out, current, monthly = [], _start(first), len(first) == 7
    while current <= _start(last):
        out.append(current.isoformat()[:7] if monthly else current.isoformat())
        current = _next(current, monthly)
    return out


def mentions_figure(periods: list[str], keys: list[str], cells: dict[tuple[str, str], int], title: str) -> Figure:
    """Small multiples: one panel per key (x: time, y: items per period), sharing both axes."""
    every = timeline(periods)
    # each period spans its own dates: steps from its first day to the next period's
    x = [_start(p) for p in every] + ([_next(_start(every[-1]), len(every[-1]) == 7)] if every else [])
    fig, axes = plt.subplots(
        max(len(keys), 1), 1, sharex=True, sharey=True, squeeze=False,
        figsize=(10, 1.2 + PANEL_HEIGHT * max(len(keys), 1)), dpi=100,
    )  # fmt: skip
    axes = [row[0] for row in axes]
    for n, (ax, key) in enumerate(zip(axes, keys, strict=False)):
        y = [cells.get((p, key), 0) for p in every]
        y_steps = y + y[-1:]  # the last period's value holds until its end
        color = COLORS[n % len(COLORS)]
        ax.fill_between(x, y_steps, step="post", color=color, alpha=0.35, linewidth=0)
        ax.step(x, y_steps, where="post", color=color, linewidth=1.2)
        ax.set_ylabel(f"{key}\n({sum(y)})", rotation=0, ha="right", va="center", fontsize="small")
        ax.grid(axis="y", alpha=0.3)
        ax.spines[["top", "right"]].set_visible(False)
    if not keys:
        axes[0].text(0.5, 0.5, "no items", transform=axes[0].transAxes, ha="center", va="center")
    bottom = axes[-1]
    bottom.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=3, min_n_ticks=1))
    bottom.set_ylim(bottom=0)
    if x:
        pad = (x[-1] - x[0]) * 0.01
        bottom.set_xlim(x[0] - pad, x[-1] + pad)
        locator = mdates.AutoDateLocator()
        bottom.xaxis.set_major_locator(locator)
        bottom.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    fig.suptitle(title)
    fig.supylabel("items per period (total)", fontsize="small")
    fig.tight_layout()
    return fig


def mentions_png(periods: list[str], keys: list[str], cells: dict[tuple[str, str], int], title: str) -> bytes:
    """The chart of mentions_figure as PNG bytes."""
    fig = mentions_figure(periods, keys, cells, title)
    try:
        out = io.BytesIO()
        fig.savefig(out, format="png")
        return out.getvalue()
    finally:
        plt.close(fig)

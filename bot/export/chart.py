"""Charts (matplotlib, no display needed): mentions per key over time, as a PNG."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")  # files only: no display on servers and CI

from matplotlib import pyplot as plt  # noqa: E402 - after choosing the backend


def mentions_png(periods: list[str], keys: list[str], cells: dict[tuple[str, str], int], title: str) -> bytes:
    """A line per key (x: periods, y: items), as PNG bytes."""
    fig, ax = plt.subplots(figsize=(10, 5), dpi=100)
    try:
        for key in keys:
            ax.plot(periods, [cells.get((p, key), 0) for p in periods], marker="o", label=key)
        ax.set_title(title)
        ax.set_ylabel("items")
        ax.grid(alpha=0.3)
        if keys:
            ax.legend(loc="upper left", fontsize="small")
        ax.tick_params(axis="x", labelrotation=45)
        fig.tight_layout()
        out = io.BytesIO()
        fig.savefig(out, format="png")
        return out.getvalue()
    finally:
        plt.close(fig)

"""`stats --plot` and the weekly report's chart: a real time axis, every period drawn (none as zero), integer
counts, one panel per key so no series hides another."""

from datetime import date

import pytest
from matplotlib import dates as mdates
from matplotlib import pyplot as plt

from bot.export.chart import mentions_figure, mentions_png, timeline

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def figure():
    periods = ["2017-06", "2024-03", "2026-12"]
    keys = ["Lazarus Group", "Kimsuky"]
    cells = {("2017-06", "Lazarus Group"): 3, ("2024-03", "Kimsuky"): 1, ("2026-12", "Lazarus Group"): 2}
    fig = mentions_figure(periods, keys, cells, "t")
    yield fig
    plt.close(fig)


def test_timeline_has_every_period():
    months = timeline(["2026-12", "2017-06"])
    assert months[:3] == ["2017-06", "2017-07", "2017-08"] and months[-1] == "2026-12" and len(months) == 115
    assert timeline(["2026-11-16", "2026-12-07"]) == ["2026-11-16", "2026-11-23", "2026-11-30", "2026-12-07"]
    assert timeline(["2025-12", "2026-01"]) == ["2025-12", "2026-01"] and timeline([]) == []


def test_x_is_time_and_gaps_are_zero(figure):
    axes = figure.axes
    assert len(axes) == 2  # a panel per key
    lo, hi = (mdates.num2date(v).date() for v in axes[-1].get_xlim())
    assert lo <= date(2017, 6, 1) and hi >= date(2027, 1, 1) and hi.year == 2027  # 2017 and 2026 are far apart
    steps = axes[0].lines[0]
    xs = [mdates.num2date(v).date() if not isinstance(v, date) else v for v in steps.get_xdata()]
    assert xs[0] == date(2017, 6, 1) and xs[1] == date(2017, 7, 1) and xs[-1] == date(2027, 1, 1)
    ys = list(steps.get_ydata())
    assert len(ys) == 116 and ys[0] == 3 and ys[-2] == 2 and ys.count(0) == 113  # months without items: zero


def test_counts_are_integers_on_shared_axes(figure):
    figure.canvas.draw()
    for ax in figure.axes:
        ticks = [t for t in ax.get_yticks() if ax.get_ylim()[0] <= t <= ax.get_ylim()[1]]
        assert ticks and all(float(t).is_integer() for t in ticks), ticks
    assert figure.axes[0].get_ylim() == figure.axes[1].get_ylim()
    assert figure.axes[0].get_ylabel() == "Lazarus Group\n(5)" and figure.axes[1].get_ylabel() == "Kimsuky\n(1)"
    colors = {ax.lines[0].get_color() for ax in figure.axes}
    assert len(colors) == 2


def test_png_and_empty_chart():
    assert mentions_png(["2026-11-16"], ["APT38"], {("2026-11-16", "APT38"): 1}, "t").startswith(PNG)
    assert mentions_png([], [], {}, "nothing").startswith(PNG)

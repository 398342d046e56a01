"""Report plots as base64 PNG (matplotlib, Agg backend: no display, no temp files).

Every function returns "" when there is nothing to draw, so a section can skip the
picture instead of showing an empty frame.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib

matplotlib.use("Agg")  # before pyplot: reports are drawn on servers with no display

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

COLORS = ("#3b6ea5", "#e07b39", "#5a9e6f", "#b5484b", "#8c6bb1", "#7f7f7f")


def _png(fig: Figure) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=90, bbox_inches="tight")
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def reliability_diagram(bins: Sequence[Mapping[str, float]], title: str) -> str:
    if not bins:
        return ""
    fig, ax = plt.subplots(figsize=(4.8, 4.2))
    width = [b["hi"] - b["lo"] for b in bins]
    ax.bar([b["lo"] for b in bins], [b["accuracy"] for b in bins], width=width, align="edge",
           color=COLORS[0], edgecolor="white", label="accuracy")
    ax.plot([0, 1], [0, 1], "--", color="#555", linewidth=1, label="perfect calibration")
    ax.plot([b["confidence"] for b in bins], [b["accuracy"] for b in bins], "o",
            color=COLORS[1], label="mean confidence")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("confidence")
    ax.set_ylabel("accuracy")
    ax.set_title(title)
    ax.legend(loc="upper left", fontsize=8)
    return _png(fig)


def risk_coverage(curve: Sequence[Mapping[str, float]], *, target: float,
                  threshold: float | None) -> str:
    if not curve:
        return ""
    fig, ax = plt.subplots(figsize=(5.6, 4.0))
    ax.plot([p["coverage"] for p in curve], [p["precision"] for p in curve], color=COLORS[0])
    ax.axhline(target, linestyle="--", color=COLORS[3], linewidth=1,
               label=f"target precision {target:g}")
    if threshold is not None:
        at = [p["coverage"] for p in curve if p["threshold"] >= threshold]
        if at:
            ax.axvline(max(at), linestyle=":", color=COLORS[2],
                       label=f"threshold {threshold:.3f}: coverage {max(at):.2f}")
    ax.set_xlabel("coverage (share auto-sent)")
    ax.set_ylabel("precision of auto-sent")
    ax.set_ylim(min(0.5, min(p["precision"] for p in curve)), 1.01)
    ax.set_title("risk-coverage")
    ax.legend(loc="lower left", fontsize=8)
    return _png(fig)


def histogram(samples: Sequence[float], *, marks: Mapping[str, float], title: str,
              xlabel: str) -> str:
    if not samples:
        return ""
    fig, ax = plt.subplots(figsize=(6.0, 3.6))
    ax.hist(list(samples), bins=40, color=COLORS[0])
    for n, (label, value) in enumerate(marks.items()):
        ax.axvline(value, linestyle="--", color=COLORS[(n + 1) % len(COLORS)],
                   label=f"{label} {value:.1f}")
    ax.set_xlabel(xlabel)
    ax.set_ylabel("messages")
    ax.set_title(title)
    ax.legend(fontsize=8)
    return _png(fig)


def _rate_keys(groups: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """Numeric keys whose every value lies in [0, 1]: the ones a 0-1 axis can show
    (a count such as "turns" would run off the chart, or squash the rates)."""
    keys = {k for row in groups.values() for k, v in row.items()
            if isinstance(v, int | float) and not isinstance(v, bool)}
    return sorted(k for k in keys if all(0.0 <= float(row.get(k) or 0.0) <= 1.0
                                         for row in groups.values()))


def grouped_bars(groups: Mapping[str, Mapping[str, Any]], title: str,
                 ylim: tuple[float, float] | None = (0.0, 1.0), *,
                 metrics: Sequence[str] | None = None, xlabel: str = "",
                 ylabel: str = "share (0-1)") -> str:
    """One cluster per group (e.g. language), one bar per metric, on one axis: with the
    default 0-1 scale only the metrics that are shares are drawn."""
    if metrics is None:
        metrics = _rate_keys(groups) if ylim == (0.0, 1.0) else sorted(
            {k for row in groups.values() for k, v in row.items()
             if isinstance(v, int | float) and not isinstance(v, bool)})
    if not groups or not metrics:
        return ""
    fig, ax = plt.subplots(figsize=(max(4.5, 1.3 * len(groups) * len(metrics) ** 0.5 + 2),
                                    3.4))
    width = 0.8 / len(metrics)
    for m, metric in enumerate(metrics):
        xs = [g + m * width for g in range(len(groups))]
        ys = [float(row.get(metric) or 0.0) for row in groups.values()]
        ax.bar(xs, ys, width=width, color=COLORS[m % len(COLORS)], label=metric)
    ax.set_xticks([g + 0.4 - width / 2 for g in range(len(groups))], list(groups))
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(fontsize=7, loc="lower right")
    return _png(fig)


def count_bars(counts: Mapping[str, float], title: str, *, xlabel: str,
               ylabel: str) -> str:
    """Counts (turns, queries, ...) on an axis of their own, from zero."""
    if not counts:
        return ""
    fig, ax = plt.subplots(figsize=(max(3.6, 0.7 * len(counts) + 1.8), 3.0))
    ax.bar(list(counts), [float(v) for v in counts.values()], color=COLORS[5])
    for x, v in enumerate(counts.values()):
        ax.text(x, float(v), f"{v:g}", ha="center", va="bottom", fontsize=8)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.margins(y=0.15)
    return _png(fig)

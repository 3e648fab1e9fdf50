"""Benchmark figures: what was measured, its target, and how each section reports them.

A section is a module with ``measure(quick) -> list[Figure]``; ``section_main`` turns it
into a command (``python -m tests.benchmarks.bench_planner [--quick] [--json PATH]``) that
prints its figures as a table and exits 1 when a target is missed. ``python -m
tests.benchmarks`` runs every section in a fresh process and prints one table.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

Op = Literal["<", "<=", ">="]


@dataclass(frozen=True)
class Bound:
    """A target: the figure must be ``op`` ``limit`` (in the figure's own unit)."""

    op: Op
    limit: float

    def holds(self, value: float) -> bool:
        if math.isnan(value):
            return False
        if self.op == "<":
            return value < self.limit
        if self.op == "<=":
            return value <= self.limit
        return value >= self.limit

    def __str__(self) -> str:
        return f"{self.op} {_number(self.limit)}"


@dataclass(frozen=True)
class Figure:
    """One measured figure.

    ``target`` applies to ``value``; ``ratio`` is ``value`` relative to a baseline measured
    in the same run (``baseline`` says which, with its own value), and ``ratio_target``, when
    set, applies to it. A figure with neither target is for information.
    """

    section: str
    name: str
    value: float
    unit: str
    target: Bound | None = None
    ratio: float | None = None
    baseline: str = ""
    ratio_target: Bound | None = None
    note: str = ""

    @property
    def checked(self) -> bool:
        return self.target is not None or self.ratio_target is not None

    @property
    def passed(self) -> bool:
        """True when every target it has holds (and for a figure without targets)."""
        if self.target is not None and not self.target.holds(self.value):
            return False
        if self.ratio_target is not None:
            return self.ratio is not None and self.ratio_target.holds(self.ratio)
        return True

    def to_json(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Figure:
        def bound(raw: object) -> Bound | None:
            if not isinstance(raw, dict):
                return None
            return Bound(raw["op"], float(raw["limit"]))

        fields = dict(data)
        fields["target"] = bound(data.get("target"))
        fields["ratio_target"] = bound(data.get("ratio_target"))
        return cls(**fields)  # type: ignore[arg-type]


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else math.nan


def percentile(values: Sequence[float], p: float) -> float:
    """The ``p``-th percentile (0-100), linear between the closest ranks."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100.0
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def _number(x: float) -> str:
    if math.isnan(x):
        return "n/a"
    if x == 0:
        return "0"
    magnitude = abs(x)
    if magnitude >= 1000:
        return f"{x:,.0f}"
    if magnitude >= 100:
        return f"{x:.0f}"
    if magnitude >= 10:
        return f"{x:.1f}"
    return f"{x:.2f}" if magnitude >= 0.1 else f"{x:.3g}"


def verdict(f: Figure) -> str:
    if not f.checked:
        return "info"
    return "pass" if f.passed else "FAIL"


def rows(figures: Iterable[Figure]) -> list[list[str]]:
    out = []
    for f in figures:
        ratio = ""
        if f.ratio is not None:
            ratio = f"{_number(f.ratio)}x {f.baseline}".strip()
            if f.ratio_target is not None:
                ratio += f" (target {f.ratio_target}x)"
        target = f"{f.target} {f.unit}" if f.target is not None else ""
        out.append(
            [
                f.section,
                f.name,
                f"{_number(f.value)} {f.unit}".strip(),
                target,
                ratio,
                verdict(f),
            ]
        )
    return out


HEADER = ["section", "figure", "value", "target", "ratio to baseline", "result"]


def render(figures: Sequence[Figure], *, markdown: bool = False) -> str:
    """The figures as an aligned text table, or a Markdown table."""
    body = rows(figures)
    notes = [(f"{f.section}/{f.name}", f.note) for f in figures if f.note]
    if markdown:
        lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
        lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in r) + " |" for r in body]
        lines += ["", *(f"- {name}: {note}" for name, note in notes)] if notes else []
        return "\n".join(lines)
    widths = [max(len(r[i]) for r in [HEADER, *body]) for i in range(len(HEADER))]
    line = "  ".join
    out = [line(h.ljust(w) for h, w in zip(HEADER, widths, strict=True))]
    out.append(line("-" * w for w in widths))
    out += [line(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in body]
    if notes:
        out += ["", "notes:", *(f"  {name}: {note}" for name, note in notes)]
    return "\n".join(out)


def section_main(measure: Callable[[bool], list[Figure]], doc: str | None) -> int:
    """Runs one section as a command; exits 1 when one of its targets is missed."""
    parser = argparse.ArgumentParser(description=(doc or "").strip().splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, shorter windows")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    figures = measure(args.quick)
    if args.json is not None:
        args.json.write_text(json.dumps([f.to_json() for f in figures], indent=1))
    print(render(figures))
    return 0 if all(f.passed for f in figures) else 1

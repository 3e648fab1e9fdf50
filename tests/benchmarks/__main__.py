"""The benchmark suite: every performance figure beside its target, in one table.

Run from the repository root::

    python -m tests.benchmarks            # full run, about 10 minutes on 2 cores
    python -m tests.benchmarks --quick    # smoke run: fewer repeats, 5 s windows
    python -m tests.benchmarks --only planner,dispatch --markdown
    python -m tests.benchmarks --only accept,dispatch,reply --databases sqlite,postgresql

Each section runs in a fresh process (so memory and start-up figures are its own) and
reports medians over several runs, plus ratios to baselines measured in the same run,
which stay meaningful on a noisy machine. Exits 1 when a target is missed, 2 when a
section could not run.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.figures import Figure, render
from tests.benchmarks.harness import DATABASE_ENV

SECTIONS = {
    "planner": "tests.benchmarks.bench_planner",
    "accept": "tests.benchmarks.bench_accept",
    "content": "tests.benchmarks.bench_content",
    "dispatch": "tests.benchmarks.bench_dispatch",
    "reply": "tests.benchmarks.bench_reply_load",
    "webhook": "tests.benchmarks.bench_webhook",
    "desktop": "tests.benchmarks.bench_desktop",
    "multi": "tests.benchmarks.bench_multi",
    "protection": "tests.benchmarks.bench_protection",
}
DATABASES = ("sqlite", "postgresql")


def core_share(seconds: float = 0.5) -> float:
    """The share of one core a busy loop gets now: 1.0 on an idle machine."""
    started, cpu = time.perf_counter(), time.thread_time()
    while time.perf_counter() - started < seconds:
        pass
    return (time.thread_time() - cpu) / (time.perf_counter() - started)


def contention() -> str:
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    return f"load average {load}, a busy loop got {core_share():.0%} of a core"


def machine() -> str:
    """CPU count and model, Python and kernel."""
    model = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    return (
        f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()} on "
        f"{platform.system()} {platform.release()}"
    )


def run_section(
    name: str, quick: bool, verbose: bool, database: str = "sqlite"
) -> tuple[list[Figure], str | None]:
    """The section's figures on ``database`` (named in each figure's section unless it is
    SQLite), and an error text when it could not run."""
    env = os.environ | {DATABASE_ENV: database}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "figures.json"
        args = [sys.executable, "-m", SECTIONS[name], "--json", str(out)]
        if quick:
            args.append("--quick")
        started = time.monotonic()
        proc = subprocess.run(args, capture_output=True, text=True, env=env)
        elapsed = time.monotonic() - started
        print(f"  {name} on {database}: {elapsed:.0f} s", file=sys.stderr, flush=True)
        if verbose:
            print(proc.stdout, proc.stderr, sep="\n", file=sys.stderr)
        if not out.exists():
            return [], f"{name} exited {proc.returncode}:\n{proc.stderr[-3000:]}"
        figures = [Figure.from_json(f) for f in json.loads(out.read_text())]
        if database != "sqlite":
            figures = [dataclasses.replace(f, section=f"{f.section} ({database})") for f in figures]
        return figures, None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--quick", action="store_true", help="fewer runs, 5 s windows")
    parser.add_argument(
        "--only", default=",".join(SECTIONS), help=f"comma-separated: {', '.join(SECTIONS)}"
    )
    parser.add_argument(
        "--databases",
        default="sqlite",
        help=f"comma-separated: {', '.join(DATABASES)}; each section runs on each in turn",
    )
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--verbose", action="store_true", help="show each section's output")
    args = parser.parse_args(argv)
    chosen = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in SECTIONS]
    if unknown:
        parser.error(f"unknown section {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    databases = [d.strip() for d in args.databases.split(",") if d.strip()]
    if not databases or set(databases) - set(DATABASES):
        parser.error(f"--databases takes one or more of {', '.join(DATABASES)}")

    header, before = machine(), contention()
    print(f"machine: {header}; at the start {before}", file=sys.stderr, flush=True)
    figures: list[Figure] = []
    errors: list[str] = []
    for name in chosen:
        # The multi-engine section needs a shared database: it always uses PostgreSQL.
        for database in ["postgresql"] if name == "multi" else databases:
            got, error = run_section(name, args.quick, args.verbose, database)
            figures += got
            if error:
                errors.append(error)
    print(f"machine: {header}")
    print(f"at the start: {before}; at the end: {contention()}")
    print(f"command: python -m tests.benchmarks {' '.join(argv or sys.argv[1:])}".rstrip())
    print()
    print(render(figures, markdown=args.markdown))
    for error in errors:
        print(f"\nsection failed: {error}", file=sys.stderr)
    missed = [f for f in figures if not f.passed]
    print(f"\n{len(missed)} of {sum(f.checked for f in figures)} targets missed")
    if errors:
        return 2
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())

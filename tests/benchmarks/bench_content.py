"""Personal messages: rendering 100,000 personalised, spun texts, and accepting a
100,000-recipient campaign whose recipients carry variables.

Rendering is timed on the parsed template bound to the list's columns (what acceptance
does), beside the same 100,000 texts written by a hand-made f-string (no parsing, no variant
choice): the floor of building the strings at all. Acceptance (``POST .../messages/open`` to
the 202) is timed as in ``bench_accept``, beside the same campaign without variables, in the
same run on the same engine set-up. Median of 5 runs (``--quick``: 1).
Run: ``python -m tests.benchmarks.bench_content [--quick]``.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

from spreader_app.core.template import Renderer, parse
from tests.benchmarks.bench_accept import POLICY, RECIPIENTS, post_open
from tests.benchmarks.figures import Bound, Figure, median, section_main
from tests.benchmarks.harness import PROFILES, devices, engine, gateway, make_package
from tests.campaign_data import numbers

SECTION = "content"
TEMPLATE = (
    "{Hello|Hi|Welcome} {{Name | friend}}, {your order {{Order}} is ready|order {{Order}} is"
    " ready to collect}. {Thanks|Thank you {so much|a lot}}!"
)


def rows(n: int) -> list[list[str]]:
    return [[f"Customer {i}", f"A{i:06d}"] for i in range(n)]


def render_all(renderer: Renderer, phones: list[str], values: list[list[str]]) -> float:
    render = renderer.render
    started = time.perf_counter()
    for phone, row in zip(phones, values, strict=True):
        render(row, phone)
    return time.perf_counter() - started


def format_all(values: list[list[str]]) -> float:
    started = time.perf_counter()
    for name, order in values:
        _ = f"Hello {name}, your order {order} is ready. Thanks!"
    return time.perf_counter() - started


def body(personal: bool) -> bytes:
    phones = numbers(RECIPIENTS)
    if not personal:
        return json.dumps({"text": "Big sale this week", "recipients": phones}).encode()
    recipients = [
        {"phone": p, "variables": {"Name": name, "Order": order}}
        for p, (name, order) in zip(phones, rows(RECIPIENTS), strict=True)
    ]
    return json.dumps({"text": TEMPLATE, "recipients": recipients}).encode()


async def accept(url: str, payload: bytes) -> float:
    async with engine(url) as e:
        package_id = await make_package(e.container, devices(PROFILES), **POLICY)
        elapsed, response = await asyncio.to_thread(post_open, e.server.url, package_id, payload)
    if response.json()["accepted"] != RECIPIENTS:
        raise RuntimeError(f"accepted {response.json()['accepted']} of {RECIPIENTS}")
    return elapsed


async def measure_async(quick: bool) -> list[Figure]:
    runs = 1 if quick else 5
    renderer = Renderer(parse(TEMPLATE), ["Name", "Order"])
    phones, values = numbers(RECIPIENTS), rows(RECIPIENTS)
    rendered = [render_all(renderer, phones, values) for _ in range(runs)]
    formatted = [format_all(values) for _ in range(runs)]
    personal_body, plain_body = body(True), body(False)
    personal, plain = [], []
    with gateway(devices(PROFILES)) as gw:
        for _ in range(runs):
            personal.append(await accept(gw.url, personal_body))
            plain.append(await accept(gw.url, plain_body))
    render_s, format_s = median(rendered), median(formatted)
    accept_s, plain_s = median(personal), median(plain)
    return [
        Figure(
            SECTION,
            "render 100k personalised, spun texts",
            render_s,
            "s",
            Bound("<", 0.5),
            ratio=render_s / format_s,
            baseline=f"of an f-string per text ({format_s:.3f} s)",
            note=f"{renderer.template.variants} variants; median of {runs}",
        ),
        Figure(
            SECTION,
            "POST open 100k with variables -> 202",
            accept_s,
            "s",
            Bound("<", 3.0),
            ratio=accept_s / plain_s,
            baseline=f"of the same campaign without variables ({plain_s:.2f} s)",
            note=f"median of {runs}: " + ", ".join(f"{t:.2f}" for t in personal) + " s",
        ),
    ]


def measure(quick: bool) -> list[Figure]:
    return asyncio.run(measure_async(quick))


if __name__ == "__main__":
    sys.exit(section_main(measure, __doc__))

"""The fault-injecting fake gateway itself, through the real ``ZentraClient``: faults aimed at
one device, a window of the fake's clock, devices banned and reconnected on schedule, mixed
faults that do not depend on request order, a token echo, and the process mode's report."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import AsyncIterator

import httpx
import pytest

from spreader_app.core.clock import ManualClock
from spreader_app.core.models import MessageContent, OutcomeKind, SendRequest
from spreader_app.zentra.client import ZentraClient
from tests.conftest import START
from tests.fakes.fake_zentra import FakeZentra, Fault, FaultSpec, MixedFaults
from tests.serve_process import ROOT, Processes

TOKENS = {"dev-a": "token-aaaa-1111", "dev-b": "token-bbbb-2222"}
T0 = START.timestamp()


def request(device: str, recipient: str = "+201066183456") -> SendRequest:
    return SendRequest(device, TOKENS[device], recipient, MessageContent(text="Hi"))


@pytest.fixture
async def fake(clock: ManualClock) -> AsyncIterator[FakeZentra]:
    async with FakeZentra(clock=clock) as server:
        for uuid, token in TOKENS.items():
            server.add_device(uuid, token)
        yield server


@pytest.fixture
async def client(fake: FakeZentra) -> AsyncIterator[ZentraClient]:
    async with ZentraClient(fake.url, timeout=10) as zentra:
        yield zentra


async def test_fake_faults_rule_for_one_device_spares_the_others(
    fake: FakeZentra, client: ZentraClient
) -> None:
    fake.faults.add(Fault.SERVER_ERROR, rate=1.0, device="dev-a")
    a, b = await client.send(request("dev-a")), await client.send(request("dev-b"))
    assert (a.kind, b.kind) == (OutcomeKind.TRANSIENT, OutcomeKind.ACCEPTED)


async def test_fake_faults_window_of_the_fake_clock(
    fake: FakeZentra, client: ZentraClient, clock: ManualClock
) -> None:
    fake.faults.add(Fault.RATE_LIMIT, during=(T0 + 60, T0 + 120), retry_after=7)
    kinds = []
    for at in (T0, T0 + 60, T0 + 119, T0 + 120):
        clock.set(at)
        kinds.append((await client.send(request("dev-a"))).kind)
    assert kinds == [OutcomeKind.ACCEPTED, *[OutcomeKind.RATE_LIMITED] * 2, OutcomeKind.ACCEPTED]


async def test_fake_faults_ban_and_reconnect_on_schedule(
    fake: FakeZentra, client: ZentraClient
) -> None:
    fake.faults.add(Fault.BAN_DEVICE, at={2}, device="dev-a")
    fake.faults.add(Fault.CONNECT_DEVICE, at={4}, device="dev-a")
    kinds = [(await client.send(request("dev-a"))).kind for _ in range(4)]
    assert kinds == [OutcomeKind.ACCEPTED, *[OutcomeKind.BANNED] * 2, OutcomeKind.ACCEPTED]
    assert [a.outcome for a in fake.attempts] == [
        "accepted",
        "device_banned",
        "device_banned",
        "accepted",
    ]


async def test_fake_faults_echo_token_repeats_the_token_and_the_client_hides_it(
    fake: FakeZentra, client: ZentraClient
) -> None:
    fake.faults.add(Fault.ECHO_TOKEN, at={1})
    result = await client.send(request("dev-a"))
    assert result.kind is OutcomeKind.TRANSIENT and fake.attempts[0].outcome == "echo_token"
    assert TOKENS["dev-a"] not in result.detail + result.raw and "***" in result.raw


async def test_fake_faults_mixed_faults_do_not_depend_on_request_order() -> None:
    mix: dict[Fault | FaultSpec, float] = {
        Fault.SERVER_ERROR: 0.3,
        FaultSpec(Fault.RATE_LIMIT, retry_after=3): 0.2,
    }
    recipients = [f"+2010000000{i:02d}" for i in range(40)]

    async def outcomes(order: list[str]) -> dict[str, str]:
        async with FakeZentra() as server, ZentraClient(server.url) as zentra:
            server.add_device("dev-a", TOKENS["dev-a"])
            server.faults.add_chooser(MixedFaults(mix, seed=5))
            await asyncio.gather(*(zentra.send(request("dev-a", r)) for r in order))
            return {"+" + a.recipient: a.outcome for a in server.attempts}

    forward = await outcomes(recipients)
    assert forward == await outcomes(recipients[::-1])
    assert {"accepted", "server_error", "rate_limit"} <= set(forward.values())
    with pytest.raises(ValueError, match="at most 1"):
        MixedFaults({Fault.RESET: 0.6, Fault.TIMEOUT: 0.6}, seed=1)


def test_fake_faults_process_mode_takes_faults_and_reports_what_it_received(
    processes: Processes,
) -> None:
    fake = processes.fake({"dev-a": TOKENS["dev-a"]}, faults={"server_error": 1.0})
    form = {"device_uuid": "dev-a", "type_message": "text", "type_contact": "numbers"}
    form |= {"ids": "201066183456", "text_message": "Hi"}
    r = httpx.post(f"{fake.url}/messages", data=form, headers={"x-api-token": TOKENS["dev-a"]})
    assert r.status_code == 500
    report = fake.report()
    assert report["received"] == []
    assert [a["outcome"] for a in report["attempts"]] == ["server_error"]
    bad = subprocess.run(
        [sys.executable, "-m", "tests.fakes.fake_zentra", "--fault", "meteor:0.5"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 2 and "KIND:RATE" in bad.stderr

"""The quick tunnel end to end, with a stand-in ``cloudflared`` first on ``PATH``: the public
address is shown, the self-probe arrives through it, a tunnel that dies comes back, and the
child process never outlives the app (quit, crash)."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import sqlite3
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from spreader_app.bootstrap import Container, build
from spreader_app.config import Settings
from spreader_app.core.clock import SystemClock
from spreader_app.core.events import Event, TunnelChanged
from spreader_app.core.receiving import Hop, ReceiveMode, TunnelPhase, TunnelState
from spreader_app.server.runner import ApiServer
from spreader_app.tunnel.runner import read_state_file
from spreader_app.vault.key_sources import MemoryKeySource
from tests.fakes.fake_cloudflared import alive, started_pids
from tests.serve_process import Processes, wait_until

pytestmark = pytest.mark.sqlite_only


class States:
    """Every tunnel state the container publishes, in order."""

    def __init__(self) -> None:
        self.seen: list[TunnelState] = []

    def __call__(self, event: Event) -> None:
        if isinstance(event, TunnelChanged):
            self.seen.append(event.state)

    def running(self) -> list[str]:
        return [s.public_url for s in self.seen if s.phase is TunnelPhase.RUNNING]


@pytest.fixture
async def served(
    settings: Settings, fake_tool: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[Container, ApiServer, States]]:
    monkeypatch.setenv("FAKE_TUNNEL_LOOPBACK", "1")
    container = build(
        dataclasses.replace(settings, zentra_url="http://127.0.0.1:9/v1"),
        clock=SystemClock(),
        key_source=MemoryKeySource(),
        tunnel_loopback=True,
    )
    await container.start(dispatch=False)
    server = ApiServer(container)
    await server.start("127.0.0.1", 0)
    container.receiving.serving_at(server.url)
    states = States()
    container.events.subscribe(states)
    try:
        yield container, server, states
    finally:
        await server.stop()
        await container.stop(timeout=5)


async def wait_for(check: object, what: str, seconds: float = 20.0) -> None:
    import asyncio

    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not check():  # type: ignore[operator]
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


def stored_payloads(settings: Settings) -> int:
    db = sqlite3.connect(settings.database_url.removeprefix("sqlite:///"))
    try:
        return int(db.execute("select count(*) from inbound_payloads").fetchone()[0])
    finally:
        db.close()


async def test_tunnel_shows_public_url_and_probe_arrives_through_it(
    served: tuple[Container, ApiServer, States], settings: Settings, fake_tool: Path
) -> None:
    container, _, states = served
    before = container.receiving.view()
    assert before.tunnel.phase is TunnelPhase.STOPPED  # installed, not started
    view = await container.receiving.choose(ReceiveMode.TUNNEL)
    await wait_for(states.running, "the tunnel's public address")
    view = container.receiving.view()
    public = states.running()[-1]
    assert public.startswith("http://127.0.0.1:")
    assert view.webhook_url == f"{public}/webhooks/zentra/{settings.webhook_secret}"
    assert json.loads((settings.data_dir / "tunnel.json").read_text())["public_url"] == public

    result = await container.receiving.test()

    assert result.hop is Hop.ARRIVED, result.detail
    assert result.round_trip_ms is not None and result.round_trip_ms > 0
    assert stored_payloads(settings) == 0  # a probe is not a customer's message
    [pid] = started_pids(fake_tool)
    await container.receiving.choose(ReceiveMode.OFF)
    assert not alive(pid)
    assert read_state_file(settings.data_dir / "tunnel.json") == ""
    probe = await container.receiving.test()
    assert probe.hop is Hop.NO_ADDRESS


async def test_tunnel_that_dies_is_restarted_with_a_new_address(
    served: tuple[Container, ApiServer, States], fake_tool: Path
) -> None:
    container, _, states = served
    await container.receiving.choose(ReceiveMode.TUNNEL)
    await wait_for(states.running, "the first address")
    first = states.running()[-1]
    [pid] = started_pids(fake_tool)

    os.kill(pid, signal.SIGKILL)

    await wait_for(lambda: len(states.running()) == 2, "the restarted tunnel's address")
    failed = [s for s in states.seen if s.phase is TunnelPhase.FAILED]
    assert failed and failed[0].retry_in == 1.0 and "exit code" in failed[0].detail
    second = states.seen[-1]
    assert second.public_url != first and second.changed
    assert (await container.receiving.test()).arrived


async def test_tunnel_failure_says_why_and_probe_names_the_tunnel(
    served: tuple[Container, ApiServer, States], monkeypatch: pytest.MonkeyPatch
) -> None:
    container, _, states = served
    monkeypatch.setenv("FAKE_TUNNEL_FAIL", "1")
    await container.receiving.choose(ReceiveMode.TUNNEL)
    await wait_for(lambda: any(s.phase is TunnelPhase.FAILED for s in states.seen), "failure")
    failed = next(s for s in states.seen if s.phase is TunnelPhase.FAILED)
    assert "failed to request quick Tunnel" in failed.detail

    result = await container.receiving.test()

    assert result.hop is Hop.TUNNEL_DOWN and "failed to request" in str(result.detail)


async def test_tunnel_not_installed_is_a_state_not_an_error(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    container = build(settings, clock=SystemClock(), key_source=MemoryKeySource())
    await container.start(dispatch=False)
    try:
        view = await container.receiving.choose(ReceiveMode.TUNNEL)
        assert view.tunnel.phase is TunnelPhase.NOT_INSTALLED
        assert (await container.receiving.test()).hop is Hop.TUNNEL_DOWN
    finally:
        await container.stop(timeout=5)


async def test_tunnel_address_of_a_new_start_counts_as_changed(
    settings: Settings, fake_tool: Path
) -> None:
    """The gateway still has the address of the last run: a new start's is news."""
    seen: list[list[TunnelState]] = []
    for _ in range(2):
        container = build(settings, clock=SystemClock(), key_source=MemoryKeySource())
        await container.start(dispatch=False)
        states = States()
        container.events.subscribe(states)
        try:
            await container.receiving.choose(ReceiveMode.TUNNEL)
            await wait_for(states.running, "the tunnel's public address")
        finally:
            await container.stop(timeout=5)
        seen.append([s for s in states.seen if s.phase is TunnelPhase.RUNNING])
    assert not seen[0][0].changed
    assert seen[1][0].changed and seen[1][0].public_url != seen[0][0].public_url


@pytest.fixture
def procs(tmp_path: Path) -> Iterator[Processes]:
    p = Processes(tmp_path)
    try:
        yield p
    finally:
        p.close()


def test_serve_tunnel_logs_address_and_leaves_no_orphan_when_killed(
    procs: Processes, fake_tool: Path
) -> None:
    fake = procs.fake({})
    serve = procs.serve(fake)
    serve.command = ("-m", "spreader_app", "serve", "--tunnel")
    serve.start()
    state = serve.data_dir / "tunnel.json"
    wait_until(state.exists, 30, "the tunnel's public address")
    public = json.loads(state.read_text())["public_url"]
    assert public.endswith(".trycloudflare.com") and public.startswith("https://")
    [pid] = started_pids(fake_tool)
    assert alive(pid)

    assert serve.stop(signal.SIGKILL) == -signal.SIGKILL

    wait_until(lambda: not alive(pid), 10, "the tunnel process to end with the app")
    assert f"tunnel public address: {public}" in serve.stderr()


def test_serve_tunnel_ends_the_tunnel_on_a_clean_stop(procs: Processes, fake_tool: Path) -> None:
    fake = procs.fake({})
    serve = procs.serve(fake)
    serve.command = ("-m", "spreader_app", "serve", "--tunnel")
    serve.start()
    wait_until((serve.data_dir / "tunnel.json").exists, 30, "the tunnel's public address")
    [pid] = started_pids(fake_tool)

    assert serve.stop(signal.SIGTERM) == 0

    assert not alive(pid)
    assert read_state_file(serve.data_dir / "tunnel.json") == ""


def test_webhook_test_command_probes_the_owners_address_and_names_a_dead_server(
    procs: Processes,
) -> None:
    fake = procs.fake({})
    serve = procs.serve(fake)
    # The owner's own public address; here the server itself stands in for it.
    settings_file = serve.data_dir / "settings.json"
    settings_file.write_text(json.dumps({"receive_mode": "address", "public_url": serve.url}))
    serve.start()

    ok = serve.run_refused("webhook", "test")

    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert f"Webhook URL: {serve.url}/webhooks/zentra/" in ok.stdout
    assert "OK: The probe arrived in" in ok.stdout
    serve.stop()
    down = serve.run_refused("webhook", "test")
    assert down.returncode == 1
    assert "FAILED (local_server)" in down.stdout and "Is Spreader" in down.stdout


def test_serve_tunnel_without_cloudflared_says_how_to_get_it(
    procs: Processes, tmp_path: Path
) -> None:
    fake = procs.fake({})
    serve = procs.serve(fake, PATH=str(tmp_path / "no-tools"))
    serve.command = ("-m", "spreader_app", "serve", "--tunnel")
    serve.start()

    wait_until(lambda: "cloudflared was not found" in serve.stderr(), 10, "the warning")
    assert "SPREADER_CLOUDFLARED" in serve.stderr()
    assert serve.stop() == 0

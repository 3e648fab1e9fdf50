"""One engine per data folder, seen from outside: a second start is refused before it
touches anything (the first one's sends in flight finish as sent, never ``uncertain``), and
a second desktop start brings the running window to the front."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from spreader_app.instance import LOCK_FILE_NAME, read_holder
from tests.campaign_data import numbers
from tests.integration.conftest import Spawn
from tests.integration.test_serve_blackbox import (
    DEVICES,
    deliveries,
    finished,
    make_package,
    message,
)
from tests.serve_process import ROOT, ServeProcess, free_port, wait_until

# The lock guards one data folder's SQLite file; engines sharing PostgreSQL are item 4's.
pytestmark = pytest.mark.sqlite_only


def test_second_serve_is_refused_and_leaves_the_first_ones_sends_alone(spawn: Spawn) -> None:
    fake, serve = spawn(DEVICES, latency_ms=1500)
    recipients = numbers(6)
    with serve.client() as c:
        package_id, _ = make_package(c)
        body = {"text": "Sale", "recipients": recipients}
        r = c.post(f"/api/v1/packages/{package_id}/messages/open", json=body)
        message_id = r.json()["message_id"]

        def in_flight() -> bool:
            return message(c, package_id, message_id, status="sending")["deliveries_total"] > 0

        wait_until(in_flight, 30, "a send in flight")
        # The port taken (the first one's), then a free port: both refused, in one line.
        for port in (serve.port, free_port()):
            second = serve.run_refused("serve", SPREADER_PORT=str(port))
            assert second.returncode == 2, second.stderr
            lines = second.stderr.strip().splitlines()
            assert len(lines) == 1, second.stderr
            assert f"spreader serve (process {serve.pid}" in lines[0]
            assert str(serve.data_dir) in lines[0]
            assert in_flight(), "the refused start touched the sends in flight"
        wait_until(finished(c, package_id, message_id), 60, "the first one's campaign")
        rows = deliveries(c, package_id, message_id)
    assert Counter(d["status"] for d in rows) == {"sent": len(recipients)}
    assert all(d["attempt_count"] == 1 for d in rows)
    sent_to = Counter(m["recipient"] for m in fake.report()["received"])
    assert sent_to == Counter(n.lstrip("+") for n in recipients)  # once each at the gateway


def test_a_killed_holder_does_not_block_the_next_start(spawn: Spawn) -> None:
    _, serve = spawn(DEVICES)
    first_pid = serve.pid
    assert serve.stop(signal.SIGKILL) == -signal.SIGKILL
    serve.start()  # would exit 2 if the dead process's lock still counted
    holder = read_holder(serve.data_dir / LOCK_FILE_NAME)
    assert holder is not None and holder.pid == serve.pid != first_pid
    assert serve.stop() == 0
    assert read_holder(serve.data_dir / LOCK_FILE_NAME) is None  # a clean stop leaves no name


def _desktop(serve: ServeProcess, log: Path) -> subprocess.Popen[bytes]:
    env = serve.environment() | {"QT_QPA_PLATFORM": "offscreen"}
    with log.open("wb") as err:
        return subprocess.Popen(
            [sys.executable, "-m", "spreader_app"], cwd=ROOT, env=env, stderr=err
        )


def test_second_desktop_start_brings_the_window_forward(spawn: Spawn, tmp_path: Path) -> None:
    fake, serve = spawn(DEVICES)
    serve.stop()
    desktop = _desktop(serve, tmp_path / "desktop.txt")
    lock = serve.data_dir / LOCK_FILE_NAME
    try:

        def listening() -> bool:
            assert desktop.poll() is None, (tmp_path / "desktop.txt").read_text()
            holder = read_holder(lock)
            return holder is not None and holder.knock_port > 0

        wait_until(listening, 90, "the desktop to start")
        again = serve.run_refused(QT_QPA_PLATFORM="offscreen")
        assert again.returncode == 0, again.stderr
        assert "brought its window to the front" in again.stderr
        logs = (serve.data_dir / "logs" / "spreader.log").read_text()
        assert "another start asked to show the window" in logs
        refused = serve.run_refused("serve")
        assert refused.returncode == 2
        assert f"the Spreader window (process {desktop.pid}" in refused.stderr
        assert desktop.poll() is None  # the first one is still running
    finally:
        os.kill(desktop.pid, signal.SIGKILL)
        desktop.wait(30)

"""The dispatch profile's split by layer (``tests.benchmarks.profile_dispatch``): the
README quotes it, so a wrong attribution would mislead whoever reads where the time goes."""

from __future__ import annotations

import pytest

from tests.benchmarks.profile_dispatch import (
    CORE,
    HTTP,
    LOOP,
    OTHER,
    STORAGE,
    calibrated,
    layer_of,
    split_layers,
)

SEND = ("/app/spreader_app/core/dispatcher.py", 283, "_send")
CLIENT = ("/app/spreader_app/zentra/client.py", 160, "send")
ROUND = ("/app/spreader_app/storage/dispatch_store.py", 32, "dispatch_round")
EXECUTE = ("~", 0, "<method 'execute' of 'sqlite3.Connection' objects>")
SOCKET = ("~", 0, "<method 'send' of '_socket.socket' objects>")
REPLACE = ("/usr/lib/python3.11/dataclasses.py", 1453, "replace")
POLL = ("~", 0, "<method 'poll' of 'select.epoll' objects>")


Func = tuple[str, int, str]
Entry = tuple[int, int, float, float, dict[Func, tuple[int, int, float, float]]]


def entry(calls: int, own: float, callers: dict[Func, tuple[int, float]]) -> Entry:
    """A ``pstats`` entry: calls, own and cumulative time, and time from each caller."""
    return (
        calls,
        calls,
        own,
        own,
        {c: (n, n, t, t) for c, (n, t) in callers.items()},
    )


def test_files_and_driver_calls_have_their_layer() -> None:
    assert layer_of(SEND) == CORE
    assert layer_of(CLIENT) == HTTP
    assert layer_of(ROUND) == STORAGE
    assert layer_of(EXECUTE) == STORAGE
    assert layer_of(POLL) == LOOP
    assert layer_of(SOCKET) is None  # its callers decide
    assert layer_of(("/aiohttp/client.py", 1, "_request")) == HTTP
    assert layer_of(("/usr/lib/python3.11/asyncio/events.py", 78, "_run")) == LOOP


def test_unclassified_time_goes_to_callers_in_proportion() -> None:
    stats: dict[Func, Entry] = {
        SEND: entry(10, 1.0, {}),
        CLIENT: entry(10, 2.0, {SEND: (10, 2.0)}),
        ROUND: entry(1, 0.5, {}),
        # 3 s in a dataclass helper: 2 s of it from the client, 1 s from storage.
        REPLACE: entry(30, 3.0, {CLIENT: (20, 2.0), ROUND: (10, 1.0)}),
        # A builtin called only from that helper follows it up to the same callers.
        SOCKET: entry(30, 0.6, {REPLACE: (30, 0.6)}),
    }
    seconds = split_layers(stats)
    assert seconds[CORE] == pytest.approx(1.0)
    assert seconds[HTTP] == pytest.approx(2.0 + 2.0 + 0.4)
    assert seconds[STORAGE] == pytest.approx(0.5 + 1.0 + 0.2)
    assert seconds[OTHER] == 0.0


def test_time_no_layer_explains_is_other() -> None:
    orphan = ("/usr/lib/python3.11/threading.py", 1, "run")
    seconds = split_layers({orphan: entry(1, 0.25, {})})
    assert seconds[OTHER] == pytest.approx(0.25)


def test_calibration_takes_the_profilers_cost_off_per_call() -> None:
    # Both did 1 s of work; the profiler added 1 us to each of its 1,000,000 events, all
    # on the many small calls of the storage function.
    stats: dict[Func, Entry] = {
        SEND: entry(1, 1.0, {}),
        ROUND: entry(1_000_000, 2.0, {}),
    }
    seconds = calibrated(stats, cpu=2.0)
    assert seconds[CORE] == pytest.approx(1.0, rel=0.01)
    assert seconds[STORAGE] == pytest.approx(1.0, rel=0.01)

"""Fault injection for the fake Zentra gateway: which request fails, how, and when.

A fault applies by rate (a seeded draw per request), by schedule (1-based request numbers
``at=``, or a window of the fake's clock ``during=``), optionally only for one ``device``.
``MixedFaults`` draws one fault per (recipient, attempt number) instead, so the faults a
campaign meets do not depend on the order in which concurrent requests arrive.
"""

from __future__ import annotations

import enum
import math
import random
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from aiohttp import web

NOT_CONNECTED = "Device is not connected. Please scan QR code first"


class Fault(enum.StrEnum):
    LATENCY = "latency"  # extra seconds before answering (adds up with other faults)
    TIMEOUT = "timeout"  # no answer for ``seconds`` (default 60), then 504
    SERVER_ERROR = "server_error"  # ``status`` 500 (JSON) or 502/503 (HTML page)
    RATE_LIMIT = "rate_limit"  # 429 with ``Retry-After: retry_after``
    SUCCESS_FALSE = "success_false"  # 201 success false "Device is not connected..."
    RESET = "reset"  # the connection is aborted without an answer
    ECHO_TOKEN = "echo_token"  # a 500 debug page that repeats the request's token
    # From this request on the device is disconnected; attempts show the resulting outcome.
    DISCONNECT_DEVICE = "disconnect_device"
    # From this request on the device is banned (200 success false), or connected again.
    BAN_DEVICE = "ban_device"
    CONNECT_DEVICE = "connect_device"


# The faults that change the device's state instead of spoiling one answer.
STATE_FAULTS: dict[Fault, str] = {
    Fault.DISCONNECT_DEVICE: "disconnected",
    Fault.BAN_DEVICE: "banned",
    Fault.CONNECT_DEVICE: "connected",
}


@dataclass(frozen=True, slots=True)
class FaultSpec:
    """A fault and its parameters. ``delivered`` (TIMEOUT, SERVER_ERROR only) makes the fake
    also record the message as delivered: a gateway that processed it but answered badly."""

    fault: Fault
    seconds: float = 60.0
    status: int = 500
    retry_after: float = 1.0
    delivered: bool = False

    def __post_init__(self) -> None:
        if self.fault is Fault.SERVER_ERROR and not 500 <= self.status <= 599:
            raise ValueError(f"a server error needs a 5xx status, not {self.status}")
        if self.delivered and self.fault not in (Fault.TIMEOUT, Fault.SERVER_ERROR):
            raise ValueError("delivered=True only applies to TIMEOUT and SERVER_ERROR")
        if self.seconds < 0 or self.retry_after < 0:
            raise ValueError("seconds and retry_after cannot be negative")


Chooser = Callable[[int, str, str], "Fault | FaultSpec | None"]


@dataclass(frozen=True, slots=True)
class _Rule:
    spec: FaultSpec
    rate: float | None
    numbers: frozenset[int]
    during: tuple[float, float] | None
    device: str | None

    def matches(self, seq: int, device: str, now: float, draw: float) -> bool:
        if self.device is not None and device != self.device:
            return False
        if self.numbers:
            return seq in self.numbers
        if self.during is not None and not self.during[0] <= now < self.during[1]:
            return False
        return self.rate is None or draw < self.rate


class FaultPlan:
    """Which requests fail and how, drawn from one seeded ``random.Random``.

    Per request, every matching LATENCY adds its seconds and every matching device state
    change applies; of the other faults the first match wins, choosers first, then rules in
    the order they were added.
    """

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._rules: list[_Rule] = []
        self._choosers: list[Chooser] = []

    def add(
        self,
        fault: Fault,
        *,
        rate: float | None = None,
        at: Iterable[int] = (),
        during: tuple[float, float] | None = None,
        device: str | None = None,
        seconds: float | None = None,
        status: int = 500,
        retry_after: float = 1.0,
        delivered: bool = False,
    ) -> None:
        """Inject ``fault`` with probability ``rate`` per request, or at the 1-based request
        numbers in ``at``, or on every request (or with ``rate``) while the fake's clock is in
        ``during = (start, end)`` POSIX seconds, end excluded. ``device`` limits the rule to
        requests for that device UUID. Raises ``ValueError`` for an unclear rule."""
        numbers = frozenset(at)
        if numbers and (rate is not None or during is not None):
            raise ValueError("give exactly one of rate= (0..1) or at= (request numbers)")
        if not numbers and rate is None and during is None:
            raise ValueError(
                "give exactly one of rate= (0..1) or at= (request numbers), "
                "or during= (start, end) with or without rate="
            )
        if rate is not None and not 0.0 <= rate <= 1.0:
            raise ValueError(f"rate must be between 0 and 1, not {rate}")
        if during is not None and not during[0] < during[1]:
            raise ValueError(f"during must be (start, end) with start < end, not {during}")
        if fault is Fault.LATENCY and seconds is None:
            raise ValueError("a LATENCY fault needs seconds=")
        wait = 60.0 if seconds is None else seconds
        spec = FaultSpec(fault, wait, status, retry_after, delivered)
        self._rules.append(_Rule(spec, rate, numbers, during, device))

    def add_chooser(self, chooser: Chooser) -> None:
        """``chooser(seq, device_uuid, recipient)`` returns the fault for a request, or None."""
        self._choosers.append(chooser)

    def clear(self) -> None:
        self._rules.clear()
        self._choosers.clear()

    def pick(
        self, seq: int, device_uuid: str, recipient: str, now: float = math.nan
    ) -> tuple[float, list[Fault], FaultSpec | None]:
        """For request ``seq`` at ``now`` (the fake's clock; rules with ``during`` never match
        without it): the extra latency (seconds), the device state changes to apply first
        (every matching one, in order), and the fault that spoils the answer, if any."""
        chosen = [c(seq, device_uuid, recipient) for c in self._choosers]
        specs = [FaultSpec(c) if isinstance(c, Fault) else c for c in chosen if c is not None]
        for rule in self._rules:
            # Draw for every rate rule on every request, so one rule's outcome never shifts
            # another rule's random sequence.
            draw = self._rng.random() if rule.rate is not None else 0.0
            if rule.matches(seq, device_uuid, now, draw):
                specs.append(rule.spec)
        latency = sum(s.seconds for s in specs if s.fault is Fault.LATENCY)
        states = [s.fault for s in specs if s.fault in STATE_FAULTS]
        spoilers = (
            s for s in specs if s.fault is not Fault.LATENCY and s.fault not in STATE_FAULTS
        )
        return latency, states, next(spoilers, None)


class MixedFaults:
    """A chooser giving each (recipient, attempt number) at most one fault from ``mix``.

    ``mix`` maps a fault (or a ``FaultSpec``) to its probability per request; the sum must
    not exceed 1. The draw is seeded by ``seed``, the recipient and how many requests for
    that recipient came before, so it does not depend on the order of concurrent requests.
    ``devices`` limits it to requests for those device UUIDs. ``injected`` counts the
    faults handed out, by value.
    """

    def __init__(
        self,
        mix: Mapping[Fault | FaultSpec, float],
        *,
        seed: int,
        devices: Collection[str] | None = None,
    ) -> None:
        specs = [(s if isinstance(s, FaultSpec) else FaultSpec(s), p) for s, p in mix.items()]
        if any(p < 0 for _, p in specs) or sum(p for _, p in specs) > 1.0:
            raise ValueError("fault probabilities must be 0 or more and add up to at most 1")
        self._mix = specs
        self._seed = seed
        self._devices = frozenset(devices) if devices is not None else None
        self._tries: Counter[str] = Counter()
        self.injected: Counter[str] = Counter()

    def __call__(self, seq: int, device_uuid: str, recipient: str) -> FaultSpec | None:
        if self._devices is not None and device_uuid not in self._devices:
            return None
        n = self._tries[recipient]
        self._tries[recipient] += 1
        draw = random.Random(f"{self._seed}:{recipient}:{n}").random()
        edge = 0.0
        for spec, p in self._mix:
            edge += p
            if draw < edge:
                self.injected[spec.fault.value] += 1
                return spec
        return None


def fault_response(fault: FaultSpec, token: str) -> web.Response | None:
    """The answer ``fault`` sends (``token``: the request's own), or ``None`` for the
    faults that send none (RESET, TIMEOUT, the device state changes)."""
    if fault.fault is Fault.ECHO_TOKEN:
        body = {
            "success": False,
            "message": f"Server Error: token {token} rejected by upstream",
            "errors": {"x-api-token": [token]},
            "debug": {"headers": {"x-api-token": token}},
        }
        return web.json_response(body, status=500)
    if fault.fault is Fault.SERVER_ERROR and fault.status != 500:
        page = f"<html><body><h1>{fault.status} Server Error</h1></body></html>"
        return web.Response(status=fault.status, text=page, content_type="text/html")
    answers: dict[Fault, tuple[int, dict[str, Any]]] = {
        Fault.SERVER_ERROR: (500, {"success": False, "message": "Server Error"}),
        Fault.RATE_LIMIT: (429, {"success": False, "message": "Too Many Attempts."}),
        Fault.SUCCESS_FALSE: (201, {"success": False, "msg": NOT_CONNECTED}),
    }
    if fault.fault not in answers:
        return None
    status, body = answers[fault.fault]
    headers = {"Retry-After": f"{fault.retry_after:g}"} if status == 429 else None
    return web.json_response(body, status=status, headers=headers)

"""A fake Zentra gateway on loopback with seeded fault injection, answering as ZENTRA.md
describes the real one (multipart ``POST /v1/messages``, ``x-api-token``, device trouble as
2xx ``success: false``). Every ``/messages`` request gets a 1-based ``seq`` and lands in
``attempts``; messages treated as delivered also land in ``received``. E.g.
``fake.faults.add(Fault.SERVER_ERROR, rate=0.1)``, ``fake.faults.add(Fault.RESET, at={5, 9})``
(the fault classes live in ``tests.fakes.faults`` and are re-exported here).

Run alone: ``python -m tests.fakes.fake_zentra --port 0 --device UUID:TOKEN`` prints the base
URL on the first line and serves until SIGTERM or SIGINT; ``--fault KIND:RATE`` injects faults,
``GET /__received`` answers what it received and every attempt, as JSON, and
``POST /__device_state`` switches a device's state (``{"device": UUID, "state": "banned"}``).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import io
import random
import re
import signal
import sys
import time
import warnings
from dataclasses import dataclass
from typing import Any

import httpx
from aiohttp import hdrs, web
from multidict import CIMultiDict, CIMultiDictProxy, MultiDict, MultiDictProxy

from spreader_app.core.clock import Clock
from tests.fakes.faults import (
    NOT_CONNECTED,
    STATE_FAULTS,
    Chooser,
    Fault,
    FaultPlan,
    FaultSpec,
    MixedFaults,
    fault_response,
)

__all__ = [
    "BANNED",
    "NOT_CONNECTED",
    "NOT_FOUND",
    "Attempt",
    "Chooser",
    "FakeZentra",
    "Fault",
    "FaultPlan",
    "FaultSpec",
    "MixedFaults",
    "ReceivedMessage",
    "post_webhook",
]

BANNED = "Device banned"
NOT_FOUND = "Device not found"
STATES = frozenset({"connected", "disconnected", "banned"})
_TYPES = frozenset({"text", "image", "video", "doc", "audio"})
_Answer = tuple[int, dict[str, Any], str]  # status, JSON body, attempt outcome

# The form shape this fake parses itself: multipart/form-data as this project's encoder and
# httpx write it. aiohttp's general parser made up most of the fake's 1.6 ms of CPU per send
# (0.2 ms without it), enough to cap the benchmark, so it only gets bodies that differ.
_FORM_DATA = re.compile(r'multipart/form-data; boundary=("?)([0-9A-Za-z+._-]{1,70})\1')
# A name or filename that aiohttp takes verbatim: it unescapes '\', splits on ';', strips
# a leading '/' and refuses control characters (bytes >= 0x80 are UTF-8, checked later).
_CTL = rb"\x00-\x08\x0a-\x1f\x7f"
_PARAM = rb'[^"\\;/' + _CTL + rb'][^"\\;' + _CTL + rb"]*"
# One part's headers, from the CRLF that ends its boundary line to the blank line.
_PART_HEAD = re.compile(
    rb'\r\nContent-Disposition: (form-data; name="(' + _PARAM + rb')"'
    rb'(?:; filename="(' + _PARAM + rb')")?)'
    rb"(?:\r\nContent-Type: ([\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?))?\r\n\r\n"
)


@dataclass(frozen=True, slots=True)
class ReceivedMessage:
    """A message the fake treats as delivered. ``at`` is POSIX seconds."""

    seq: int
    device_uuid: str
    recipient: str
    type: str
    text: str
    media_url: str | None
    media_filename: str | None
    media_size: int | None
    at: float


@dataclass(frozen=True, slots=True)
class Attempt:
    """One ``/messages`` request and what the fake did with it. ``outcome``: ``accepted``,
    ``unauthorized``, ``device_not_found``, ``device_disconnected``, ``device_banned``,
    ``invalid``, ``abandoned`` (the client left during the latency) or the injected
    ``Fault``'s value. ``status`` is ``None`` when no answer was sent. ``took_ms`` is how
    long the fake held the request, from its handler's start to the answer (real time)."""

    seq: int
    device_uuid: str
    recipient: str
    outcome: str
    status: int | None
    delivered: bool
    at: float
    took_ms: float = 0.0


@dataclass(slots=True)
class _Device:
    token: str
    state: str


class FakeZentra:
    """The fake gateway. ``latency`` (seconds) delays every ``/messages`` answer for real;
    ``seed`` seeds the fault draws; ``clock`` (optional) stamps ``at``.

    ``lookups_enabled`` switches ``/check-whatsapp`` and ``/devices/{uuid}/status`` on
    (off by default: they answer 404, as the real gateway may). Numbers (digits) in
    ``not_on_whatsapp`` are reported as not on WhatsApp.
    """

    def __init__(self, *, clock: Clock | None = None, latency: float = 0.0, seed: int = 0) -> None:
        self.latency = latency
        self.faults = FaultPlan(random.Random(seed))
        self.received: list[ReceivedMessage] = []
        self.attempts: list[Attempt] = []
        self.lookups_enabled = False
        self.not_on_whatsapp: set[str] = set()
        self._clock = clock
        self._devices: dict[str, _Device] = {}
        self._seq = 0
        self._stopping = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._url = ""

    @property
    def url(self) -> str:
        """The base URL, ``http://host:port/v1``; raises ``RuntimeError`` before ``start``."""
        if not self._url:
            raise RuntimeError("FakeZentra has no URL until start() is awaited.")
        return self._url

    def add_device(self, uuid: str, token: str, state: str = "connected") -> None:
        """Register a device under an account token (a token may hold several devices)."""
        self._devices[uuid] = _Device(token, _checked_state(state))

    def set_device_state(self, uuid: str, state: str) -> None:
        """Switch a device to ``connected``, ``disconnected`` or ``banned``."""
        if uuid not in self._devices:
            raise KeyError(f"unknown device {uuid!r}; add it with add_device() first")
        self._devices[uuid].state = _checked_state(state)

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._stopping = asyncio.Event()  # bound to the loop that serves
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_post("/v1/messages", self._on_message)
        app.router.add_post("/v1/check-whatsapp", self._on_lookup)
        app.router.add_get("/v1/devices/{uuid}/status", self._on_lookup)
        app.router.add_get("/__received", self._on_received)
        app.router.add_post("/__device_state", self._on_device_state)
        # handler_cancellation: a handler stops when its client hangs up, like a real server.
        runner = web.AppRunner(
            app, handler_cancellation=True, access_log=None, shutdown_timeout=1.0
        )
        await runner.setup()
        await web.TCPSite(runner, host, port).start()
        self._runner = runner
        bound = runner.addresses[0]
        self._url = f"http://{host}:{bound[1]}/v1"

    async def stop(self) -> None:
        self._stopping.set()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeZentra:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    def _now(self) -> float:
        return self._clock.timestamp() if self._clock is not None else time.time()

    async def _on_message(self, request: web.Request) -> web.StreamResponse:
        started = time.perf_counter()
        self._seq += 1
        seq = self._seq
        form = await _form(request)
        device, recipient = _text(form, "device_uuid"), _text(form, "ids")
        extra, states, fault = self.faults.pick(seq, device, recipient, self._now())

        def record(outcome: str, status: int | None, delivered: bool) -> None:
            self.attempts.append(
                Attempt(
                    seq,
                    device,
                    recipient,
                    outcome,
                    status,
                    delivered,
                    self._now(),
                    (time.perf_counter() - started) * 1000,
                )
            )
            if delivered:
                self.received.append(_received(seq, form, self._now()))

        if self.latency + extra > 0:
            try:
                await asyncio.sleep(self.latency + extra)
            except asyncio.CancelledError:
                record("abandoned", None, False)
                raise
        for change in states:
            if device in self._devices:
                self._devices[device].state = STATE_FAULTS[change]
        status, body, outcome = self._gateway_answer(request, form)
        if fault is None:
            record(outcome, status, outcome == "accepted")
            return web.json_response(body, status=status)
        response = fault_response(fault, request.headers.get("x-api-token", ""))
        delivered = fault.delivered and outcome == "accepted"
        record(fault.fault.value, response.status if response else None, delivered)
        if response is not None:
            return response
        if fault.fault is Fault.RESET:
            if request.transport is not None:
                request.transport.abort()
            raise asyncio.CancelledError
        with contextlib.suppress(TimeoutError):  # Fault.TIMEOUT
            await asyncio.wait_for(self._stopping.wait(), fault.seconds)
        return web.json_response({"success": False, "message": "Gateway Timeout"}, status=504)

    def _gateway_answer(self, request: web.Request, form: MultiDictProxy[Any]) -> _Answer:
        """What the healthy gateway answers to this send."""
        device = self._authorized_device(request, _text(form, "device_uuid"))
        if isinstance(device, tuple):
            return device
        if device.state == "disconnected":
            return 201, {"success": False, "msg": NOT_CONNECTED}, "device_disconnected"
        if device.state == "banned":
            return 200, {"success": False, "msg": BANNED}, "device_banned"
        errors = _form_errors(form)
        if errors:
            body = {"success": False, "message": "The given data was invalid.", "errors": errors}
            return 422, body, "invalid"
        data = {key: _text(form, key) for key in ("device_uuid", "ids", "type_message")}
        return 201, {"success": True, "msg": "MESSAGE_CREATED", "data": data}, "accepted"

    def _authorized_device(self, request: web.Request, uuid: str) -> _Device | _Answer:
        token = request.headers.get("x-api-token", "")
        if not token or all(d.token != token for d in self._devices.values()):
            return 401, {"success": False, "message": "Unauthenticated."}, "unauthorized"
        device = self._devices.get(uuid)
        if device is None or device.token != token:
            return 200, {"success": False, "msg": NOT_FOUND}, "device_not_found"
        return device

    async def _on_received(self, request: web.Request) -> web.Response:
        """What this fake delivered and every attempt, for tests driving it as a process."""
        return web.json_response(
            {
                "received": [dataclasses.asdict(m) for m in self.received],
                "attempts": [dataclasses.asdict(a) for a in self.attempts],
            }
        )

    async def _on_device_state(self, request: web.Request) -> web.Response:
        """``{"device": UUID, "state": ...}``: ``set_device_state`` for tests driving the
        fake as a process (a device banned mid-campaign); 422 for an unknown one."""
        body = await request.json()
        try:
            self.set_device_state(str(body.get("device")), str(body.get("state")))
        except (KeyError, ValueError) as exc:
            return web.json_response({"message": str(exc)}, status=422)
        return web.json_response({"success": True})

    async def _on_lookup(self, request: web.Request) -> web.Response:
        """``/check-whatsapp`` (form) and ``/devices/{uuid}/status``, or 404 when disabled."""
        if not self.lookups_enabled:
            return web.json_response({"message": "Route not found"}, status=404)
        form = await _form(request)
        status_of = request.match_info.get("uuid")
        device = self._authorized_device(request, status_of or _text(form, "device_uuid"))
        if isinstance(device, tuple):
            return web.json_response(device[1], status=device[0])
        if status_of is not None:
            return web.json_response({"success": True, "data": {"status": device.state}})
        exists = _text(form, "phone") not in self.not_on_whatsapp
        return web.json_response({"success": True, "data": {"exists": exists}})


def _checked_state(state: str) -> str:
    if state not in STATES:
        raise ValueError(f"device state {state!r} is not one of {sorted(STATES)}")
    return state


async def _form(request: web.Request) -> MultiDictProxy[Any]:
    """The request's form, as ``request.post()`` gives it, parsed cheaply when it can be."""
    body = await request.read()
    form = _fast_form(request, body)
    if form is not None:
        return form
    # post() reads a multipart body from the request's stream, which read() has drained (a
    # urlencoded one comes from read()'s cache): put the body back, as aiohttp's own multipart
    # reader does with what it reads too far, and like it without the deprecation warning.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        request.content.unread_data(body)
    return await request.post()


def _fast_form(request: web.BaseRequest, body: bytes) -> MultiDictProxy[Any] | None:
    """``body`` as ``request.post()`` reads it when it is a plain ``multipart/form-data``
    form: a ``--boundary`` line first, ``--boundary--`` last, every part named, text fields
    in UTF-8 without a content type, uploads with a filename and optional content type, no
    other part header and no size limit of aiohttp's reached. ``None`` for anything else."""
    framing = _FORM_DATA.fullmatch(request.headers.get(hdrs.CONTENT_TYPE, ""))
    if framing is None:
        return None
    # Every CRLF--boundary delimits (aiohttp looks for nothing else), so splitting on it
    # leaves the bytes before the first boundary, the parts, and what ends the last one.
    chunks = (b"\r\n" + body).split(b"\r\n--" + framing[2].encode())
    fields = len(chunks) - 2
    if chunks[0] or fields < 1 or chunks[-1] not in (b"--", b"--\r\n"):
        return None
    if 0 < request.client_max_fields < fields:
        return None
    form: MultiDict[str | web.FileField] = MultiDict()
    try:
        for part in chunks[1:-1]:
            field = _form_part(part, request.protocol.max_field_size)
            if field is None:
                return None
            form.add(*field)
    except UnicodeDecodeError:
        return None
    # aiohttp reads a first part named _charset_ as the form's encoding: leave such forms to it.
    return None if "_charset_" in form else MultiDictProxy(form)


def _form_part(part: bytes, max_head: int) -> tuple[str, str | web.FileField] | None:
    """One part of a plain form (its boundary line's CRLF, headers, blank line, content) as
    aiohttp reads it, or ``None`` when aiohttp would read it otherwise. Raises
    ``UnicodeDecodeError`` for a name, filename or text field that is not UTF-8."""
    head = _PART_HEAD.match(part)
    if head is None or head.end() > max_head:  # aiohttp refuses overlong header lines
        return None
    disposition, name, filename, content_type = head.groups()
    content = part[head.end() :]
    if filename is None:
        # aiohttp decodes a field with a content type by its charset, or leaves it bytes.
        return None if content_type is not None else (name.decode(), content.decode())
    headers = CIMultiDict({hdrs.CONTENT_DISPOSITION: disposition.decode()})
    if content_type is not None:
        if b"multipart" in content_type.lower():  # a nested form, which aiohttp refuses
            return None
        headers[hdrs.CONTENT_TYPE] = content_type.decode()
    upload = web.FileField(
        name=name.decode(),
        filename=filename.decode(),
        file=io.BytesIO(content),
        content_type=headers.get(hdrs.CONTENT_TYPE, "application/octet-stream"),
        headers=CIMultiDictProxy(headers),
    )
    return upload.name, upload


def _text(form: MultiDictProxy[Any], key: str) -> str:
    value = form.get(key)
    return value if isinstance(value, str) else ""


def _form_errors(form: MultiDictProxy[Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    kind = _text(form, "type_message")
    if kind not in _TYPES:
        errors["type_message"] = [f"type_message must be one of {sorted(_TYPES)}."]
    if _text(form, "type_contact") != "numbers":
        errors["type_contact"] = ["type_contact must be numbers."]
    ids = _text(form, "ids")
    if not (ids.isascii() and ids.isdigit() and 6 <= len(ids) <= 15):
        errors["ids"] = ["ids must be one number in international digits, without + or 00."]
    if kind == "text" and not _text(form, "text_message"):
        errors["text_message"] = ["text_message is required for text messages."]
    if kind in _TYPES - {"text"}:
        if not isinstance(form.get("media"), web.FileField) and not _text(form, "media_url"):
            errors["media"] = ["media (a file) or media_url is required for media messages."]
    return errors


def _received(seq: int, form: MultiDictProxy[Any], at: float) -> ReceivedMessage:
    media = form.get("media")
    upload = media if isinstance(media, web.FileField) else None
    return ReceivedMessage(
        seq=seq,
        device_uuid=_text(form, "device_uuid"),
        recipient=_text(form, "ids"),
        type=_text(form, "type_message"),
        text=_text(form, "text_message"),
        media_url=_text(form, "media_url") or None,
        media_filename=upload.filename if upload else None,
        media_size=len(upload.file.read()) if upload else None,
        at=at,
    )


async def post_webhook(url: str, payload: dict[str, Any] | str, *, form: bool = False) -> int:
    """POST an inbound message to ``url`` as a gateway would; returns the HTTP status.

    A ``dict`` goes as JSON, or as form fields with ``form=True``; a ``str`` goes verbatim,
    labelled as a form or as JSON.
    """
    async with httpx.AsyncClient(timeout=10.0) as client:
        if isinstance(payload, str):
            kind = "application/x-www-form-urlencoded" if form else "application/json"
            response = await client.post(url, content=payload, headers={"Content-Type": kind})
        elif form:
            response = await client.post(url, data={k: str(v) for k, v in payload.items()})
        else:
            response = await client.post(url, json=payload)
    return response.status_code


def _fault_arg(text: str) -> tuple[Fault, float]:
    kind, sep, rate = text.partition(":")
    try:
        return Fault(kind), float(rate)
    except ValueError:
        choices = ", ".join(f.value for f in Fault)
        raise argparse.ArgumentTypeError(
            f"{text!r}: expected KIND:RATE such as server_error:0.05; KIND is one of {choices}"
        ) from None


async def _serve(args: argparse.Namespace) -> None:
    fake = FakeZentra(latency=args.latency_ms / 1000.0, seed=args.seed)
    fake.lookups_enabled = args.enable_lookups
    for fault, rate in args.fault:
        fake.faults.add(fault, rate=rate, seconds=1.0 if fault is Fault.LATENCY else None)
    for spec in args.device:
        uuid, sep, token = spec.partition(":")
        if not sep or not uuid or not token:
            raise SystemExit(f"--device {spec!r}: expected UUID:TOKEN")
        fake.add_device(uuid, token)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # Windows: KeyboardInterrupt instead
            loop.add_signal_handler(sig, stop.set)
    await fake.start(args.host, args.port)
    print(fake.url, flush=True)
    try:
        await stop.wait()
    finally:
        await fake.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fake Zentra gateway on loopback.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--device", action="append", default=[], metavar="UUID:TOKEN")
    parser.add_argument("--latency-ms", type=float, default=0.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--enable-lookups", action="store_true")
    parser.add_argument(
        "--fault",
        action="append",
        default=[],
        type=_fault_arg,
        metavar="KIND:RATE",
        help="inject a fault on this share of requests, e.g. server_error:0.05",
    )
    args = parser.parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The fake gateway, driven through the real ``ZentraClient`` over loopback."""

from __future__ import annotations

import asyncio
import base64
import os
import re
import signal
import sys
from collections.abc import AsyncIterator, Callable, Mapping
from pathlib import Path
from typing import Any
from unittest import mock

import httpx
import pytest
from aiohttp import StreamReader, web
from aiohttp.test_utils import make_mocked_request
from hypothesis import given, settings
from hypothesis import strategies as st

from spreader_app.core.clock import ManualClock
from spreader_app.core.models import MessageContent, MessageType, OutcomeKind, SendRequest
from spreader_app.zentra.client import ZentraClient
from spreader_app.zentra.payloads import FormField, encode_multipart
from tests.fakes.fake_zentra import (
    NOT_CONNECTED,
    FakeZentra,
    Fault,
    FaultSpec,
    _fast_form,
    post_webhook,
)

DEVICE, TOKEN = "dev-1", "tok-one"
REPO = Path(__file__).resolve().parents[3]
BOUNDARY = "hand-built"
TEXT_HEAD = 'Content-Disposition: form-data; name="text_message"\r\n'
UPLOAD_HEAD = 'Content-Disposition: form-data; name="media"; filename="a.bin"\r\n'


@pytest.fixture
async def fake() -> AsyncIterator[FakeZentra]:
    async with FakeZentra() as server:
        server.add_device(DEVICE, TOKEN)
        yield server


@pytest.fixture
async def client(fake: FakeZentra) -> AsyncIterator[ZentraClient]:
    async with ZentraClient(fake.url, timeout=2.0) as zentra:
        yield zentra


def _send(recipient: str = "+201066183456", **content: Any) -> SendRequest:
    return SendRequest(DEVICE, TOKEN, recipient, MessageContent(**(content or {"text": "Hi"})))


def _text_form(text: str = "Hi") -> dict[str, str]:
    return {
        "device_uuid": DEVICE,
        "type_message": "text",
        "type_contact": "numbers",
        "ids": "201066183456",
        "text_message": text,
    }


async def _post_raw(
    fake: FakeZentra, content: bytes | AsyncIterator[bytes], content_type: str
) -> httpx.Response:
    headers = {"x-api-token": TOKEN, "Content-Type": content_type}
    async with httpx.AsyncClient(timeout=5.0) as http:
        return await http.post(f"{fake.url}/messages", content=content, headers=headers)


async def _until(condition: Callable[[], object], timeout: float = 5.0) -> None:
    """Wait for the server side to catch up with something the client already saw."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition not reached"
        await asyncio.sleep(0.01)


async def test_fake_zentra_accepts_and_records_a_text_send(
    fake: FakeZentra, client: ZentraClient
) -> None:
    result = await client.send(_send())
    assert result.kind is OutcomeKind.ACCEPTED
    [received] = fake.received
    assert (received.seq, received.device_uuid, received.recipient) == (1, DEVICE, "201066183456")
    assert (received.type, received.text) == ("text", "Hi")
    assert [a.outcome for a in fake.attempts] == ["accepted"]


async def test_fake_zentra_records_uploaded_media(
    fake: FakeZentra, client: ZentraClient, tmp_path: Path
) -> None:
    clip = tmp_path / "note.ogg"
    clip.write_bytes(b"OggS" * 100)
    sent = _send(type=MessageType.VOICE, media_path=str(clip))
    assert (await client.send(sent)).accepted
    [received] = fake.received
    assert (received.type, received.media_filename, received.media_size) == (
        "audio",
        "note.ogg",
        400,
    )
    assert received.media_url is None and received.text == ""


async def test_fake_zentra_stamps_received_with_the_injected_clock() -> None:
    clock = ManualClock(1_750_000_000.0)
    async with FakeZentra(clock=clock) as fake, ZentraClient(fake.url) as client:
        fake.add_device(DEVICE, TOKEN)
        await client.send(_send())
        clock.advance(90.0)
        await client.send(_send(type=MessageType.IMAGE, media_url="https://cdn.test/a.jpg"))
    assert [r.at for r in fake.received] == [1_750_000_000.0, 1_750_000_090.0]
    assert [a.at for a in fake.attempts] == [1_750_000_000.0, 1_750_000_090.0]
    assert fake.received[1].media_url == "https://cdn.test/a.jpg"


@pytest.mark.parametrize(
    ("state", "status", "detail", "kind"),
    [
        ("disconnected", 201, NOT_CONNECTED, OutcomeKind.DEVICE_UNAVAILABLE),
        ("banned", 200, "Device banned", OutcomeKind.BANNED),
    ],
)
async def test_fake_zentra_device_states_answer_2xx_success_false(
    fake: FakeZentra,
    client: ZentraClient,
    state: str,
    status: int,
    detail: str,
    kind: OutcomeKind,
) -> None:
    fake.set_device_state(DEVICE, state)
    result = await client.send(_send())
    assert result.kind is kind
    assert result.status_code == status and detail in result.detail
    assert fake.received == []
    fake.set_device_state(DEVICE, "connected")
    assert (await client.send(_send())).accepted


async def test_fake_zentra_unknown_token_and_unknown_device(
    fake: FakeZentra, client: ZentraClient
) -> None:
    wrong_token = SendRequest(DEVICE, "nope", "+201066183456", MessageContent(text="x"))
    assert (await client.send(wrong_token)).kind is OutcomeKind.AUTH_ERROR
    other_device = SendRequest("dev-x", TOKEN, "+201066183456", MessageContent(text="x"))
    result = await client.send(other_device)
    assert result.kind is OutcomeKind.DEVICE_UNKNOWN and "Device not found" in result.detail
    assert [a.outcome for a in fake.attempts] == ["unauthorized", "device_not_found"]


@pytest.mark.parametrize(
    ("fault", "options", "kind", "status"),
    [
        (Fault.SERVER_ERROR, {}, OutcomeKind.TRANSIENT, 500),
        (Fault.SERVER_ERROR, {"status": 502}, OutcomeKind.TRANSIENT, 502),
        (Fault.SERVER_ERROR, {"status": 503}, OutcomeKind.TRANSIENT, 503),
        (Fault.RATE_LIMIT, {"retry_after": 7}, OutcomeKind.RATE_LIMITED, 429),
        (Fault.SUCCESS_FALSE, {}, OutcomeKind.DEVICE_UNAVAILABLE, 201),
        (Fault.RESET, {}, OutcomeKind.TRANSIENT, None),
        (Fault.TIMEOUT, {"seconds": 30}, OutcomeKind.TRANSIENT, None),
    ],
)
async def test_fake_zentra_each_fault_gives_the_outcome_the_client_must_report(
    fake: FakeZentra,
    fault: Fault,
    options: dict[str, Any],
    kind: OutcomeKind,
    status: int | None,
) -> None:
    fake.faults.add(fault, at={2}, **options)
    async with ZentraClient(fake.url, timeout=0.3) as client:
        first, second, third = [await client.send(_send()) for _ in range(3)]
    assert first.accepted and third.accepted
    assert (second.kind, second.status_code) == (kind, status)
    assert not second.not_delivered  # the request did reach the gateway
    if fault is Fault.RATE_LIMIT:
        assert second.retry_after == 7.0
    assert [r.seq for r in fake.received] == [1, 3]
    assert fake.attempts[1].outcome == fault.value


@pytest.mark.parametrize("fault", [Fault.TIMEOUT, Fault.SERVER_ERROR])
async def test_fake_zentra_fault_may_also_deliver_the_message(
    fake: FakeZentra, fault: Fault
) -> None:
    fake.faults.add(fault, at={1}, seconds=30, delivered=True)
    async with ZentraClient(fake.url, timeout=0.3) as client:
        result = await client.send(_send())
    assert result.kind is OutcomeKind.TRANSIENT and not result.not_delivered
    assert [r.seq for r in fake.received] == [1]
    assert fake.attempts[0].delivered


async def test_fake_zentra_disconnect_device_fault_sticks(
    fake: FakeZentra, client: ZentraClient
) -> None:
    fake.faults.add(Fault.DISCONNECT_DEVICE, at={2})
    kinds = [(await client.send(_send())).kind for _ in range(3)]
    assert kinds == [OutcomeKind.ACCEPTED] + [OutcomeKind.DEVICE_UNAVAILABLE] * 2
    assert [a.outcome for a in fake.attempts][1:] == ["device_disconnected"] * 2


async def test_fake_zentra_latency_delays_answers(fake: FakeZentra, client: ZentraClient) -> None:
    fake.faults.add(Fault.LATENCY, at={1}, seconds=0.2)
    result = await client.send(_send())
    assert result.accepted and result.elapsed_ms >= 200


async def test_fake_zentra_client_leaving_during_latency_is_recorded_as_abandoned(
    fake: FakeZentra,
) -> None:
    fake.latency = 5.0
    async with ZentraClient(fake.url, timeout=0.2) as client:
        result = await client.send(_send())
    assert result.kind is OutcomeKind.TRANSIENT
    await _until(lambda: fake.attempts)
    assert fake.attempts[0].outcome == "abandoned" and fake.received == []


async def test_fake_zentra_connection_refused_is_not_delivered() -> None:
    async with FakeZentra() as fake:
        url = fake.url
    async with ZentraClient(url, timeout=1.0) as client:
        result = await client.send(_send())
    assert result.kind is OutcomeKind.TRANSIENT and result.not_delivered


async def test_fake_zentra_rate_faults_are_reproducible_from_the_seed() -> None:
    async def outcomes(seed: int) -> list[str]:
        async with FakeZentra(seed=seed) as fake, ZentraClient(fake.url) as client:
            fake.add_device(DEVICE, TOKEN)
            fake.faults.add(Fault.SERVER_ERROR, rate=0.3)
            fake.faults.add(Fault.RATE_LIMIT, rate=0.3)
            for _ in range(30):
                await client.send(_send())
            return [a.outcome for a in fake.attempts]

    first, again = await outcomes(7), await outcomes(7)
    assert first == again
    assert {"accepted", "server_error", "rate_limit"} <= set(first)


async def test_fake_zentra_chooser_picks_faults_per_recipient(
    fake: FakeZentra, client: ZentraClient
) -> None:
    def chooser(seq: int, device: str, recipient: str) -> Fault | FaultSpec | None:
        return FaultSpec(Fault.SERVER_ERROR, status=502) if recipient.endswith("7") else None

    fake.faults.add_chooser(chooser)
    kinds = [(await client.send(_send(n))).kind for n in ("+201000000007", "+201000000008")]
    assert kinds == [OutcomeKind.TRANSIENT, OutcomeKind.ACCEPTED]
    assert [r.recipient for r in fake.received] == ["201000000008"]


def test_fake_zentra_fault_plan_refuses_unclear_rules() -> None:
    plan = FakeZentra().faults
    with pytest.raises(ValueError, match="exactly one of rate"):
        plan.add(Fault.RESET)
    with pytest.raises(ValueError, match="exactly one of rate"):
        plan.add(Fault.RESET, rate=0.5, at={1})
    with pytest.raises(ValueError, match="between 0 and 1"):
        plan.add(Fault.RESET, rate=1.5)
    with pytest.raises(ValueError, match="needs seconds"):
        plan.add(Fault.LATENCY, rate=1.0)
    with pytest.raises(ValueError, match="only applies"):
        plan.add(Fault.RESET, at={1}, delivered=True)
    with pytest.raises(ValueError, match="5xx"):
        plan.add(Fault.SERVER_ERROR, at={1}, status=404)


async def test_fake_zentra_lookups_are_404_until_enabled(
    fake: FakeZentra, client: ZentraClient
) -> None:
    assert await client.check_number(DEVICE, TOKEN, "+201066183456") is None
    assert await client.device_status(DEVICE, TOKEN) is None
    fake.lookups_enabled = True
    fake.not_on_whatsapp.add("201000000009")
    assert await client.check_number(DEVICE, TOKEN, "+201066183456") is True
    assert await client.check_number(DEVICE, TOKEN, "+201000000009") is False
    assert await client.device_status(DEVICE, TOKEN) == "connected"
    fake.set_device_state(DEVICE, "banned")
    assert await client.device_status(DEVICE, TOKEN) == "banned"
    assert await client.device_status(DEVICE, "wrong") is None


async def test_post_webhook_sends_json_form_and_raw_text() -> None:
    seen: list[tuple[str, bytes]] = []

    async def receive(request: web.Request) -> web.Response:
        seen.append((request.content_type, await request.read()))
        return web.Response(status=202)

    app = web.Application()
    app.router.add_post("/hook", receive)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
    try:
        assert await post_webhook(url, {"from": "2010", "text": "hi"}) == 202
        assert await post_webhook(url, {"from": "2010", "n": 5}, form=True) == 202
        assert await post_webhook(url, "from=2010", form=True) == 202
    finally:
        await runner.cleanup()
    assert seen == [
        ("application/json", b'{"from":"2010","text":"hi"}'),
        ("application/x-www-form-urlencoded", b"from=2010&n=5"),
        ("application/x-www-form-urlencoded", b"from=2010"),
    ]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX")
async def test_fake_zentra_runs_as_a_separate_process_and_stops_on_sigterm() -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.fakes.fake_zentra",
        "--port",
        "0",
        "--device",
        f"{DEVICE}:{TOKEN}",
        "--latency-ms",
        "1",
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=asyncio.subprocess.PIPE,
    )
    assert process.stdout is not None
    try:
        url = (await asyncio.wait_for(process.stdout.readline(), 20)).decode().strip()
        assert url.startswith("http://127.0.0.1:") and url.endswith("/v1")
        async with ZentraClient(url) as client:
            assert (await client.send(_send())).accepted
    finally:
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 20) == 0


def _as_aiohttp_receives(body: bytes, content_type: str) -> web.Request:
    """A request carrying ``body`` whose ``post()`` is aiohttp's own reading of it."""
    stream = StreamReader(mock.Mock(), limit=2**16)
    stream.feed_data(body)
    stream.feed_eof()
    return make_mocked_request(
        "POST", "/v1/messages", headers={"Content-Type": content_type}, payload=stream
    )


def _fields(form: Mapping[str, Any]) -> list[tuple[str, object]]:
    """The form's fields as comparable values; an upload's file is read and closed."""
    fields: list[tuple[str, object]] = []
    for key, value in form.items():
        if isinstance(value, web.FileField):
            with value.file as data:
                upload = (value.name, value.filename, value.content_type, data.read())
            fields.append((key, (*upload, sorted(value.headers.items()))))
        else:
            fields.append((key, value))
    return fields


# Names the fast parser must take itself: aiohttp reads them verbatim (the encoder escapes
# quotes, CR and LF). Backslashes, ';', other control characters, a leading '/' and the
# name _charset_ mean something to aiohttp, so such forms go to its parser instead.
def _plain(param: str) -> bool:
    odd = re.search(r"[\\;\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", param)
    return bool(param) and not odd and not param.startswith("/") and param != "_charset_"


_tricky = st.text(st.characters(codec="utf-8") | st.sampled_from('\r\n"\\;/%= '), max_size=24)
# Mostly names as clients send them (quotes, CR, LF, any letter), the odd ones mixed in.
_names = (
    st.text(
        st.characters(codec="utf-8", exclude_categories=["Cc"]) | st.sampled_from('\r\n"%= '),
        min_size=1,
        max_size=24,
    )
    | _tricky
    | st.sampled_from(["_charset_", "text_message", "media"])
)
_uploads = st.tuples(
    _names,
    _names,
    st.binary(max_size=2048),
    st.sampled_from(["image/jpeg", "audio/ogg", "text/plain; charset=latin-1"]),
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(fields=st.lists(st.tuples(_names, _tricky), max_size=6), upload=st.none() | _uploads)
async def test_fake_zentra_fast_form_parsing_matches_aiohttp(
    fields: list[tuple[str, str]], upload: tuple[str, str, bytes, str] | None
) -> None:
    form: list[FormField] = [(name, (None, value)) for name, value in fields]
    params = [name for name, _ in fields]
    if upload is not None:
        name, filename, data, content_type = upload
        form.append((name, (filename, data, content_type)))
        params += [name, filename]
    body, content_type = encode_multipart(form)
    request = _as_aiohttp_receives(body, content_type)
    fast = _fast_form(request, body)
    if fast is None:
        assert not (form and all(map(_plain, params))), "a plain form must not need aiohttp"
    else:
        assert _fields(fast) == _fields(await request.post())


async def test_fake_zentra_accepts_urlencoded_and_httpx_multipart_sends(
    fake: FakeZentra,
) -> None:
    async with httpx.AsyncClient(timeout=5.0) as http:
        url, headers = f"{fake.url}/messages", {"x-api-token": TOKEN}
        urlencoded = await http.post(url, data=_text_form("plain form"), headers=headers)
        clip = {"media": ("note.ogg", b"OggS" * 10, "audio/ogg")}
        voice = {**_text_form("caption ✓"), "type_message": "audio"}
        multipart = await http.post(url, data=voice, files=clip, headers=headers)
    assert (urlencoded.status_code, multipart.status_code) == (201, 201)
    assert [(r.type, r.text, r.media_filename, r.media_size) for r in fake.received] == [
        ("text", "plain form", None, None),
        ("audio", "caption ✓", "note.ogg", 40),
    ]


def _hand_built(last_part: str, *, preamble: str = "", end: str = "--\r\n") -> bytes:
    """A text send built by hand: ``last_part`` (head and body) comes after the other
    fields, ``end`` after the closing ``--boundary``."""
    fields = {k: v for k, v in _text_form().items() if k != "text_message"}
    parts = [f'Content-Disposition: form-data; name="{k}"\r\n\r\n{v}' for k, v in fields.items()]
    body = "".join(f"--{BOUNDARY}\r\n{part}\r\n" for part in [*parts, last_part])
    return f"{preamble}{body}--{BOUNDARY}{end}".encode()


@pytest.mark.parametrize(
    ("last_part", "end"),
    [
        pytest.param(UPLOAD_HEAD + "\r\n\x00\x01", "--\r\n", id="upload-without-type"),
        pytest.param(UPLOAD_HEAD.replace('"a.bin"', '""') + "\r\nx", "--\r\n", id="no-filename"),
        pytest.param(TEXT_HEAD + "Content-Type: application/json\r\n\r\n{}", "--\r\n", id="json"),
        pytest.param(
            TEXT_HEAD + "Content-Type: text/plain; charset=latin-1\r\n\r\nHé",
            "--\r\n",
            id="latin-1",
        ),
        pytest.param(UPLOAD_HEAD + "Content-Type: multipart/mixed\r\n\r\nx", "--\r\n", id="nested"),
        pytest.param(TEXT_HEAD.lower() + "\r\nHi", "--\r\n", id="header-case"),
        pytest.param(TEXT_HEAD + "\r\nHi", "--", id="no-final-crlf"),
        pytest.param(TEXT_HEAD + "\r\nHi", "--\r\nan epilogue\r\n", id="epilogue"),
        pytest.param(TEXT_HEAD + "\r\nHi", "--trailing", id="bad-closing-line"),
    ],
)
async def test_fake_zentra_fast_form_declines_or_matches_aiohttp_on_hand_built_forms(
    last_part: str, end: str
) -> None:
    body = _hand_built(last_part, end=end)
    request = _as_aiohttp_receives(body, f"multipart/form-data; boundary={BOUNDARY}")
    fast = _fast_form(request, body)
    if fast is not None:
        assert _fields(fast) == _fields(await request.post())


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        pytest.param(
            _hand_built(TEXT_HEAD + "\r\nHi ✓", preamble="a preamble\r\n"),
            f'multipart/form-data; boundary="{BOUNDARY}"',
            id="preamble",
        ),
        pytest.param(
            _hand_built(
                TEXT_HEAD
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + base64.b64encode("Hi ✓".encode()).decode()
            ),
            f"multipart/form-data; boundary={BOUNDARY}",
            id="base64-part",
        ),
        pytest.param(
            _hand_built(TEXT_HEAD + "\r\nHi ✓"),
            f"Multipart/Form-Data;boundary={BOUNDARY}",
            id="content-type-spelling",
        ),
    ],
)
async def test_fake_zentra_reads_unusual_multipart_sends_as_aiohttp_does(
    fake: FakeZentra, body: bytes, content_type: str
) -> None:
    assert _fast_form(_as_aiohttp_receives(body, content_type), body) is None
    response = await _post_raw(fake, body, content_type)
    assert response.status_code == 201, response.text
    assert [r.text for r in fake.received] == ["Hi ✓"]


async def test_fake_zentra_reads_a_chunked_multipart_send(fake: FakeZentra) -> None:
    body, content_type = encode_multipart([(k, (None, v)) for k, v in _text_form().items()])

    async def pieces() -> AsyncIterator[bytes]:
        for start in range(0, len(body), 50):
            yield body[start : start + 50]

    assert (await _post_raw(fake, pieces(), content_type)).status_code == 201
    assert [r.text for r in fake.received] == ["Hi"]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            _hand_built(TEXT_HEAD + "\r\nHi").removesuffix(f"--{BOUNDARY}--\r\n".encode()),
            id="unclosed",
        ),
        pytest.param(_hand_built("Content-Disposition: form-data\r\n\r\nHi"), id="no-name"),
        pytest.param(_hand_built(TEXT_HEAD + "\r\nHi").replace(b"Hi", b"H\xff"), id="not-utf8"),
    ],
)
async def test_fake_zentra_answers_a_malformed_multipart_send_with_500(
    fake: FakeZentra, body: bytes
) -> None:
    response = await _post_raw(fake, body, f"multipart/form-data; boundary={BOUNDARY}")
    assert response.status_code == 500
    assert fake.attempts == [] and fake.received == []

"""Schemathesis against the live OpenAPI document: no input, valid or not, gets a 5xx, every
answer is documented, and the server still answers ``/health`` afterwards.

The server runs in a thread with its own event loop (schemathesis calls are synchronous),
on the fake gateway, with a package, a profile and a message to aim the ids at.
"""

from __future__ import annotations

import asyncio
import random
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from spreader_app.bootstrap import build
from spreader_app.config import Settings
from spreader_app.core.services.sending import read_open_request
from spreader_app.server.openapi import openapi_document
from spreader_app.server.runner import ApiServer
from spreader_app.vault.key_sources import MemoryKeySource
from tests.fakes.fake_zentra import FakeZentra

API_KEY = "fuzz-api-key-0123456789abcdef"
SECRET = "fuzz-webhook-secret-0123456789"
EXAMPLES = 15
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Deleting the shared package or profile would turn every later case into a 404.
KEEP_IDS = {"deletePackage", "deleteProfile"}
POSITIVE, NEGATIVE = schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE
# Negative cases need something to break that a URL can carry: a body or a query string.
CASES = [
    pytest.param(op["operationId"], path, method, mode, id=f"{op['operationId']}-{mode.value}")
    for path, ops in openapi_document()["paths"].items()
    for method, op in ops.items()
    for mode in (POSITIVE, NEGATIVE)
    if mode is POSITIVE
    or "requestBody" in op
    or any(p["in"] == "query" for p in op.get("parameters", []))
]


@dataclass
class LiveServer:
    """An ``ApiServer`` on a thread's own loop, with ids of real objects to aim at."""

    data_dir: Path
    url: str = ""
    ids: dict[str, str] = field(default_factory=dict)
    unexpected_errors: int = 0
    _ready: threading.Event = field(default_factory=threading.Event)
    _loop: asyncio.AbstractEventLoop | None = None
    _stop: asyncio.Event | None = None
    _failure: BaseException | None = None

    def __enter__(self) -> LiveServer:
        self._thread = threading.Thread(target=self._run, name="fuzz-server", daemon=True)
        self._thread.start()
        self._ready.wait(60)
        if self._failure is not None or not self.url:
            raise RuntimeError("the API server did not start") from self._failure
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._loop is not None and self._stop is not None
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(60)

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as exc:  # surfaced by __enter__
            self._failure = exc
            self._ready.set()

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        fake = FakeZentra()
        await fake.start()
        fake.add_device("dev-a", "token-aaaa-1111")
        fake.lookups_enabled = True
        container = build(
            Settings(
                data_dir=self.data_dir,
                database_url=f"sqlite:///{self.data_dir / 'fuzz.db'}",
                api_key=API_KEY,
                webhook_secret=SECRET,
                zentra_url=fake.url,
                api_rate_limit_per_minute=100_000,
            ),
            key_source=MemoryKeySource(),
            rng=random.Random(5),
        )
        await container.start(dispatch=False)
        server = ApiServer(container)
        await server.start("127.0.0.1", 0)
        try:
            package = await container.packages.create({"name": "Fuzz", "timezone": "UTC"})
            profile = await container.profiles.create(
                package.id,
                {"name": "A", "zentra_uuid": "dev-a", "zentra_api_token": "token-aaaa-1111"},
            )
            req = read_open_request({"text": "Hi", "recipients": ["+201066183456"]})
            sent = await container.sending.send_open(package.id, req)
            template = await container.templates.create(package.id, {"name": "T", "text": "Hi"})
            self.ids = {
                "id": package.id,
                "tid": template.id,
                "pid": profile.id,
                "mid": sent.message.id,
                "secret": SECRET,
                "phone": "+201066183456",
            }
            self.url = server.url
            self._ready.set()
            await self._stop.wait()
        finally:
            self.unexpected_errors = server.unexpected_errors
            await server.stop()
            await container.stop(timeout=5)
            await fake.stop()


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with LiveServer(tmp_path_factory.mktemp("fuzz")) as server:
        yield server
    assert server.unexpected_errors == 0


@pytest.fixture(scope="module")
def schema(live: LiveServer) -> Any:
    return schemathesis.openapi.from_url(f"{live.url}/api/v1/openapi.json")


@pytest.mark.parametrize(("op_id", "path", "method", "mode"), CASES)
def test_api_fuzz_never_answers_5xx(
    live: LiveServer,
    schema: Any,
    op_id: str,
    path: str,
    method: str,
    mode: schemathesis.GenerationMode,
) -> None:
    operation = schema[path][method]
    headers = {"X-API-Key": API_KEY}

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode), aim=st.booleans())
    def run(case: Any, aim: bool) -> None:
        if aim and op_id not in KEEP_IDS and case.path_parameters:
            for name in case.path_parameters:
                case.path_parameters[name] = live.ids[name]
        response = case.call(base_url=live.url, headers=headers, timeout=30)
        checks = CHECKS if mode is POSITIVE else CHECKS[:1]
        case.validate_response(response, checks=checks, headers=headers)

    run()


def test_api_still_healthy_after_fuzzing(live: LiveServer) -> None:
    r = httpx.get(f"{live.url}/health", timeout=10)
    assert r.status_code == 200 and r.json()["status"] == "ok"
    assert live.url and live.ids

"""Testing a device before saving its profile tells apart: connected, token refused, device
unknown, not connected (scan the QR code), gateway unreachable, and no status check (then a
labelled test message to the owner's own number)."""

from __future__ import annotations

import pytest

from spreader_app.bootstrap import Container
from spreader_app.core.errors import ValidationFailed
from spreader_app.core.models import OutcomeKind
from spreader_app.core.services.connection import (
    NO_STATUS_CHECK,
    TEST_MESSAGE,
    ConnectionTester,
)
from spreader_app.zentra.client import ZentraClient
from tests.fakes.fake_zentra import FakeZentra

DEVICE, TOKEN = "dev-1", "token-1-abcdefgh"


@pytest.fixture
def fake(fake_zentra: FakeZentra) -> FakeZentra:
    fake_zentra.add_device(DEVICE, TOKEN)
    fake_zentra.lookups_enabled = True
    return fake_zentra


async def test_connection_status_check_tells_each_case_apart(
    container: Container, fake: FakeZentra
) -> None:
    test = container.profiles.test_connection

    ok = await test("", DEVICE, TOKEN)
    assert ok.connected and ok.via == "status"
    refused = await test("", DEVICE, "token-wrong-abcdefgh")
    assert refused.kind is OutcomeKind.AUTH_ERROR and "token" in refused.words
    unknown = await test("", "dev-unknown", TOKEN)
    assert unknown.kind is OutcomeKind.DEVICE_UNKNOWN and "device UUID" in unknown.words
    fake.set_device_state(DEVICE, "disconnected")
    offline = await test("", DEVICE, TOKEN)
    assert offline.kind is OutcomeKind.DEVICE_UNAVAILABLE and "QR code" in offline.words
    assert fake.received == []  # asking sends nothing


async def test_connection_unreachable_gateway(container: Container) -> None:
    gateway = ZentraClient("http://127.0.0.1:9/v1", timeout=2)
    tester = ConnectionTester(gateway, container.store, container.clock, lambda: "")
    try:
        report = await tester.test(DEVICE, TOKEN)
    finally:
        await gateway.aclose()
    assert report.kind is OutcomeKind.TRANSIENT
    assert report.words.startswith("The gateway cannot be reached properly right now.")
    assert "could not be reached" in report.words


async def test_connection_without_status_check_sends_a_labelled_test_message(
    container: Container, fake: FakeZentra
) -> None:
    fake.lookups_enabled = False
    test = container.profiles.test_connection

    nothing = await test("", DEVICE, TOKEN)
    assert nothing.kind is None and nothing.text == NO_STATUS_CHECK
    sent = await test("", DEVICE, TOKEN, own_number="+201066183456")
    assert sent.connected and sent.via == "test message"
    assert [(m.recipient, m.text) for m in fake.received] == [("201066183456", TEST_MESSAGE)]
    refused = await test("", DEVICE, "token-wrong-abcdefgh", own_number="+201066183456")
    assert refused.kind is OutcomeKind.AUTH_ERROR and refused.via == "test message"
    with pytest.raises(ValidationFailed) as bad:
        await test("", DEVICE, TOKEN, own_number="12")
    assert bad.value.details[0]["field"] == "own_number"
    with pytest.raises(ValidationFailed):
        await test("", "", TOKEN)

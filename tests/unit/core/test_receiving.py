"""The receiving rules: the self-probe is recognised exactly, and each mode gives the
webhook URL the owner pastes into the gateway (or says why there is none)."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from spreader_app.core.receiving import (
    Hop,
    ProbeResult,
    TunnelPhase,
    TunnelState,
    probe_body,
    probe_nonce,
)
from spreader_app.core.services.receiving import (
    is_loopback_host,
    local_base_of,
    receiving_view,
    self_test,
)

SETTINGS = {
    "receive_mode": "tunnel",
    "webhook_secret": "s3cret-s3cret-s3cret",
    "public_url": "",
    "host": "127.0.0.1",
    "cloudflared_path": "",
}
RUNNING = TunnelState(TunnelPhase.RUNNING, public_url="https://a-b.trycloudflare.com")


class Prober:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    async def probe(self, public_webhook: str, local_webhook: str) -> ProbeResult:
        self.calls.append((public_webhook, local_webhook))
        return ProbeResult(Hop.ARRIVED, public_webhook, "arrived", 12.0)


@given(st.from_regex(r"[A-Za-z0-9_-]{8,64}", fullmatch=True))
def test_receiving_probe_body_is_recognised(nonce: str) -> None:
    assert probe_nonce(probe_body(nonce)) == nonce


@given(st.dictionaries(st.text(max_size=20), st.text(max_size=20), max_size=3))
def test_receiving_only_a_bare_probe_is_a_probe(data: dict[str, str]) -> None:
    body = json.dumps(data).encode()
    if set(data) == {"spreader_probe"} and probe_nonce(body) is not None:
        assert len(data["spreader_probe"]) >= 8
    else:
        assert probe_nonce(body) is None


def test_receiving_customer_message_mentioning_the_probe_is_not_one() -> None:
    body = json.dumps({"spreader_probe": "abcdefgh1", "message": "hi"}).encode()
    assert probe_nonce(body) is None
    assert probe_nonce(b'{"spreader_probe": "short"}') is None


def test_receiving_view_tunnel_url_only_while_running() -> None:
    local = local_base_of("0.0.0.0", 8765)
    view = receiving_view(SETTINGS, RUNNING, local)
    assert view.webhook_url == "https://a-b.trycloudflare.com/webhooks/zentra/s3cret-s3cret-s3cret"
    assert view.local_webhook_url.startswith("http://127.0.0.1:8765/webhooks/zentra/")
    starting = receiving_view(SETTINGS, TunnelState(TunnelPhase.STARTING), local)
    assert starting.webhook_url == ""


def test_receiving_view_own_address_and_exposure() -> None:
    own = {**SETTINGS, "receive_mode": "address", "public_url": "https://shop.example.com"}
    view = receiving_view(own, RUNNING, "http://127.0.0.1:8765")
    assert view.webhook_url.startswith("https://shop.example.com/webhooks/zentra/")
    assert not view.exposed
    assert receiving_view({**own, "host": "0.0.0.0"}, RUNNING, "").exposed
    assert is_loopback_host("localhost") and is_loopback_host("::1")
    assert not is_loopback_host("192.0.2.4")


async def test_receiving_self_test_names_the_missing_hop() -> None:
    prober = Prober()
    failed = TunnelState(TunnelPhase.FAILED, retry_in=5, detail="cloudflared stopped")
    down = await self_test(receiving_view(SETTINGS, failed, "http://127.0.0.1:1"), prober)
    assert down.hop is Hop.TUNNEL_DOWN and "cloudflared stopped" in str(down.detail)
    own = {**SETTINGS, "receive_mode": "address"}
    missing = await self_test(receiving_view(own, RUNNING, "http://127.0.0.1:1"), prober)
    assert missing.hop is Hop.NO_ADDRESS
    assert prober.calls == []
    arrived = await self_test(receiving_view(SETTINGS, RUNNING, "http://127.0.0.1:1"), prober)
    assert arrived.arrived and prober.calls[0][0].startswith("https://a-b.trycloudflare.com/")

"""The webhook self-probe goes out like the app's other calls: through the proxy the
environment names (``NO_PROXY`` honoured) and trusting ``SSL_CERT_FILE``; each failing hop is
named."""

from __future__ import annotations

import datetime
import ipaddress
import ssl
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from spreader_app.core.receiving import Hop, webhook_url
from spreader_app.tunnel.probe import WebhookProber

pytestmark = pytest.mark.sqlite_only
SECRET = "probe-secret-0123456789"


async def echo_webhook(request: web.Request) -> web.Response:
    """Spreader's webhook as far as the probe can tell: it echoes the probe's nonce."""
    body = await request.json()
    return web.json_response({"probe": body["spreader_probe"]})


async def serve(app: web.Application, ssl_context: ssl.SSLContext | None = None) -> web.AppRunner:
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0, ssl_context=ssl_context).start()
    return runner


def base(runner: web.AppRunner, scheme: str = "http") -> str:
    return f"{scheme}://127.0.0.1:{runner.addresses[0][1]}"


@pytest.fixture
async def local() -> AsyncIterator[str]:
    app = web.Application()
    app.router.add_post("/webhooks/zentra/{secret}", echo_webhook)
    runner = await serve(app)
    try:
        yield base(runner)
    finally:
        await runner.cleanup()


@pytest.fixture
async def proxy() -> AsyncIterator[tuple[str, list[str]]]:
    """A forward proxy on loopback that records the URLs it carried."""
    seen: list[str] = []

    async def forward(request: web.Request) -> web.Response:
        seen.append(str(request.url))
        async with aiohttp.ClientSession() as http:
            async with http.request(
                request.method,
                str(request.url),
                data=await request.read(),
                headers={"Content-Type": request.headers.get("Content-Type", "")},
            ) as answer:
                return web.Response(status=answer.status, body=await answer.read())

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", forward)
    runner = await serve(app)
    try:
        yield base(runner), seen
    finally:
        await runner.cleanup()


async def test_probe_goes_through_the_proxy_unless_no_proxy_says_otherwise(
    local: str, proxy: tuple[str, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    proxy_url, seen = proxy
    hook = webhook_url(local, SECRET)
    monkeypatch.setenv("HTTP_PROXY", proxy_url)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)

    result = await WebhookProber().probe(hook, hook)

    assert result.arrived, result.detail
    assert seen == [hook]  # the public hop only: the local one never takes a proxy
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    assert (await WebhookProber().probe(hook, hook)).arrived
    assert seen == [hook]


def self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


async def test_probe_trusts_ssl_cert_file(
    local: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cert_file, key_file = self_signed(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_file, key_file)
    app = web.Application()
    app.router.add_post("/webhooks/zentra/{secret}", echo_webhook)
    runner = await serve(app, context)
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(var, raising=False)
    try:
        public = webhook_url(base(runner, "https"), SECRET)
        local_hook = webhook_url(local, SECRET)
        untrusted = await WebhookProber().probe(public, local_hook)
        assert untrusted.hop is Hop.UNREACHABLE and "SSL_CERT_FILE" in untrusted.detail

        monkeypatch.setenv("SSL_CERT_FILE", str(cert_file))
        trusted = await WebhookProber().probe(public, local_hook)
        assert trusted.arrived, trusted.detail
    finally:
        await runner.cleanup()


async def test_probe_names_the_failing_hop(local: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(var, raising=False)
    hook = webhook_url(local, SECRET)
    dead = webhook_url("http://127.0.0.1:9", SECRET)
    down = await WebhookProber(timeout=5).probe(hook, dead)
    assert down.hop is Hop.LOCAL_SERVER and "Is Spreader" in down.detail
    nowhere = await WebhookProber(timeout=5).probe(dead, hook)
    assert nowhere.hop is Hop.UNREACHABLE
    unknown = webhook_url("http://no-such-host.invalid", SECRET)
    dns = await WebhookProber(timeout=5).probe(unknown, hook)
    assert dns.hop is Hop.DNS and "no-such-host.invalid" in dns.detail
    other = webhook_url(local, SECRET).replace("/webhooks/", "/elsewhere/")
    wrong = await WebhookProber(timeout=5).probe(other, hook)
    assert wrong.hop is Hop.WRONG_TARGET and "HTTP 404" in wrong.detail
    assert SECRET not in wrong.detail + wrong.url

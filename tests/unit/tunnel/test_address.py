"""The tunnel's public address is taken only in its strict forms."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from spreader_app.tunnel.address import base_from_host, base_from_line, base_from_metrics

ANNOUNCEMENT = (
    "2026-01-01T00:00:00Z INF |  https://seen-lucky-words-here.trycloudflare.com"
    "                    |"
)


def test_address_from_metrics_answer() -> None:
    body = json.dumps({"hostname": "seen-lucky-words.trycloudflare.com"}).encode()
    assert base_from_metrics(body) == "https://seen-lucky-words.trycloudflare.com"


def test_address_from_the_announcement_line() -> None:
    assert base_from_line(ANNOUNCEMENT) == "https://seen-lucky-words-here.trycloudflare.com"


def test_address_refuses_the_services_own_api_and_other_hosts() -> None:
    error = 'ERR failed: Post "https://api.trycloudflare.com/tunnel": dial tcp'
    assert base_from_line(error) is None
    assert base_from_line("INF |  https://api.trycloudflare.com  |") is None
    assert base_from_line("INF |  https://evil.example.com  |") is None
    assert base_from_line("INF |  http://seen.trycloudflare.com  |") is None  # not https
    assert base_from_metrics(b'{"hostname": "evil.example.com"}') is None
    assert base_from_metrics(b'{"hostname": 5}') is None
    assert base_from_metrics(b"not json") is None
    assert base_from_metrics(b'["a.trycloudflare.com"]') is None


def test_address_loopback_only_when_allowed() -> None:
    line = "INF |  http://127.0.0.1:41234  |"
    assert base_from_line(line) is None
    assert base_from_line(line, allow_loopback=True) == "http://127.0.0.1:41234"
    assert base_from_host("127.0.0.1:99999", allow_loopback=True) is None
    assert base_from_host("10.0.0.1:80", allow_loopback=True) is None


@given(st.text(max_size=300))
def test_address_read_from_any_line_is_a_quick_tunnel_or_nothing(line: str) -> None:
    found = base_from_line(line)
    assert found is None or (
        found.startswith("https://")
        and found.endswith(".trycloudflare.com")
        and "/" not in found.removeprefix("https://")
    )


@given(st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}[a-z0-9]", fullmatch=True))
def test_address_any_quick_tunnel_name_is_read_back(name: str) -> None:
    host = f"{name}.trycloudflare.com"
    if name in ("api", "www"):
        return
    assert base_from_line(f"INF |  https://{host}  |") == f"https://{host}"
    assert base_from_metrics(json.dumps({"hostname": host}).encode()) == f"https://{host}"

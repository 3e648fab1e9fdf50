"""Reads the tunnel's public address from what ``cloudflared`` says, strictly.

The child's output and its metrics endpoint are external input: only a
``https://<name>.trycloudflare.com`` address is taken. ``allow_loopback`` additionally takes
``http://127.0.0.1:<port>``, for a stand-in tunnel on this computer (tests).
"""

from __future__ import annotations

import json
import re
from typing import Final

_QUICK_HOST: Final = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.trycloudflare\.com")
_LOOPBACK_HOST: Final = re.compile(r"127\.0\.0\.1:([1-9][0-9]{0,4})")
# A bare address: the service's own API (``https://api.trycloudflare.com/tunnel``) shows up
# in error lines followed by a path, and is never the tunnel's address.
_URL_IN_LINE: Final = re.compile(r"(https?)://([A-Za-z0-9.:-]+)(?![A-Za-z0-9.:/-])")
_SERVICE_HOSTS: Final = frozenset({"api.trycloudflare.com", "www.trycloudflare.com"})


def base_from_host(hostname: str, *, allow_loopback: bool = False) -> str | None:
    """``https://host`` for a quick-tunnel host name, else ``None``."""
    host = hostname.strip().lower()
    if _QUICK_HOST.fullmatch(host) and host not in _SERVICE_HOSTS:
        return f"https://{host}"
    loop = _LOOPBACK_HOST.fullmatch(host)
    if allow_loopback and loop and int(loop.group(1)) <= 65535:
        return f"http://{host}"
    return None


def base_from_metrics(body: bytes, *, allow_loopback: bool = False) -> str | None:
    """The address in a ``/quicktunnel`` answer (``{"hostname": "..."}``), else ``None``."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    hostname = data.get("hostname") if isinstance(data, dict) else None
    if not isinstance(hostname, str) or len(hostname) > 253:
        return None
    return base_from_host(hostname, allow_loopback=allow_loopback)


def base_from_line(line: str, *, allow_loopback: bool = False) -> str | None:
    """The address announced in one line of ``cloudflared``'s log, else ``None``."""
    for scheme, host in _URL_IN_LINE.findall(line[:1000]):
        base = base_from_host(host, allow_loopback=allow_loopback)
        if base is not None and base.startswith(f"{scheme}://"):
            return base
    return None

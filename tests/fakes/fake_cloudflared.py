"""A stand-in for ``cloudflared tunnel --url URL --metrics HOST:PORT`` (a quick tunnel).

It listens on a "public" loopback port and forwards every HTTP request to ``--url``, serves
``/quicktunnel`` on the ``--metrics`` address and prints the announcement box the real tool
prints. ``install(folder)`` writes it as an executable named ``cloudflared`` for tests to put
first on ``PATH``. Environment:

- ``FAKE_TUNNEL_LOOPBACK=1``: announce ``http://127.0.0.1:<public port>`` (reachable here)
  instead of a ``https://<name>.trycloudflare.com`` address;
- ``FAKE_TUNNEL_PIDS``: a file each started fake appends its process id to;
- ``FAKE_TUNNEL_FAIL=1``: print an error and exit 1 at once;
- ``FAKE_TUNNEL_SILENT=1``: announce nothing on the output (only the metrics endpoint);
- ``FAKE_TUNNEL_DELAY``: seconds to wait before announcing (a slow start).
"""

from __future__ import annotations

import http.client
import json
import os
import secrets
import signal
import stat
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "host", "content-length"}


def install(folder: Path) -> Path:
    """Writes ``folder/cloudflared`` running this file with this interpreter."""
    tool = folder / "cloudflared"
    tool.write_text(
        f"#!{sys.executable}\nimport runpy\nrunpy.run_path({str(Path(__file__))!r}, "
        "run_name='__main__')\n"
    )
    tool.chmod(tool.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return tool


def put_first_on_path(folder: Path, env: dict[str, str]) -> Path:
    """Installs the fake in ``folder/bin``, puts it first on ``env["PATH"]`` and sets
    ``FAKE_TUNNEL_PIDS``; returns the file of started process ids (``started_pids``)."""
    tools = folder / "bin"
    tools.mkdir(exist_ok=True)
    install(tools)
    pids = folder / "tunnel-pids.txt"
    env["PATH"] = f"{tools}{os.pathsep}{env.get('PATH', '')}"
    env["FAKE_TUNNEL_PIDS"] = str(pids)
    return pids


def started_pids(pids: Path) -> list[int]:
    """The ids of the fakes started so far, in order."""
    return [int(line) for line in pids.read_text().split()] if pids.exists() else []


def alive(pid: int) -> bool:
    """Whether ``pid`` is a running process (a zombie waiting to be reaped is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in status


def forwarder(target: str) -> type[BaseHTTPRequestHandler]:
    parts = urlsplit(target)

    class Forward(BaseHTTPRequestHandler):
        def _forward(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_HEADERS}
            headers["Cf-Connecting-Ip"] = self.client_address[0]
            try:
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
                conn.request(self.command, self.path, body=body, headers=headers)
                answer = conn.getresponse()
                data = answer.read()
                status = answer.status
                kept = [(k, v) for k, v in answer.getheaders() if k.lower() not in HOP_HEADERS]
            except OSError:
                status, data, kept = 502, b"Bad gateway: origin unreachable", []
            self.send_response(status)
            for key, value in kept:
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = _forward

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Forward


def metrics_handler(hostname: str) -> type[BaseHTTPRequestHandler]:
    class Metrics(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            found = self.path == "/quicktunnel"
            data = json.dumps({"hostname": hostname}).encode() if found else b"not found"
            self.send_response(200 if found else 404)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Metrics


def main(argv: list[str]) -> int:
    target = argv[argv.index("--url") + 1]
    metrics_host, _, metrics_port = argv[argv.index("--metrics") + 1].rpartition(":")
    pids = os.environ.get("FAKE_TUNNEL_PIDS")
    if pids:
        with open(pids, "a") as out:
            out.write(f"{os.getpid()}\n")
    if os.environ.get("FAKE_TUNNEL_FAIL"):
        print("2026-01-01T00:00:00Z ERR failed to request quick Tunnel", file=sys.stderr)
        return 1
    public = ThreadingHTTPServer(("127.0.0.1", 0), forwarder(target))
    if os.environ.get("FAKE_TUNNEL_LOOPBACK"):
        hostname = f"127.0.0.1:{public.server_address[1]}"
        shown = f"http://{hostname}"
    else:
        hostname = f"{secrets.token_hex(4)}-fake-tunnel.trycloudflare.com"
        shown = f"https://{hostname}"
    metrics = ThreadingHTTPServer((metrics_host, int(metrics_port)), metrics_handler(hostname))
    delay = float(os.environ.get("FAKE_TUNNEL_DELAY") or 0)
    if delay:
        time.sleep(delay)
    for server in (public, metrics):
        threading.Thread(target=server.serve_forever, daemon=True).start()
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    if not os.environ.get("FAKE_TUNNEL_SILENT"):
        print("2026-01-01T00:00:00Z INF Requesting new quick Tunnel on trycloudflare.com...")
        print("2026-01-01T00:00:00Z INF |  Your quick Tunnel has been created! Visit it:  |")
        print(f"2026-01-01T00:00:00Z INF |  {shown}  |", flush=True)
    threading.Event().wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

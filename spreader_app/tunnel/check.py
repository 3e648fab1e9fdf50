"""``spreader webhook test``: the self-probe from the command line, against the Spreader
(window or ``spreader serve``) running on this data folder."""

from __future__ import annotations

import asyncio
import dataclasses
import sys

from spreader_app.config import load_settings
from spreader_app.core.errors import SpreaderError
from spreader_app.core.receiving import TunnelPhase, TunnelState
from spreader_app.core.services.receiving import local_base_of, receiving_view, self_test
from spreader_app.tunnel.child import find_tool
from spreader_app.tunnel.probe import WebhookProber
from spreader_app.tunnel.runner import STATE_FILE, read_state_file


def run_webhook_test() -> int:
    """Prints where the probe went and how it fared; 0 when it arrived, 1 when a hop
    failed, 2 when the settings cannot be read."""
    try:
        settings = load_settings()
    except SpreaderError as exc:
        print(f"spreader: {exc.message}", file=sys.stderr)
        return 2
    running = read_state_file(settings.data_dir / STATE_FILE)
    if running:
        tunnel = TunnelState(TunnelPhase.RUNNING, public_url=running)
    elif find_tool(settings.cloudflared_path) is None:
        tunnel = TunnelState(TunnelPhase.NOT_INSTALLED)
    else:
        tunnel = TunnelState(TunnelPhase.STOPPED)
    view = receiving_view(
        dataclasses.asdict(settings), tunnel, local_base_of(settings.host, settings.port)
    )
    result = asyncio.run(self_test(view, WebhookProber()))
    print(f"Webhook URL: {view.webhook_url or '(none)'}")
    print(("OK: " if result.arrived else f"FAILED ({result.hop.value}): ") + str(result.detail))
    return 0 if result.arrived else 1

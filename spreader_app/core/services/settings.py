"""User-editable settings: the API key, the webhook URL and secret, region, theme, language."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from spreader_app.core.clock import Clock
from spreader_app.core.errors import ValidationFailed
from spreader_app.core.i18n_marker import QT_TRANSLATE_NOOP
from spreader_app.core.ports import AuditPort, SettingsPort
from spreader_app.core.text import Text

EDITABLE = {"default_region", "theme", "language", "zentra_url", "host", "port"}
# What the running process may only take up on restart, unless an applier puts it in effect.
RESTART_KEYS = ("host", "port", "zentra_url", "language")

Applier = Callable[[Mapping[str, Any]], Awaitable[set[str]]]
"""Puts saved changes into effect in the running process; returns the keys it applied."""


@dataclass(frozen=True, slots=True)
class SettingsView:
    """What the Settings page shows. ``api_key`` is shown only because the owner needs it."""

    api_url: str
    api_key: str
    webhook_url: str
    default_region: str
    theme: str
    language: str
    zentra_url: str
    host: str
    port: int
    data_dir: str


class SettingsService:
    """Changes settings and records an audit event for every change."""

    def __init__(self, port: SettingsPort, store: AuditPort, clock: Clock) -> None:
        self._port = port
        self._store = store
        self._clock = clock
        # What this process runs with; an applier brings a key up to date without a restart.
        self._running = self._restart_values()
        self._appliers: list[Applier] = []

    def _restart_values(self) -> dict[str, object]:
        s = self._port.snapshot()
        return {key: s[key] for key in RESTART_KEYS}

    def add_applier(self, applier: Applier) -> None:
        """``applier`` runs after every saved change (the front end rebinds its server, the
        gateway client takes a new URL)."""
        self._appliers.append(applier)

    def restart_needed(self) -> bool:
        """Whether saved address, port, gateway URL or language differ from what this
        process runs."""
        return self._restart_values() != self._running

    def view(self) -> SettingsView:
        s = self._port.snapshot()
        base = f"http://{s['host']}:{s['port']}"
        return SettingsView(
            api_url=f"{base}/api/v1",
            api_key=s["api_key"],
            webhook_url=f"{base}/webhooks/zentra/{s['webhook_secret']}",
            default_region=s["default_region"],
            theme=s["theme"],
            language=s["language"],
            zentra_url=s["zentra_url"],
            host=s["host"],
            port=int(s["port"]),
            data_dir=str(s["data_dir"]),
        )

    async def update(self, changes: Mapping[str, Any], actor: str = "desktop") -> SettingsView:
        unknown = set(changes) - EDITABLE
        if unknown:
            raise ValidationFailed(
                Text(
                    "Services",
                    QT_TRANSLATE_NOOP(
                        "Services", "These settings cannot be changed here: {names}."
                    ),
                    names=", ".join(sorted(unknown)),
                ),
                details=[  # not translated: the field detail, for the API
                    {"field": k, "message": "not editable"} for k in sorted(unknown)
                ],
            )
        self._port.save(dict(changes))
        await self._store.audit(
            self._clock.timestamp(),
            actor,
            "settings_changed",
            "settings",
            {k: str(v) for k, v in changes.items()},
        )
        saved = self._restart_values()
        for applier in self._appliers:
            for key in await applier(changes) & set(RESTART_KEYS):
                self._running[key] = saved[key]
        return self.view()

    async def regenerate_api_key(self, actor: str = "desktop") -> SettingsView:
        """A new API key; programs using the old one get 401 from now on."""
        self._port.save({"api_key": secrets.token_urlsafe(32)})
        await self._store.audit(
            self._clock.timestamp(), actor, "api_key_regenerated", "settings", {}
        )
        return self.view()

    async def regenerate_webhook_secret(self, actor: str = "desktop") -> SettingsView:
        """A new webhook URL; paste it into the Zentra dashboard again."""
        self._port.save({"webhook_secret": secrets.token_urlsafe(32)})
        await self._store.audit(
            self._clock.timestamp(), actor, "webhook_secret_regenerated", "settings", {}
        )
        return self.view()

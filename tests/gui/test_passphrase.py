"""No dead-end start without a keyring: the window asks for a passphrase (twice, with advice),
and on the next start opens only with the same one, with the saved tokens intact."""

from __future__ import annotations

import asyncio
from pathlib import Path

import qasync

from spreader_app.bootstrap import build
from spreader_app.config import Settings
from spreader_app.desktop import open_vault
from spreader_app.gui.passphrase_dialog import PassphraseDialog
from spreader_app.vault.key_sources import KeySource
from tests.fakes.fake_zentra import FakeZentra
from tests.gui.conftest import run, until
from tests.gui.helpers import visible_window

GOOD = "copper lantern orchard tide"
TOKEN = "token-1-abcdefgh"


def _settings(folder: Path, zentra_url: str) -> Settings:
    return Settings(
        data_dir=folder,
        database_url=f"sqlite:///{folder / 'spreader.db'}",
        api_key="test-api-key-0123456789abcdef",
        webhook_secret="test-webhook-secret-0123456789",
        zentra_url=zentra_url,
    )


def _dialog(loop: asyncio.AbstractEventLoop) -> PassphraseDialog:
    run(loop, until(lambda: visible_window(PassphraseDialog) is not None))
    dialog = visible_window(PassphraseDialog)
    assert dialog is not None
    return dialog


def _submit(dialog: PassphraseDialog, text: str, again: str | None = None) -> None:
    dialog.passphrase.setText(text)
    dialog.repeat.setText(text if again is None else again)
    dialog._check()


def test_passphrase_start_then_restart_refuses_a_wrong_one_and_keeps_tokens(
    qloop: qasync.QEventLoop, tmp_path: Path, no_keyring: None
) -> None:
    fake = FakeZentra()
    run(qloop, fake.start())
    fake.add_device("dev-1", TOKEN)
    settings = _settings(tmp_path, fake.url)

    def unlock(answers: list[tuple[str, str | None]]) -> tuple[KeySource | None, list[str]]:
        task = asyncio.ensure_future(open_vault(settings, {}), loop=qloop)
        problems = []
        dialog = _dialog(qloop)
        for text, again in answers:
            _submit(dialog, text, again)
            if dialog.isVisible():
                problems.append(dialog.problem.text())
                if dialog.creating and text == "short":
                    assert "at least 12 characters" in dialog.advice.text()
        return run(qloop, task), problems

    try:
        first, problems = unlock([("short", None), (GOOD, GOOD + "x"), (GOOD, None)])
        assert first is not None and first.name == "passphrase"
        assert problems[0] == "Choose a stronger passphrase: see the advice above."
        assert "differ" in problems[1]
        c = build(settings, key_source=first)
        run(qloop, c.start(dispatch=False))
        package = run(qloop, c.packages.create({"name": "Shop"}))
        body = {"name": "Phone 1", "zentra_uuid": "dev-1", "zentra_api_token": TOKEN}
        profile = run(qloop, c.profiles.create(package.id, body))
        run(qloop, c.stop(timeout=5))
        assert TOKEN.encode() not in (tmp_path / "spreader.db").read_bytes()

        again, problems = unlock([("copper lantern orchard tides", None), (GOOD, None)])
        assert problems == ["That passphrase is not the one this vault was locked with. Try again."]
        assert again is not None
        c = build(settings, key_source=again)
        run(qloop, c.start(dispatch=False))
        try:
            assert run(qloop, c.tokens.get(profile.id)) == TOKEN
        finally:
            run(qloop, c.stop(timeout=5))
    finally:
        run(qloop, fake.stop())


def test_cancelling_the_passphrase_opens_nothing(
    qloop: qasync.QEventLoop, tmp_path: Path, no_keyring: None
) -> None:
    settings = _settings(tmp_path, "http://127.0.0.1:9/v1")
    task = asyncio.ensure_future(open_vault(settings, {}), loop=qloop)
    _dialog(qloop).reject()
    assert run(qloop, task) is None
    assert not (tmp_path / "vault.json").exists()

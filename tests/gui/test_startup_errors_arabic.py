"""The start-up and configuration errors the window shows (the vault's, the data-folder
lock's) read in the window's language, while their ``str()`` stays the English the log and
a start without a window print."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from spreader_app.core.errors import VaultUnavailable
from spreader_app.gui.i18n import install_language, uninstall_language
from spreader_app.gui.tasks import describe
from spreader_app.instance import DataFolderInUse, Holder
from spreader_app.vault.key_sources import KEYRING_NAME, NO_KEY_MESSAGE, MemoryKeySource
from spreader_app.vault.masking import SecretRegistry
from spreader_app.vault.vault import Vault

LRI, PDI = "\u2066", "\u2069"


@pytest.fixture
def arabic(qapp: QApplication) -> Iterator[None]:
    installed = install_language(qapp, "ar")
    yield
    uninstall_language(qapp, installed)


class _Keyring:
    """A key source named as the OS keyring, holding another key than the tokens'."""

    name = KEYRING_NAME

    def load(self) -> bytes:
        return MemoryKeySource().load()


def _undecryptable() -> VaultUnavailable:
    token = Vault(MemoryKeySource(), registry=SecretRegistry()).encrypt("secret-token")
    with pytest.raises(VaultUnavailable) as raised:
        Vault(_Keyring(), registry=SecretRegistry()).decrypt(token)
    return raised.value


def _in_use(tmp_path: Path) -> DataFolderInUse:
    return DataFolderInUse(tmp_path, Holder(4242, "serve", time.time()))


def test_the_window_names_the_process_that_holds_the_data_folder_in_arabic(
    tmp_path: Path, arabic: None
) -> None:
    refused = _in_use(tmp_path)

    shown = describe(refused)

    assert shown.startswith("مجلد البيانات")
    assert f"{LRI}{tmp_path}{PDI}" in shown
    assert f"العملية {LRI}4242{PDI}" in shown
    assert "already used" not in shown
    assert str(refused).startswith(f"The data folder {tmp_path} is already used by spreader serve")


def test_a_token_another_key_made_is_explained_in_arabic_naming_the_keyring(
    arabic: None,
) -> None:
    refused = _undecryptable()

    shown = describe(refused)

    assert shown.startswith("تعذّر فك تشفير رمز جهاز محفوظ")
    assert "حلقة مفاتيح النظام" in shown  # the source's name translated too
    assert "from the OS keyring" in refused.message  # the log's English


def test_the_vaults_empty_token_error_is_shown_in_arabic(arabic: None) -> None:
    vault = Vault(MemoryKeySource(), registry=SecretRegistry())
    with pytest.raises(ValueError) as raised:
        vault.decrypt("")

    assert describe(raised.value) == "لا يوجد رمز محفوظ لفك تشفيره: أعد إدخال رمز الجهاز."
    assert str(raised.value) == "There is no stored token to decrypt: re-enter the device's token."


def test_the_english_window_shows_the_same_words_as_the_log(
    qapp: QApplication, tmp_path: Path
) -> None:
    for error in (_in_use(tmp_path), _undecryptable(), VaultUnavailable(NO_KEY_MESSAGE)):
        assert describe(error) == str(error)

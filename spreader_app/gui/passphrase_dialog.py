"""The vault passphrase, asked in the window when the computer has no OS keyring: chosen
twice on the first start (with advice on its strength), asked again on later starts, a wrong
one refused with the chance to try again."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from spreader_app.core.errors import VaultUnavailable
from spreader_app.core.text import Text
from spreader_app.gui.dialogs import run_dialog
from spreader_app.gui.i18n import QT_TRANSLATE_NOOP, shown
from spreader_app.gui.widgets.accessibility import buddy_label, show_value

KEYRING_HINT = QT_TRANSLATE_NOOP(
    "PassphraseDialog",
    "This computer has no keyring to keep Spreader's vault key in (on Linux, installing "
    "GNOME Keyring or KWallet provides one).",
)


class PassphraseLock(Protocol):
    """The passphrase store, as the window sees it (the vault's ``PassphraseStore``)."""

    def exists(self) -> bool: ...

    def weakness(self, passphrase: str) -> Text | None:
        """Why ``passphrase`` is too weak, ``None`` when it will do."""
        ...

    def create(self, passphrase: str) -> bytes:
        """A new store's key; ``ValueError`` for a weak passphrase."""
        ...

    def unlock(self, passphrase: str) -> bytes:
        """The key; ``VaultUnavailable`` for a wrong passphrase or a damaged store."""
        ...


def _secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class PassphraseDialog(QDialog):
    """Creates (``store`` has no file yet) or unlocks the passphrase store; once accepted,
    ``key`` holds the vault key. Checking happens on OK: a weak, mismatched or wrong
    passphrase keeps the dialog open with the reason in ``problem``."""

    def __init__(self, store: PassphraseLock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.creating = not store.exists()
        self.key: bytes | None = None
        self.setWindowTitle(
            self.tr("Choose a passphrase") if self.creating else self.tr("Unlock Spreader")
        )
        self.setAccessibleName(self.windowTitle())
        intro = QLabel(
            self.tr(KEYRING_HINT)
            + " "
            + self.tr(
                "Choose a passphrase to protect your devices' tokens. You will type it each "
                "time Spreader starts; without it the saved tokens cannot be read."
            )
            if self.creating
            else self.tr("Type the passphrase that protects your devices' tokens.")
        )
        intro.setWordWrap(True)
        self.passphrase = _secret_field(self.tr("Passphrase"))
        self.repeat = _secret_field(self.tr("Passphrase again"))
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setAccessibleName(self.tr("Passphrase advice"))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem"))
        self.problem.setStyleSheet("color: #c62828;")
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&Passphrase:"), self.passphrase), self.passphrase)
        if self.creating:
            form.addRow(buddy_label(self.tr("&Again:"), self.repeat), self.repeat)
            self.passphrase.textChanged.connect(self._advise)
            self._advise("")
        else:
            self.repeat.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.advice)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _advise(self, text: str) -> None:
        problem = self._store.weakness(text)
        show_value(self.advice, shown(problem) if problem else self.tr("Strong enough."))

    def _say(self, problem: str) -> None:
        show_value(self.problem, problem)
        self.passphrase.setFocus()

    def _check(self) -> None:
        text = self.passphrase.text()
        try:
            if self.creating:
                if self._store.weakness(text) is not None:
                    self._say(self.tr("Choose a stronger passphrase: see the advice above."))
                    return
                if text != self.repeat.text():
                    self._say(self.tr("The two passphrases differ: type the same one twice."))
                    return
                self.key = self._store.create(text)
            else:
                self.key = self._store.unlock(text)
        except ValueError as exc:
            advice = exc.args[0] if exc.args else ""
            self._say(shown(advice) if isinstance(advice, Text) else str(exc))
            return
        except VaultUnavailable as exc:
            self.passphrase.clear()
            self._say(self.tr("{problem} Try again.").format(problem=shown(exc.text)))
            return
        self.accept()


async def ask_passphrase(store: PassphraseLock) -> bytes | None:
    """Asks for the passphrase until it is right; ``None`` when the owner cancels."""
    dialog = PassphraseDialog(store)
    await run_dialog(dialog)
    key = dialog.key
    dialog.deleteLater()
    return key

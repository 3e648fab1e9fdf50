from __future__ import annotations

import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spreader_app.vault.masking import MASK, Secret, SecretRegistry, mask


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("abcdefgh", "••••efgh"),
        ("zentra-token-123456789", "••••6789"),
        ("abcdefg", "••••"),
        ("abc", "••••"),
        ("", "••••"),
    ],
)
def test_mask_shows_at_most_the_last_four_characters(token: str, expected: str) -> None:
    assert mask(token) == expected


@given(st.text())
def test_mask_never_reveals_more_than_the_last_four_characters(token: str) -> None:
    masked = mask(token)

    assert masked.startswith(MASK)
    revealed = masked[len(MASK) :]
    assert len(revealed) <= 4
    assert token.endswith(revealed)
    if len(token) < 8:
        assert revealed == ""


def test_secret_repr_and_str_show_only_the_mask() -> None:
    secret = Secret("super-secret-token-9876")

    assert "super-secret" not in repr(secret)
    assert repr(secret) == "Secret('••••9876')"
    assert str(secret) == "••••9876"
    assert f"{secret}" == "••••9876"
    assert secret.reveal() == "super-secret-token-9876"


def test_secret_is_immutable_and_compares_by_value() -> None:
    secret = Secret("super-secret-token-9876")

    with pytest.raises(AttributeError):
        secret._value = "other"
    assert secret == Secret("super-secret-token-9876")
    assert secret != Secret("another-secret-token")
    assert len({secret, Secret("super-secret-token-9876")}) == 1


def test_registry_redacts_every_registered_secret() -> None:
    registry = SecretRegistry()
    registry.add("token-aaaa-1111")
    registry.add("token-bbbb-2222")

    text = "sent with token-aaaa-1111, retried with token-bbbb-2222 and token-aaaa-1111"

    assert registry.redact(text) == "sent with ••••1111, retried with ••••2222 and ••••1111"


def test_registry_ignores_short_secrets_so_ordinary_words_survive() -> None:
    registry = SecretRegistry()
    registry.add("admin")

    assert "admin" not in registry
    assert registry.redact("the admin logged in") == "the admin logged in"


def test_registry_replaces_a_secret_containing_another_as_a_whole() -> None:
    registry = SecretRegistry()
    registry.add("abcdef")
    registry.add("abcdef-ghijkl-mnop")

    assert registry.redact("key=abcdef-ghijkl-mnop") == "key=••••mnop"


def test_registry_without_secrets_returns_text_unchanged() -> None:
    assert SecretRegistry().redact("nothing to hide") == "nothing to hide"


def test_registry_accepts_secrets_from_many_threads() -> None:
    registry = SecretRegistry()
    secrets = [f"thread-secret-{index:04d}" for index in range(200)]

    def add_slice(start: int) -> None:
        for secret in secrets[start::8]:
            registry.add(secret)

    threads = [threading.Thread(target=add_slice, args=(start,)) for start in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    redacted = registry.redact(" ".join(secrets))
    assert "thread-secret" not in redacted
    assert all(secret in registry for secret in secrets)

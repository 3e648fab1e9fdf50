"""Decrypted device tokens, cached in memory for the engine and the reply path."""

from __future__ import annotations

from spreader_app.core.ports import CatalogPort, TokenVault


class TokenCache:
    """Decrypts each profile's token once; ``invalidate`` after a profile changes.

    Tokens stay in this process's memory only; they are never written back or logged.
    """

    def __init__(self, store: CatalogPort, vault: TokenVault) -> None:
        self._store = store
        self._vault = vault
        self._tokens: dict[str, str] = {}

    async def get(self, profile_id: str) -> str:
        """The token of ``profile_id``; raises ``NotFound`` or ``VaultUnavailable``."""
        token = self._tokens.get(profile_id)
        if token is None:
            token = self._vault.decrypt(await self._store.token_ciphertext(profile_id))
            self._tokens[profile_id] = token
        return token

    def invalidate(self) -> None:
        self._tokens.clear()

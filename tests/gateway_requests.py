"""One send request and the token check shared by the gateway client's tests."""

from __future__ import annotations

from spreader_app.core.models import GatewayResult, MessageContent, SendRequest

TOKEN = "tok-S3cr3t-9f8e7d"


def send_request(content: MessageContent | None = None, token: str = TOKEN) -> SendRequest:
    """A send from ``dev-1`` to +201066183456 (text "Hello there" unless ``content``)."""
    return SendRequest(
        device_uuid="dev-1",
        token=token,
        recipient_e164="+201066183456",
        content=content or MessageContent(text="Hello there"),
    )


def assert_no_token(result: GatewayResult) -> None:
    assert TOKEN not in result.detail
    assert TOKEN not in result.raw
    assert TOKEN not in repr(result)

"""The package's ``pool`` as the owner decides on it: held deliveries, the blocked profiles
and what they had in common, after two devices are banned."""

from __future__ import annotations

import httpx

from spreader_app.bootstrap import Container
from spreader_app.core.clock import ManualClock
from spreader_app.core.services.sending import read_open_request
from tests.helpers import drain
from tests.unit.server.conftest import Shop

PKGS = "/api/v1/packages"


async def test_package_pool_shows_held_blocked_and_what_they_had_in_common(
    client: httpx.AsyncClient, shop: Shop, container: Container, clock: ManualClock
) -> None:
    package_id = await shop.package(active_hours_start="00:00", active_hours_end="00:00")
    ids = {d: await shop.profile(package_id, d, warmup_stage=10) for d in ("dev-a", "dev-b")}
    await shop.profile(package_id, "dev-c", warmup_stage=10)
    normal = (await client.get(f"{PKGS}/{package_id}")).json()["pool"]
    assert (normal["state"], normal["held"], normal["blocked"], normal["common"]) == (
        "normal",
        0,
        [],
        None,
    )

    shop.fake.set_device_state("dev-a", "banned")
    shop.fake.set_device_state("dev-b", "banned")
    recipients = [f"+2010000000{n:02d}" for n in range(12)]
    req = read_open_request({"text": "Spring sale", "recipients": recipients})
    sent = await container.sending.send_open(package_id, req)
    await drain(container, clock)

    pool = (await client.get(f"{PKGS}/{package_id}")).json()["pool"]
    assert pool["state"] == "paused"
    assert sorted(b["profile_id"] for b in pool["blocked"]) == sorted(ids.values())
    assert {b["name"] for b in pool["blocked"]} == {"Phone dev-a", "Phone dev-b"}
    assert all(b["reason"] and b["at"] for b in pool["blocked"])
    common = pool["common"]
    assert set(common["profile_ids"]) == set(ids.values())
    assert common["campaigns"] == [{"message_id": sent.message.id, "text": "Spring sale"}]
    assert common["texts"] == [] and len(common["hours"]) == 1

    message = (await client.get(f"{PKGS}/{package_id}/messages/{sent.message.id}")).json()
    held = message["held_count"]
    assert held > 0 and pool["held"] == held
    listed = (await client.get(PKGS)).json()["items"][0]["pool"]
    assert listed["held"] == held and listed["common"] == common

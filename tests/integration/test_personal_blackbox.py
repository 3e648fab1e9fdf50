"""Personal messages through ``spreader serve``: a real process, real HTTP, the fake gateway
in its own process; on SQLite and on PostgreSQL."""

from __future__ import annotations

from tests.integration.conftest import Spawn
from tests.integration.test_serve_blackbox import (
    DEVICES,
    assert_clean,
    deliveries,
    finished,
    make_package,
)
from tests.serve_process import wait_until

TEMPLATE = "{مرحبا|أهلا وسهلا} {{الاسم | عميلنا العزيز}}، رصيد نقاطك {{Points}}"
CUSTOMERS = {
    "+201000000101": {"الاسم": "أحمد", "points": "120"},
    "+201000000102": {"الاسم": "", "POINTS": 75},  # empty name: the fallback
    "+201000000103": {"Points": "9"},  # no name at all: the fallback
}


def test_serve_sends_each_recipient_its_own_text_and_refuses_a_missing_value(
    spawn: Spawn,
) -> None:
    fake, serve = spawn(DEVICES)
    with serve.client() as c:
        package_id, _ = make_package(c)
        base = f"/api/v1/packages/{package_id}"
        made = c.post(f"{base}/templates", json={"name": "Points", "text": TEMPLATE})
        assert made.status_code == 201, made.text
        template_id = made.json()["template_id"]

        refused = c.post(
            f"{base}/messages/open",
            json={
                "template_id": template_id,
                "recipients": [
                    {"phone": "+201000000104", "variables": {"points": "5"}},
                    {"phone": "+201000000105", "variables": {"الاسم": "منى", "points": " "}},
                ],
            },
        )
        assert refused.status_code == 422, refused.text
        error = refused.json()["error"]
        assert [(d["row"], d["input"]) for d in error["details"]] == [(2, "+201000000105")]
        assert "{{Points}}" in error["details"][0]["message"]
        assert c.get(f"{base}/messages").json()["total"] == 0

        body = {
            "template_id": template_id,
            "recipients": [
                {"phone": phone, "variables": values} for phone, values in CUSTOMERS.items()
            ],
        }
        r = c.post(f"{base}/messages/open", json=body)
        assert r.status_code == 202, r.text
        message_id = r.json()["message_id"]
        wait_until(finished(c, package_id, message_id), 60, "the campaign")

        sent = {m["recipient"]: m["text"] for m in fake.report()["received"]}
        assert set(sent) == {p.removeprefix("+") for p in CUSTOMERS}
        assert sent["201000000101"].endswith("أحمد، رصيد نقاطك 120")
        assert sent["201000000102"].endswith("عميلنا العزيز، رصيد نقاطك 75")
        assert sent["201000000103"].endswith("عميلنا العزيز، رصيد نقاطك 9")
        assert all(t.startswith(("مرحبا ", "أهلا وسهلا ")) for t in sent.values())
        recorded = {d["recipient"]: d["text"] for d in deliveries(c, package_id, message_id)}
        assert recorded == {f"+{k}": v for k, v in sent.items()}
    assert serve.stop() == 0
    assert_clean(serve)

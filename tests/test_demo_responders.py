"""The trainers' demo with fake local responders (KYR_DEMO_RESPONDERS=1): a whole hand-off on the web page's API,
with no account and nothing sent anywhere; other channels are not offered the fake volunteers."""
from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from bot.core.engine import Engine

SESSION = "demoResponderSession01"


@pytest.fixture()
def app(engine: Engine, tmp_path: Path) -> Flask:
    import webhook

    return webhook.create_app({"KYR_STORE": f"sqlite:///{tmp_path}/kyr.db", "KYR_SECRET": "s",
                               "KYR_DEMO_RESPONDERS": "1", "KYR_WEB_DEMO": "1"}, engine)


def say(client: FlaskClient, text: str) -> dict:
    """One message from the page."""
    response = client.post("/api/message", json={"session": SESSION, "text": text})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def inbox(client: FlaskClient) -> list[str]:
    """What the volunteer side sent since the last look."""
    return [t["replies"][0]["text"] for t in client.get(f"/api/inbox?session={SESSION}").get_json()["turns"]]


def test_a_whole_hand_off_on_the_demo_page(app: Flask) -> None:
    client = app.test_client()
    page = client.get("/").get_data(as_text=True)
    assert "DEMO: fake, local responders" in page and "responders.js" in page
    assert say(client, "person")["replies"][0]["text"].startswith("A volunteer of Demo organisation (fake) can")
    for text in ("1", "1", "Logan", "an hour", "5", "Portuguese", "skip"):
        say(client, text)
    opened = say(client, "yes")["replies"][-1]["text"]
    assert opened.startswith("Your case number is 101. A volunteer usually answers within 15 minutes.")
    (case,) = client.get("/api/demo/cases").get_json()["cases"]
    assert (case["case"], case["status"], case["claimed_by"]) == (101, "open", None)
    assert 'Airport: BOS - Logan International, Boston, MA (typed: "Logan")' in case["card"]

    assert client.post("/api/demo/claim", json={"case": 101}).get_json() == {
        "ok": True, "message": "You have case #101. Write to the person in the box under the case; press Close when done."}
    assert inbox(client) == ["A volunteer has your case 101 and will write to you here."]
    assert inbox(client) == []
    client.post("/api/demo/write", json={"case": 101, "text": "Hello, are you still at Logan?"})
    assert inbox(client) == ["Demo organisation (fake) volunteer: Hello, are you still at Logan?"]
    assert say(client, "Yes, terminal E")["replies"] == []
    thread = client.get("/api/demo/cases").get_json()["cases"][0]["thread"]
    assert thread == [{"from": "note", "text": "Claimed by Demo volunteer."},
                      {"from": "volunteer", "text": "Hello, are you still at Logan?"},
                      {"from": "person", "text": "Yes, terminal E"}]
    assert client.post("/api/demo/close", json={"case": 101}).get_json()["message"] == \
        "Case #101 is closed; the person was told."
    assert inbox(client)[0].startswith("The volunteer closed case 101.")


def test_other_channels_are_not_offered_the_fake_volunteers(app: Flask) -> None:
    from bot.channels.base import kyr
    from bot.core.session import Inbound

    outcome = kyr(app).service.handle("sms", "+15555550123", Inbound("person", 1.0))
    assert outcome.replies[0].text.startswith("Sorry, no volunteer can answer through this service.")


def test_the_panel_api_refuses_what_it_cannot_use(app: Flask) -> None:
    client = app.test_client()
    assert client.post("/api/demo/claim", json={"case": "101"}).get_json() == {"error": "case must be a case number"}
    assert client.post("/api/demo/write", json={"case": 101}).get_json() == {"error": "text must be a non-empty string"}
    assert client.post("/api/demo/claim", json={"case": 999}).get_json() == {"ok": False,
                                                                             "message": "There is no case #999."}
    assert client.get("/api/inbox?session=x").status_code == 400


def test_without_the_setting_there_is_no_panel(engine: Engine) -> None:
    import webhook

    app = webhook.create_app({"KYR_STORE": "sqlite:///:memory:", "KYR_SECRET": "s", "KYR_WEB_DEMO": "1"}, engine)
    client = app.test_client()
    assert "fake, local responders" not in client.get("/").get_data(as_text=True)
    assert client.get("/api/demo/cases").status_code == 404

"""The JSON API: data mirroring the pages, one error shape, OpenAPI, search that never fails with 500."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from parallax.samples import EVENT_STORY
from parallax.web import create_app

HL2 = "2026-03-04-harbor-ledger-toll-rises"
DNR = "2026-03-04-dalmora-national-radio-toll"


@pytest.fixture(scope="module")
def client(demo_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(demo_db), raise_server_exceptions=False) as c:
        yield c


def _error(response, status: int) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"ok", "error", "status"} and body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    return str(body["error"])


def test_web_api_stories_lists_the_demo_stories_newest_first(client: TestClient):
    body = client.get("/api/stories").json()
    assert body["ok"] is True and body["total"] == 2 and body["hits"] is None
    first = body["stories"][0]
    assert first["story"] == EVENT_STORY and first["size"] == 10 and first["outlet_count"] == 7


def test_web_api_stories_search_returns_hits_with_their_story(client: TestClient):
    body = client.get("/api/stories", params={"q": "Health Ministry 30"}).json()
    assert [s["story"] for s in body["stories"]] == [EVENT_STORY]
    assert DNR in {h["id"] for h in body["hits"]}
    assert all(h["story"] == EVENT_STORY for h in body["hits"])


def test_web_api_story_carries_the_comparison_with_the_41_vs_30_conflict(client: TestClient):
    body = client.get(f"/api/stories/{EVENT_STORY}").json()
    conflicts = [f for f in body["comparison"]["findings"] if f["kind"] == "conflict"]
    values = {(e["article"], e["value"]) for f in conflicts for e in f["evidence"]}
    assert (HL2, 41) in values and (DNR, 30) in values
    assert body["story"]["story"] == EVENT_STORY


def test_web_api_compare_marks_the_conflicting_figure_in_both_articles(client: TestClient):
    body = client.get(f"/api/stories/{EVENT_STORY}/compare", params=[("a", HL2), ("a", DNR)]).json()
    texts = {}
    for art in body["articles"]:
        full = client.get(f"/api/articles/{art['id']}").json()["article"]["text"]
        texts[art["id"]] = {full[m["start"] : m["end"]] for m in art["marks"] if m["layer"] == "figure"}
    assert texts == {HL2: {"41"}, DNR: {"30"}}


def test_web_api_article_returns_the_article_contract(client: TestClient):
    body = client.get(f"/api/articles/{HL2}").json()
    assert body["ok"] is True and body["story"] == EVENT_STORY
    assert body["article"]["id"] == HL2 and body["article"]["claims"]


def test_web_api_search_plain_and_raw(client: TestClient):
    plain = client.get("/api/search", params={"q": "tram"}).json()
    assert {h["story"] for h in plain["hits"]} == {"versk-tram-extension"}
    raw = client.get("/api/search", params={"q": "tram OR Halvik", "raw": "true"}).json()
    assert len(raw["hits"]) > len(plain["hits"])


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced', "NEAR(", "a AND", "OR", "*", "title:", "col:foo", "^x", "(", ")", "-", "'", "\\",
        "'; DROP TABLE articles; --", "1 OR 1=1", "x UNION SELECT * FROM sqlite_master", "\x00", "%", "",
        "a" * 3000, "toll*", "NOT toll",
    ],
)
def test_web_api_search_syntax_gives_results_or_a_clean_400_never_500(client: TestClient, query: str):
    for raw in ("false", "true"):
        for url in ("/api/search", "/api/stories", "/"):
            response = client.get(url, params={"q": query, "raw": raw})
            assert response.status_code in (200, 400), (url, raw, response.status_code, response.text[:300])
            if response.status_code == 400 and url.startswith("/api"):
                assert "FTS5" in _error(response, 400)
            if raw == "false":
                assert response.status_code == 200


def test_web_api_store_survives_sql_in_search(client: TestClient):
    client.get("/api/search", params={"q": "'); DROP TABLE articles; --", "raw": "true"})
    assert client.get("/api/stories").json()["total"] == 2


@pytest.mark.parametrize(
    "url",
    ["/api/stories/nope", "/api/stories/nope/compare", "/api/articles/nope", "/api/articles/a/b/c", "/api/nothing-here"],
)
def test_web_api_unknown_ids_and_routes_are_404_in_the_error_shape(client: TestClient, url: str):
    _error(client.get(url), 404)


def test_web_api_article_not_in_story_is_404_naming_it(client: TestClient):
    message = _error(client.get(f"/api/stories/{EVENT_STORY}/compare", params=[("a", HL2), ("a", "ghost")]), 404)
    assert "'ghost'" in message


def test_web_api_bad_parameters_are_400_or_422_in_the_error_shape(client: TestClient):
    assert "since='yesterday'" in _error(client.get("/api/stories", params={"since": "yesterday"}), 400)
    assert "date range is empty" in _error(
        client.get("/api/stories", params={"since": "2026-03-05", "until": "2026-03-01"}), 400
    )
    assert "limit" in _error(client.get("/api/stories", params={"limit": "many"}), 422)
    assert "limit" in _error(client.get("/api/search", params={"q": "x", "limit": 0}), 422)
    assert "q" in _error(client.get("/api/search"), 422)
    many = [("a", str(n)) for n in range(9)]
    assert "at most" in _error(client.get(f"/api/stories/{EVENT_STORY}/compare", params=many), 400)
    assert _error(client.post("/api/stories"), 405)


def test_web_api_unexpected_errors_are_500_without_internals(demo_db: Path, monkeypatch: pytest.MonkeyPatch):
    app = create_app(demo_db)

    def broken(self: object, *a: object, **k: object) -> None:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(type(app.state.library), "stories", broken)
    with TestClient(app, raise_server_exceptions=False) as c:
        message = _error(c.get("/api/stories"), 500)
        page = c.get("/")
    assert "RuntimeError" in message and "secret" not in message
    assert page.status_code == 500 and "secret" not in page.text and "RuntimeError" in page.text


def test_web_api_serves_openapi_and_no_cdn_docs(client: TestClient):
    schema = client.get("/api/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}", "/api/search"} <= set(schema["paths"])
    assert not any(p.startswith("/stories") for p in schema["paths"])  # pages stay out of the schema
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404


def test_web_api_every_response_carries_a_no_script_content_security_policy(client: TestClient):
    for url in ("/", "/api/stories", "/api/nope", "/static/style.css"):
        csp = client.get(url).headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp

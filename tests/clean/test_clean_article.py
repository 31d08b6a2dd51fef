"""clean(): the Article fields (id, outlet, published, language, notes) and empty inputs."""

from __future__ import annotations

import hashlib

import pytest

from parallax.clean import clean
from parallax.clean.fields import normalize_published, outlet_from_url
from parallax.config import Settings
from parallax.errors import EmptyInputError
from parallax.model import RawDocument, content_hash

BODY = (
    "The harbour authority closed the northern pier on Friday after a storm damaged two cranes.\n\n"
    "Engineers expect repairs to take at least three weeks, the director told reporters."
)


def _raw(**fields: object) -> RawDocument:
    values: dict[str, object] = {"source": "pier.txt", "format": "text", "text": BODY}
    values.update(fields)
    return RawDocument(**values)  # type: ignore[arg-type]


def test_article_id_from_raw_then_url_then_content() -> None:
    assert clean(_raw(id="given")).id == "given"
    url = "https://www.gazette.example/pier"
    assert clean(_raw(url=url)).id == "u" + hashlib.sha1(url.encode()).hexdigest()[:16]
    article = clean(_raw())
    assert article.id == content_hash(article.outlet, article.title, article.text)[:16]
    assert clean(_raw()).id == article.id  # stable


def test_article_outlet_from_raw_then_byline_then_url_host() -> None:
    url = "https://www.gazette.example/pier"
    assert clean(_raw(outlet="Gazette", url=url)).outlet == "Gazette"
    assert (
        clean(_raw(text=BODY + "\n\nJane Doe for The Harbour Gazette", url=url)).outlet
        == "The Harbour Gazette"
    )
    assert clean(_raw(url=url)).outlet == "gazette.example"
    assert clean(_raw()).outlet is None


def test_article_source_is_raw_location() -> None:
    assert clean(_raw(record="line 3")).source == "pier.txt: line 3"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-11", "2025-03-11"),
        ("2025-03-11T08:30:00Z", "2025-03-11T08:30:00+00:00"),
        ("2025-03-11T08:30:00.123+03:00", "2025-03-11T08:30:00+03:00"),
        ("2025-03-11 08:30", "2025-03-11T08:30:00+00:00"),
        ("Tue, 11 Mar 2025 08:30:00 GMT", "2025-03-11T08:30:00+00:00"),
        ("March 11, 2025", "2025-03-11"),
        ("not a date", None),
        ("2025-02-30", None),
        ("", None),
    ],
)
def test_article_published_normalised(value: str, expected: str | None) -> None:
    assert normalize_published(value) == expected


def test_article_unreadable_published_becomes_none_with_note() -> None:
    article = clean(_raw(published="sometime soon"))
    assert article.published is None
    assert any("sometime soon" in note for note in article.notes)


def test_article_language_given_detected_or_skipped() -> None:
    assert clean(_raw(language="xx")).language == "xx"
    assert clean(_raw()).language == "en"
    assert clean(_raw(), Settings(detect_language=False)).language is None


def test_article_outlet_from_url_host() -> None:
    assert outlet_from_url("https://www.themoscowtimes.com/2025/03/11/x") == "themoscowtimes.com"
    assert outlet_from_url("news.example.org/a") == "news.example.org"
    assert outlet_from_url(None) is None


@pytest.mark.parametrize(
    "raw",
    [
        RawDocument(source="empty.txt", format="text", text="   \n\n "),
        RawDocument(source="empty.html", format="html", html="<html><body></body></html>"),
        RawDocument(source="none.jsonl", format="jsonl", record="line 2"),
        RawDocument(
            source="appeal.txt", format="text", text="Dear readers,\n\nPlease donate to us.\n\nMaybe later"
        ),
    ],
)
def test_article_nothing_left_raises_empty_input_error(raw: RawDocument) -> None:
    with pytest.raises(EmptyInputError) as info:
        clean(raw)
    assert info.value.source == raw.source
    assert info.value.record == raw.record
    assert info.value.reason == "no article text left after cleaning"


def test_article_shorter_than_min_text_chars_raises_and_names_setting() -> None:
    with pytest.raises(EmptyInputError, match="min_text_chars=5000"):
        clean(_raw(), Settings(min_text_chars=5000))

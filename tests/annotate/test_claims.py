"""Numeric claims: value, qualifier, unit, predicate, source and as-of date from wire-style sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.annotate.claims import ClaimStage, find_claims, normalize_unit, predicate_class
from parallax.model import Article, Claim, DateMention, Entity, RawDocument, Span
from parallax.pipeline import Stage

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEEDS = SHARED / "samples" / "seeds"


def _sentences(text: str) -> list[Span]:
    """Sentence spans from the sentences stage; one span per line if that stage is not there."""
    try:
        from parallax.annotate.sentences import split_sentences
    except ImportError:  # fallback until the sentences stage exists
        spans, pos = [], 0
        for line in text.split("\n"):
            if line.strip():
                spans.append(Span(pos + len(line) - len(line.lstrip()), pos + len(line.rstrip())))
            pos += len(line) + 1
        return spans
    return split_sentences(text)


def _dates(text: str, published: str | None, sentences: list[Span]) -> list[DateMention]:
    try:
        from parallax.annotate.dates import find_dates
    except ImportError:  # fallback until the dates stage exists: no dates
        return []
    return find_dates(text, published, sentences)


def _entities(text: str, sentences: list[Span]) -> list[Entity]:
    try:
        from parallax.annotate.entities import find_entities
    except ImportError:  # fallback until the entities stage exists: sources keep their written form
        return []
    return find_entities(text, sentences)


def claims(text: str, **kwargs: object) -> list[Claim]:
    return find_claims(text, _sentences(text), **kwargs)  # type: ignore[arg-type]


def one(text: str, **kwargs: object) -> Claim:
    found = claims(text, **kwargs)
    assert len(found) == 1, [c.to_dict(text) for c in found]
    return found[0]


def _cleaned_seed(path: Path, published: str) -> Article:
    """The seed's cleaned text via ``parallax.clean``; without it, strip the known boilerplate here."""
    text = path.read_text(encoding="utf-8")
    try:
        from parallax.clean import clean
    except ImportError:  # explicit fallback: MT appeal, TROIB title line and byline
        if "A Message from The Moscow Times:" in text:
            text = text[: text.index("A Message from The Moscow Times:")]
        else:
            lines = text.split("\n")[1:]
            text = "\n".join(line for line in lines if not line.strip().endswith("for TROIB News"))
        return Article(id=path.stem, text=text.strip(), published=published)
    return clean(RawDocument(source=str(path), format="text", text=text, published=published))


def _seed_claims(index: int, published: str) -> tuple[Article, list[Claim]]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/samples/seeds is not available")
    path = sorted(SEEDS.glob("*.txt"))[index]
    article = _cleaned_seed(path, published)
    sentences = _sentences(article.text)
    found = find_claims(
        article.text,
        sentences,
        _entities(article.text, sentences),
        _dates(article.text, published, sentences),
        published,
    )
    return article, found


# --- the seeds -------------------------------------------------------------------------------------


@pytest.mark.shared
def test_claims_seed_moscow_times_observatory_figure() -> None:
    article, found = _seed_claims(0, "2025-03-11")
    by_value = {c.value: c for c in found}
    c = by_value[1068]
    assert (c.qualifier, c.unit, c.predicate) == ("at least", "civilians", "killed")
    assert c.source == "Syrian Observatory for Human Rights"
    assert c.value_span is not None and article.span_text(c.value_span) == "1,068"
    assert article.text[c.start : c.end].startswith("The Syrian Observatory for Human Rights reported")


@pytest.mark.shared
def test_claims_seed_moscow_times_war_duration_is_a_claim_without_predicate() -> None:
    _, found = _seed_claims(0, "2025-03-11")
    c = next(c for c in found if c.value == 13)
    assert (c.qualifier, c.unit, c.predicate, c.source) == ("more than", "years", None, None)
    assert sorted(c.value for c in found) == [13, 1068]


@pytest.mark.shared
def test_claims_seed_troib_observatory_figure() -> None:
    _, found = _seed_claims(1, "2025-03-13")
    assert [c.value for c in found] == [1500]
    c = found[0]
    assert (c.qualifier, c.unit, c.predicate) == ("at least", "civilians", "died")
    assert c.source == "Syrian Observatory for Human Rights"
    assert predicate_class(c.predicate) == predicate_class("killed") == "death"


# --- values, qualifiers, units ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("At least 20 people were killed in the attack.", "at least"),
        ("More than 20 people were killed in the attack.", "more than"),
        ("Over 20 people were killed in the attack.", "more than"),
        ("Nearly 20 people were killed in the attack.", "nearly"),
        ("Almost 20 people were killed in the attack.", "nearly"),
        ("About 20 people were killed in the attack.", "about"),
        ("Around 20 people were killed in the attack.", "about"),
        ("Approximately 20 people were killed in the attack.", "about"),
        ("Some 20 people were killed in the attack.", "about"),
        ("Up to 20 people were killed in the attack.", "up to"),
        ("As many as 20 people were killed in the attack.", "up to"),
        ("Fewer than 20 people were killed in the attack.", "fewer than"),
        ("At most 20 people were killed in the attack.", "at most"),
        ("No more than 20 people were killed in the attack.", "at most"),
        ("Exactly 20 people were killed in the attack.", "exactly"),
        ("The attack killed 20 people or more.", "at least"),
        ("The attack killed 20 people.", None),
    ],
)
def test_claims_qualifier_maps_wording_to_model_qualifiers(sentence: str, qualifier: str | None) -> None:
    c = one(sentence)
    assert (c.value, c.unit, c.predicate, c.qualifier) == (20, "people", "killed", qualifier)


def test_claims_unit_skips_modifiers_and_demonyms() -> None:
    c = one("Security forces killed 1,500 more Alawite civilians in the coastal region.")
    assert (c.value, c.unit) == (1500, "civilians")


def test_claims_percent_and_money_units() -> None:
    text = "Inflation rose 12% last year, and donors pledged $2 million in emergency aid."
    found = claims(text)
    assert [(c.value, c.unit, c.predicate) for c in found] == [(12, "%", "rose"), (2_000_000, "USD", "pledged")]


def test_claims_range_sets_upper_bound() -> None:
    c = one("Between 10 and 20 soldiers were wounded in the shelling.")
    assert (c.value, c.upper, c.unit, c.predicate) == (10, 20, "soldiers", "wounded")
    c = one("The strikes destroyed 30-40 homes in the village.")
    assert (c.value, c.upper, c.unit, c.predicate) == (30, 40, "homes", "destroyed")


def test_claims_number_words_and_a_dozen() -> None:
    text = "Two journalists were detained and a dozen protesters arrested overnight."
    found = claims(text)
    assert [(c.value, c.unit, c.predicate) for c in found] == [
        (2, "journalists", "detained"),
        (12, "protesters", "arrested"),
    ]


def test_claims_elliptic_second_figure_reuses_the_unit() -> None:
    found = claims("At least 20 people were killed and 45 wounded in the blast.")
    assert [(c.value, c.unit, c.predicate) for c in found] == [(20, "people", "killed"), (45, "people", "wounded")]


def test_claims_death_toll_noun_wins_over_change_verb() -> None:
    c = one("The death toll rose to 1,500 on Sunday.")
    assert (c.value, c.predicate) == (1500, "died")


def test_claims_predicate_after_the_number() -> None:
    c = one("Some 2.5 million people have been displaced since the war began.")
    assert (c.value, c.unit, c.qualifier, c.predicate) == (2_500_000, "people", "about", "displaced")


def test_claims_duration_has_time_unit_and_no_predicate() -> None:
    c = one("The rebels were killed after two days of fighting.")
    assert (c.value, c.unit, c.predicate) == (2, "days", None)


def test_claims_year_followed_by_counted_noun_is_kept() -> None:
    c = one("The ministry deployed 2000 troops to the border.")
    assert (c.value, c.unit, c.predicate) == (2000, "troops", "deployed")


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2024, the talks collapsed.",
        "The conflict has dragged on since 1990.",
        "The meeting was held on March 10 in New York.",
        "The talks resumed at 10:30 on Tuesday.",
        "The Security Council adopted Resolution 2254 in December.",
        "COVID-19 killed many people in the region.",
        "The G7 leaders met in Canada.",
        "Ukraine asked for more F-16 jets.",
        "The airline grounded its Boeing 737 fleet.",
        "For details call 202-555-0143 or +44 20 7946 0958.",
        "It was one of the worst attacks in years.",
        "He was the No. 2 official in the ministry.",
        "The two countries signed the agreement.",
        "It was the third attack this month and the 13th this year.",
        "Dozens were killed and hundreds of others wounded.",
        "A 45-year-old man was arrested, aged 45 and unarmed.",
    ],
)
def test_claims_negatives_yield_no_claim(sentence: str) -> None:
    assert claims(sentence) == []


# --- sources ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("At least 30 people were killed, according to the health ministry.", "health ministry"),
        ("At least 30 people were killed, the health ministry said.", "health ministry"),
        ("At least 30 people were killed, said the health ministry.", "health ministry"),
        ("The Red Crescent reported that at least 30 people were killed.", "Red Crescent"),
        ("The United Nations estimates that at least 30 people were killed.", "United Nations"),
        ("Figures from the United Nations show at least 30 people were killed.", "United Nations"),
        ("The ministry's figures show at least 30 people were killed.", "ministry"),
        ("Local officials said on Monday that at least 30 people were killed.", "Local officials"),
        ("Amnesty International, a rights group, said at least 30 people were killed.", "Amnesty International"),
        ("The Red Crescent has said at least 30 people were killed.", "Red Crescent"),
        ("The Red Crescent first said at least 30 people were killed.", "Red Crescent"),
        ("The Red Crescent initially reported that at least 30 people were killed.", "Red Crescent"),
        ("The Red Crescent officially confirmed at least 30 people were killed.", "Red Crescent"),
        ("At least 30 people were killed in the attack.", None),
        ("He said at least 30 people were killed.", None),
    ],
)
def test_claims_source_attribution_variants(sentence: str, source: str | None) -> None:
    c = one(sentence)
    assert (c.value, c.predicate) == (30, "killed")
    assert c.source == source
    if source is None:
        assert c.source_span is None
    else:
        assert c.source_span is not None and source in sentence[c.source_span.start : c.source_span.end]


def test_claims_source_uses_entity_canonical_name() -> None:
    text = "The Observatory said 40 fighters were killed."
    start = text.index("Observatory")
    entity = Entity(
        name="Syrian Observatory for Human Rights",
        kind="org",
        aliases=("Observatory",),
        mentions=(Span(start, start + len("Observatory")),),
    )
    c = one(text, entities=[entity])
    assert c.source == "Syrian Observatory for Human Rights"
    assert c.source_span == Span(start, start + len("Observatory"))


# --- as-of dates ------------------------------------------------------------------------------------


def test_claims_as_of_from_the_dates_in_the_sentence() -> None:
    text = "By Monday, at least 1,500 civilians had died, the monitor said."
    monday = DateMention(start=3, end=9, value="2025-03-10", granularity="day")
    assert one(text, dates=[monday]).as_of == "2025-03-10"


def test_claims_as_of_ignores_the_start_of_a_period() -> None:
    text = "At least 1,500 civilians have died since March 6."
    start = text.index("March 6")
    since = DateMention(start=start, end=start + 7, value="2025-03-06", granularity="day")
    c = one(text, dates=[since])
    assert c.as_of is None


def test_claims_number_inside_a_date_mention_is_skipped() -> None:
    text = "The figure of 2,000 people was given on 12 2025."  # a date the dates stage read oddly
    start = text.index("12 2025")
    found = find_claims(text, [Span(0, len(text))], dates=[DateMention(start, start + 7, "2025-12", "month")])
    assert [c.value for c in found] == [2000]


def test_claims_as_of_with_the_dates_stage() -> None:
    text = "On Monday, the ministry said at least 70 people had been killed."
    sentences = _sentences(text)
    found = find_claims(text, sentences, dates=_dates(text, "2025-03-11", sentences), published="2025-03-11")
    assert [(c.value, c.source) for c in found] == [(70, "ministry")]
    if _dates(text, "2025-03-11", sentences):
        assert found[0].as_of == "2025-03-10"


# --- the stage --------------------------------------------------------------------------------------


def test_claims_stage_declares_its_contract() -> None:
    stage = ClaimStage()
    assert isinstance(stage, Stage)
    assert (stage.name, stage.requires, stage.provides) == ("claims", ("sentences", "entities", "dates"), ("claims",))


def test_claims_stage_writes_claims_with_spans_into_text() -> None:
    text = "Rescuers said 12 miners were missing.\nThe army sent 300 soldiers."
    article = Article(id="a", text=text, published="2025-03-11", outlet="X", sentences=tuple(_sentences(text)))
    out = ClaimStage()(article)
    assert [(c.value, c.unit, c.predicate) for c in out.claims] == [
        (12, "miners", "missing"),
        (300, "soldiers", None),
    ]
    first = out.to_dict()["claims"][0]
    assert first["text"] == "Rescuers said 12 miners were missing."
    assert first["source"] == "Rescuers"
    assert first["value"] == 12 and isinstance(first["value"], int)


def test_claims_stage_skips_other_languages_with_a_note() -> None:
    article = Article(id="a", text="Погибли 20 человек.", language="ru", sentences=(Span(0, 19),))
    out = ClaimStage()(article)
    assert out.claims == ()
    assert out.notes == ("claims: skipped, language 'ru' is not supported",)


def test_claims_without_sentences_reads_lines() -> None:
    found = find_claims("Floods displaced 4,000 families.\nNo figures here.", [])
    assert [(c.value, c.unit, c.predicate, c.start, c.end) for c in found] == [(4000, "families", "displaced", 0, 32)]


@pytest.mark.parametrize(
    ("unit", "norm"),
    [("civilians", "civilian"), ("people", "person"), ("casualties", "casualty"), ("USD", "USD"),
     ("%", "%"), ("kilometres", "km"), ("churches", "church"), ("miners", "miner"), (None, None)],
)  # fmt: skip
def test_claims_normalize_unit_gives_singular_for_alignment(unit: str | None, norm: str | None) -> None:
    assert normalize_unit(unit) == norm


def test_claims_over_as_verb_particle_is_not_a_qualifier() -> None:
    c = one("The militants handed over 21 hostages to the Red Cross.")
    assert (c.value, c.unit, c.qualifier) == (21, "hostages", None)


# --- sources are noun phrases; definite descriptions refer back ---------------------------------------


def _org(text: str, name: str, *surfaces: str) -> Entity:
    """An organisation entity with one mention per surface form (first occurrence of each)."""
    mentions = tuple(Span(text.index(s), text.index(s) + len(s)) for s in surfaces or (name,))
    return Entity(name=name, kind="org", aliases=surfaces, mentions=mentions)


@pytest.mark.parametrize(
    ("sentence", "head"),
    [
        ("The group, which counts only named victims, said 41 people had died.", "group"),
        ("The independent monitor said it had confirmed six more deaths overnight.", "monitor"),
        ("The monitoring group said 12 people were killed.", "monitoring group"),
    ],
)
def test_claims_source_definite_description_resolves_to_earlier_org(sentence: str, head: str) -> None:
    text = "Figures come from the Harbour Watch Monitoring Group. " + sentence
    entity = _org(text, "Harbour Watch Monitoring Group")
    found = find_claims(text, _sentences(text), entities=[entity])
    assert len(found) == 1
    assert found[0].source == "Harbour Watch Monitoring Group"
    assert found[0].source_span is not None and head in text[found[0].source_span.start : found[0].source_span.end]


def test_claims_source_definite_description_takes_the_most_recent_matching_org() -> None:
    text = "The Lake Rescue Group met the River Relief Group. The group said 9 people were missing."
    entities = [_org(text, "Lake Rescue Group"), _org(text, "River Relief Group")]
    assert one(text, entities=entities).source == "River Relief Group"


def test_claims_source_description_with_a_specific_modifier_needs_a_matching_name() -> None:
    text = "The Defence Ministry spoke first. The health ministry said 30 people had died."
    c = one(text, entities=[_org(text, "Defence Ministry")])
    assert c.source == "health ministry"  # a known role phrase, not the Defence Ministry


@pytest.mark.parametrize(
    "sentence",
    [
        "The group said 41 people had died.",  # no group named before: nothing to refer back to
        "A smaller group of shop owners said 40 shops were damaged.",  # indefinite: not a back-reference
        "The extension is estimated to cost 212 million dalmars.",  # passive: "extension is" is no source
        "Nobody can tell us if the 30 people missing are alive, said Greta Samuels's neighbour.",
    ],
)
def test_claims_source_none_for_unresolved_or_clause_fragments(sentence: str) -> None:
    found = claims(sentence)
    assert found and all(c.source is None and c.source_span is None for c in found), [c.source for c in found]


def test_claims_source_pronoun_object_is_not_a_source() -> None:
    text = "The Coastal Watch, which tracks accidents, said it had confirmed the names of 23 dead."
    c = one(text, entities=[_org(text, "Coastal Watch")])
    assert (c.value, c.predicate, c.source) == (23, "died", "Coastal Watch")


def test_claims_source_inverted_clause_fragment_is_skipped() -> None:
    text = "The Coastal Watch, which tracks accidents, said its figure included two firefighters."
    c = one(text, entities=[_org(text, "Coastal Watch")])
    assert (c.value, c.unit, c.source) == (2, "firefighters", "Coastal Watch")


def test_claims_source_subject_of_object_relative_clause() -> None:
    text = "Parliament voted on Friday to open an inquiry into the blast, which the Coastal Watch says killed 47 people."
    c = one(text, entities=[_org(text, "Coastal Watch")])
    assert (c.value, c.predicate, c.source) == (47, "killed", "Coastal Watch")


# --- money, casualty predicates and toll updates -------------------------------------------------------


def test_claims_unknown_currency_word_is_the_unit_alone() -> None:
    c = one("The new bridge will cost 40 million florins, the council said.")
    assert (c.value, c.unit, c.predicate, c.source) == (40_000_000, "florins", "cost", "council")


def test_claims_number_of_people_killed_gives_predicate_and_unit_to_the_change() -> None:
    c = one("The number of people killed in the blast rose to at least 41 on Wednesday.")
    assert (c.value, c.qualifier, c.unit, c.predicate) == (41, "at least", "people", "killed")


def test_claims_toll_update_verbs_give_the_toll_predicate() -> None:
    text = "The ministry, which put the toll at 30 on Wednesday, raised its count to 44 on Friday."
    wed, fri = text.index("on Wednesday"), text.index("on Friday")
    dates = [DateMention(wed, wed + 12, "2026-03-04", "day"), DateMention(fri, fri + 9, "2026-03-06", "day")]
    found = claims(text, dates=dates)
    assert [(c.value, c.unit, c.predicate, c.source, c.as_of) for c in found] == [
        (30, "people", "died", "ministry", "2026-03-04"),
        (44, "people", "died", "ministry", "2026-03-06"),
    ]


@pytest.mark.parametrize(
    ("sentence", "predicate"),
    [
        ("The monitor said it had confirmed six more deaths.", "died"),
        ("About 2,300 evacuated residents spent a night in the hall.", "evacuated"),
        ("Two firefighters are among the dead.", "died"),
        ("At least 12 people were wounded in the attack.", "wounded"),
        ("Seven fishermen are still missing.", "missing"),
    ],
)
def test_claims_casualty_predicates(sentence: str, predicate: str) -> None:
    assert one(sentence).predicate == predicate


# --- as-of: the date of the report, not of the event ----------------------------------------------------


def test_claims_as_of_skips_the_event_date_and_uses_publication_for_present_attribution() -> None:
    text = "An explosion late on Monday killed at least 23 people, according to the health ministry."
    start = text.index("late on Monday")
    monday = DateMention(start, start + 14, "2026-03-02", "day")
    c = one(text, dates=[monday], published="2026-03-03T10:00:00+00:00")
    assert (c.value, c.source, c.as_of) == (23, "health ministry", "2026-03-03")


def test_claims_as_of_is_the_date_of_the_attribution() -> None:
    text = "The blast killed at least 23 people late on Monday, the health ministry said on Tuesday."
    mon, tue = text.index("late on Monday"), text.index("on Tuesday")
    dates = [DateMention(mon, mon + 14, "2026-03-02", "day"), DateMention(tue, tue + 10, "2026-03-03", "day")]
    assert one(text, dates=dates, published="2026-03-04").as_of == "2026-03-03"


def test_claims_as_of_none_for_past_attribution_without_a_date() -> None:
    assert one("The health ministry has put the toll at 30.", published="2026-03-06").as_of is None


# --- the demo corpus: every casualty figure with its fields ----------------------------------------------


def test_claims_demo_corpus_casualty_figures_have_their_fields() -> None:
    from parallax.annotate import default_pipeline
    from parallax.api import analyze
    from parallax.samples import DEMO_EXPECTATIONS, demo_paths

    pipeline = default_pipeline()
    articles = {}
    for article in analyze([str(p) for p in demo_paths()], annotate=False):
        if article.published is None:  # plain-text files: the date is in the file name (DEMO_EXPECTATIONS)
            article = article.replace(published=DEMO_EXPECTATIONS["articles"][article.id]["published"])
        articles[article.id] = pipeline(article)
    problems = []
    for x in DEMO_EXPECTATIONS["casualties"]:
        article = articles[x["article"]]
        at = article.text.index(x["text"])
        matches = [c for c in article.claims if c.start <= at < c.end and c.value == x["value"]]
        if len(matches) != 1:
            problems.append((x["article"], x["value"], "claims found:", [c.to_dict() for c in matches]))
            continue
        c = matches[0]
        sentence = article.text[c.start : c.end]
        got = (c.qualifier, c.source, c.as_of, normalize_unit(c.unit), predicate_class(c.predicate))
        want = (x["qualifier"], x["source"], x["as_of"], "person", predicate_class(x["predicate"]))
        if got != want:
            problems.append((x["article"], x["value"], got, want))
        # the canonical predicate itself wherever the sentence writes it ("killed", "died")
        if x["predicate"] in sentence and c.predicate != x["predicate"]:
            problems.append((x["article"], x["value"], c.predicate, x["predicate"]))
    assert problems == []


# --- a figure takes only its own predicate ------------------------------------------------------


def _figures(text: str) -> list[tuple[float, str | None, str | None]]:
    return [(c.value, c.unit, c.predicate) for c in claims(text)]


def test_claims_age_in_apposition_is_not_a_figure() -> None:
    assert _figures("Dana Reyes, 30, from Marlow, who was among more than 50 injured, said the ferry sped up.") == [
        (50.0, None, "injured")
    ]
    assert not claims("Navy veteran Tomas Lind, 57, was one of those injured.")
    assert not claims("The pilot, Gareth Morgan (44) also died in the crash.")


def test_claims_predicate_after_figure_stops_at_another_clause() -> None:
    text = "Two people remain trapped and more than 50 have been injured, trapping five people and injuring another 40."
    assert _figures(text) == [(2.0, "people", None), (50.0, "people", "injured"), (5.0, "people", None),
                              (40.0, None, "injured")]


def test_claims_predicate_after_figure_reads_past_an_aside() -> None:
    assert _figures("At least 84 people, including 10 children, were killed in the attack.")[0] == (
        84.0, "people", "killed")
    assert _figures("Some 30 civilians, including women and children, were killed, officials said.") == [
        (30.0, "civilians", "killed")]


def test_claims_predicate_before_figure_stays_in_its_clause() -> None:
    found = _figures("More than 50 were injured after the ferry hit the pier, trapping five people inside.")
    assert (5.0, "people", None) in found


def test_claims_capitalised_unit_must_follow_the_figure() -> None:
    assert _figures("Fire crews freed 40 Steve Parsons said.") != [(40.0, "Parsons", None)]
    assert _figures("The attack killed 3 Americans, officials said.") == [(3.0, "Americans", "killed")]


def test_claims_figure_between_two_clauses_takes_the_one_after_it() -> None:
    assert _figures("At least 20 people died and 45 were injured.") == [(20.0, "people", "died"),
                                                                       (45.0, "people", "injured")]


def test_claims_one_verb_before_a_list_of_figures_counts_them_all() -> None:
    assert _figures("Police arrested 12 men and three women.") == [(12.0, "men", "arrested"),
                                                                  (3.0, "women", "arrested")]


def test_claims_second_figure_with_its_own_noun_does_not_take_the_first_ones() -> None:
    found = _figures("The crash killed the 10 US citizens and two local crew members on board.")
    assert (10.0, "citizens", "killed") in found
    assert all(unit != "citizens" for value, unit, _ in found if value == 2.0)


def test_claims_abbreviation_before_the_counted_noun_is_skipped() -> None:
    assert _figures("A plane crash killed 10 U.S. citizens, officials said.") == [(10.0, "citizens", "killed")]

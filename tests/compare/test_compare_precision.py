"""Precision: realistic cases in which nothing (or exactly one thing) should be reported."""

from __future__ import annotations

from parallax.compare import CompareSettings, compare


def test_compare_same_source_different_measures_is_no_conflict_or_update(annotate):
    a = annotate("a", "Northwind Post", "2024-05-01",
                 "Police in Bresk said 40 people were arrested after the riot outside the stadium.")
    b = annotate("b", "Capital Wire", "2024-05-03",
                 "Police in Bresk said 65 people were injured when the crowd broke through the gates.")
    c = compare([a, b])
    assert not c.by_kind("conflict") and not c.by_kind("update")
    assert not c.by_kind("consensus")


def test_compare_same_number_in_unrelated_sentences_is_no_consensus(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "The storm closed 14 schools across Marlow county on Thursday, the education office said.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "Fourteen fishing boats sank in Marlow harbour on Thursday, and 14 crew members were rescued.")
    c = compare([a, b])
    assert not c.by_kind("consensus")
    assert not c.by_kind("conflict")


def test_compare_shared_names_with_different_predicates_is_no_consensus(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "“We are ready to talk with our neighbours about Veloria,” Kremlin spokesman Anton Belov told "
                 "reporters, adding that Moscow wants a friendly Veloria.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "President Ivan Sorokin reaffirmed Russia's commitment to friendly cooperation with Veloria, "
                 "Anton Belov added.")
    assert not [f for f in compare([a, b]).by_kind("consensus") if f.get("basis") == "sentence"]


def test_compare_consensus_reports_shared_terms_with_predicate(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "The Riverside Aid Network evacuated 2,300 residents from Marlow on Thursday.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "About 2,300 residents of Marlow were evacuated by the Riverside Aid Network.")
    found = [f for f in compare([a, b]).by_kind("consensus") if f.get("basis") == "sentence"]
    assert len(found) == 1
    terms = found[0].get("terms")
    assert "Marlow" in terms and "Riverside Aid Network" in terms and "2,300" in terms
    assert any(t.startswith("evacuat") for t in terms)  # the predicate is among the matched terms


def test_compare_paraphrased_direct_quote_is_not_altered_nor_same_words(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 '"We will rebuild every bridge in this county before the winter," Mayor Ines Haddad said.')
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "Mayor Ines Haddad said the county planned to have all its bridges rebuilt by the time winter came.")
    c = compare([a, b])
    assert not [f for f in c.by_kind("conflict") if f.get("aspect") == "quote"]
    assert not [f for f in c.by_kind("consensus") if f.get("basis") == "quote"]


def test_compare_same_neutral_wording_is_no_frame(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "The bridge over the Marl river collapsed on Thursday, officials said.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "Officials said the bridge over the Marl river collapsed on Thursday morning.")
    assert not compare([a, b]).by_kind("frame")


def test_compare_same_day_from_different_publication_days_is_one_timeline_event(annotate):
    # Wednesday's "on Monday" and Friday's "on April 29" are the same day
    a = annotate("a", "Northwind Post", "2024-05-01",
                 "The dam above Marlow burst on Monday, flooding the lower town and the county hospital.")
    b = annotate("b", "Capital Wire", "2024-05-03",
                 "The dam above Marlow burst on April 29, flooding the lower town and the county hospital.")
    c = compare([a, b])
    days = [t for t in c.timeline if t.date == "2024-04-29"]
    assert len(days) == 1, c.timeline
    assert set(days[0].articles) == {"a", "b"}


def test_compare_timeline_dates_an_event_by_its_day_not_by_the_dateline(annotate):
    # the wire's dateline gives the filing day (Saturday); the vote was on Friday: one entry, Friday
    a = annotate("a", "Northwind Post", "2024-05-04",
                 "VERSK, May 4 (Capital Wire) — Dalmora's parliament voted on Friday to set up a commission of "
                 "inquiry into the dam burst above Marlow.")
    b = annotate("b", "Capital Wire", "2024-05-04",
                 "The dam above Marlow burst on Thursday, flooding the lower town and the county hospital.")
    c = compare([a, b])
    entries = [t for t in c.timeline if "a" in t.articles]
    assert [t.date for t in entries] == ["2024-05-03"], c.timeline


def test_compare_background_sentence_is_not_exclusive(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "The dam above Marlow burst on Thursday. The valley has long been known for its orchards and "
                 "its old stone mills.")
    b = annotate("b", "Capital Wire", "2024-05-02", "The dam above Marlow burst on Thursday.")
    assert not compare([a, b]).by_kind("exclusive")


def test_compare_exclusives_capped_per_article(annotate):
    text = " ".join(
        f"The Riverside Aid Network said {n} people were rescued from {place} on Thursday."
        for n, place in ((120, "Bresk"), (45, "Dunmere"), (310, "Versk"), (72, "Halden"), (18, "Orlo"))
    )
    a = annotate("a", "Northwind Post", "2024-05-02", "The dam above Marlow burst on Thursday. " + text)
    b = annotate("b", "Capital Wire", "2024-05-02", "The dam above Marlow burst on Thursday.")
    ex = compare([a, b], settings=CompareSettings(max_exclusives_per_article=2)).by_kind("exclusive")
    assert len(ex) == 2


def test_compare_rounded_small_figure_another_outlet_gives_exactly_is_not_exclusive(annotate):
    # "more than 80" and "84" are one count of the wounded, told with and without rounding
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "A car bomb exploded outside the German consulate in Marlow on Thursday night. More than 80 "
                 "people were rushed to hospital after the blast, police said.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "A car bomb exploded outside the German consulate in Marlow on Thursday night. Doctors at the "
                 "city hospital said 84 wounded people had been brought in overnight.")
    ex = compare([a, b]).by_kind("exclusive")
    assert not ex, [f.summary for f in ex]


def test_compare_exact_small_counts_of_different_things_stay_apart(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "A car bomb exploded outside the German consulate in Marlow on Thursday night. Police arrested "
                 "14 suspects in raids across the city on Friday.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "A car bomb exploded outside the German consulate in Marlow on Thursday night. Doctors at the "
                 "city hospital said 15 wounded people had been brought in overnight.")
    ex = compare([a, b]).by_kind("exclusive")
    assert len(ex) == 2, [f.summary for f in ex]


def test_compare_same_reported_speech_is_not_called_the_same_quoted_words(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "Interior Minister Irena Haldane said that a plant manager had been detained by police in Marlow.")
    b = annotate("b", "Capital Wire", "2024-05-03",
                 "Interior Minister Irena Haldane said on Friday that a plant manager had been detained by police "
                 "in Marlow and questioned.")
    quotes = [f for f in compare([a, b]).by_kind("consensus") if f.get("basis") == "quote"]
    assert quotes and all("same words" not in f.summary for f in quotes), [f.summary for f in quotes]
    assert any("report the same statement by Irena Haldane" in f.summary for f in quotes)


def test_compare_two_outlets_carrying_one_sentence_word_for_word_are_one_voice_for_that_fact(annotate):
    # A and B print the same wire sentence (their articles are otherwise their own): one voice, not
    # two outlets agreeing; C and D tell the crash in their own words
    wire = "The plane's two Dalmoran pilots also died in the crash near Versk, President Tomas Varga said on Monday."
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "A small plane carrying tourists crashed in the hills near Versk on Sunday. " + wire +
                 " Families gathered at the airport in Marlow late into the night.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "Rescuers reached the wreck of the charter plane in the forest above Versk at dawn. " + wire +
                 " The aviation authority has opened an investigation into the cause.")
    c = annotate("c", "Harbour Gazette", "2024-05-02",
                 "A charter plane with ten tourists on board crashed in the hills near Versk on Sunday.")
    d = annotate("d", "Valley Times", "2024-05-02",
                 "Weather in the hills near Versk was poor when the charter plane took off from Marlow.")
    consensus = compare([a, b, c, d]).by_kind("consensus")
    assert not [f for f in consensus if "pilots" in f.summary], [f.summary for f in consensus]


def test_compare_outlets_quoting_one_statement_in_their_own_sentences_agree(annotate):
    # the same quoted words inside different sentences: two voices (quotes are shared by nature)
    quote = "“We will find out why this plane fell out of the sky over Versk,”"
    a = annotate("a", "Northwind Post", "2024-05-02", quote + " President Tomas Varga told reporters on Monday.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "Speaking at the crash site, President Tomas Varga promised answers: " + quote + " he said.")
    quotes = [f for f in compare([a, b]).by_kind("consensus") if f.get("basis") == "quote"]
    assert quotes and "same words" in quotes[0].summary, [f.summary for f in quotes]


def test_compare_consensus_is_shown_by_a_sentence_without_figures_the_others_do_not_give(annotate):
    # three outlets agree the tram overturned; only one says five died: the summary must not
    # present "five dead" as what they agree on
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "At least five people are dead after a tram overturned in Marlow, police said.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "Several people died and dozens were injured after a tram derailed and overturned in Marlow.")
    c = annotate("c", "Harbour Gazette", "2024-05-02",
                 "The scene after a tram overturned in Marlow, trapping five people and injuring another 40.")
    d = annotate("d", "Valley Times", "2024-05-02", "Trams in Marlow stopped running on Thursday night.")
    consensus = [f for f in compare([a, b, c, d]).by_kind("consensus") if "overturned" in f.summary]
    assert consensus, compare([a, b, c, d]).findings
    assert all("five" not in f.summary.split("—")[0] for f in consensus), [f.summary for f in consensus]


def test_compare_a_name_another_outlet_gives_in_part_does_not_make_an_exclusive(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "Coach Bruno Arlen retired on Thursday after forty years in football. In 1983, at age 30, Arlen "
                 "was hired as the head coach at Temple University.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "Coach Bruno Arlen retired on Thursday after forty years in football. Arlen later led the team at "
                 "Temple, a job he held from 1983 to 1988.")
    ex = [f for f in compare([a, b]).by_kind("exclusive") if "Temple" in f.summary]
    assert not ex, [f.summary for f in ex]


def test_compare_outlets_agreeing_someone_did_not_comment_is_no_consensus(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "The director Quen Tarrow did not respond to requests for comment on Thursday.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "Quen Tarrow, the director, did not respond to requests for comment.")
    assert not compare([a, b]).by_kind("consensus")


def test_compare_consensus_names_the_outlets_that_print_one_sentence(annotate):
    wire = "The plane's two Dalmoran pilots also died in the crash near Versk, President Tomas Varga said on Monday."
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "A small plane carrying tourists crashed in the hills near Versk on Sunday. " + wire)
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "Rescuers reached the wreck of the charter plane in the forest above Versk at dawn. " + wire)
    c = annotate("c", "Harbour Gazette", "2024-05-02",
                 "Both Dalmoran pilots died in the crash near Versk as well, according to President Tomas Varga.")
    d = annotate("d", "Valley Times", "2024-05-02",
                 "President Tomas Varga confirmed that the two Dalmoran pilots died when the plane crashed near Versk.")
    e = annotate("e", "Ridge Daily", "2024-05-02", "Weather in the hills near Versk was poor on Sunday.")
    pilots = [f for f in compare([a, b, c, d, e]).by_kind("consensus") if "pilots" in f.summary]
    assert pilots, compare([a, b, c, d, e]).findings
    assert "Northwind Post and Capital Wire print the same sentence" in pilots[0].summary
    assert pilots[0].get("outlets") == 3

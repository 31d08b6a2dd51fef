"""Precision on patterns read in real multi-outlet coverage (our own wording): what must not be reported.

Each case is a mistake the comparison once made on real articles: a part of a toll set against
the toll, an age read as a count, a past disaster's toll taken for this one's, a spelling
difference called an altered quote, one hedge split in two, a place taken for a person's name.
"""

from __future__ import annotations

from parallax.compare import compare


def _figure_conflicts(c):
    return [f for f in c.by_kind("conflict") if f.get("aspect") == "figure"]


def test_compare_seriously_injured_is_not_a_conflicting_injury_toll(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "The fire brigade said at least 40 people were injured when the ferry hit the pier in Marlow.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "The ambulance service said eight people had serious or life-threatening injuries after the ferry "
                 "hit the pier in Marlow.")
    assert not _figure_conflicts(compare([a, b]))


def test_compare_part_of_a_toll_is_not_a_conflicting_toll(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "Police said more than 50 people were injured when the ferry hit the pier in Marlow.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "Marlow General Hospital said it was treating 20 people, four of whom were seriously injured and "
                 "16 who were walking wounded, after the ferry hit the pier.")
    c = annotate("c", "Harbour Gazette", "2024-05-02",
                 "Two people remain trapped and more than 50 have been injured after the ferry hit the pier in "
                 "Marlow, trapping five people and injuring another 40.")
    assert not _figure_conflicts(compare([a, b, c]))


def test_compare_age_of_a_witness_is_not_a_count(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "Dana Reyes, 30, from Marlow, who was among more than 50 injured, said the ferry sped up.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "Navy veteran Tomas Lind, 57, was one of those injured when the ferry hit the pier in Marlow.")
    assert not [c for c in a.claims if c.value == 30]
    assert not [c for c in b.claims if c.value == 57]
    assert not _figure_conflicts(compare([a, b]))


def test_compare_past_disaster_toll_is_not_consensus_with_this_one(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "At least seven people were killed when the ferry hit the pier in Marlow on Thursday.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "It is the worst accident on Marlow's ferries since 2004, when seven people were killed in a "
                 "collision near the pier.")
    c = compare([a, b])
    assert not [f for f in c.by_kind("consensus") if f.get("basis") == "sentence"]
    assert not c.by_kind("conflict") and not c.by_kind("update")


def test_compare_past_event_told_by_two_outlets_is_still_consensus(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "In 2004, seven people were killed when a ferry hit the Marlow pier in a storm.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "Seven people were killed when a ferry hit the Marlow pier during a storm in 2004.")
    found = [f for f in compare([a, b]).by_kind("consensus") if f.get("basis") == "sentence"]
    assert len(found) == 1


def test_compare_spelling_and_spacing_differences_are_not_an_altered_quote(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 '"Initial indications suggest the ferry was traveling at a far higher speed than permitted on '
                 'to the pier, and the operator First Group will help," the investigators said.')
    b = annotate("b", "Capital Wire", "2024-05-02",
                 '"Initial indications suggest the ferry was travelling at a far higher speed than permitted onto '
                 'the pier, and the operator FirstGroup will help," the investigators said.')
    c = compare([a, b])
    assert not [f for f in c.by_kind("conflict") if f.get("aspect") == "quote"]


def test_compare_one_hedge_written_two_ways_is_one_frame(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "The collision is believed to be the first fatal ferry accident in Marlow since 1990.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "It is believed the collision was the first fatal ferry accident in Marlow since 1990.")
    c = annotate("c", "Harbour Gazette", "2024-05-02",
                 "The collision was the first fatal ferry accident in Marlow since 1990, the port authority said.")
    frames = compare([a, b, c]).by_kind("frame")
    assert len(frames) == 1
    assert {e.outlet for e in frames[0].evidence if e.get("role") == "framed"} == {"Northwind Post", "Capital Wire"}


def test_entities_place_is_not_an_alias_of_a_person_it_prefixes(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "Marlow Central MP Gavin Barwell said his friend was on the ferry. Residents of Marlow gathered "
                 "at the pier. Mr Barwell visited the hospital in Marlow on Friday.")
    for e in a.entities:
        if "Barwell" in e.name:
            assert "Marlow" not in e.aliases


def test_compare_quote_differing_in_function_words_or_inflection_is_not_altered(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 '"I regret that the ferry was late and that the crew did not see the pier in time," Captain Ines '
                 'Haddad said.')
    b = annotate("b", "Capital Wire", "2024-05-02",
                 '"I regrets that the ferry is late and that a crew did not see the pier in time," Captain Ines '
                 'Haddad said.')
    assert not [f for f in compare([a, b]).by_kind("conflict") if f.get("aspect") == "quote"]


def test_compare_editorial_brackets_and_handles_are_not_alterations(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 '"I love Michael and the whole crew of the ferry, they saved my family tonight," singer Dana Reyes '
                 'wrote on Twitter.')
    b = annotate("b", "Capital Wire", "2024-05-02",
                 '"I love [Madsen] & the whole crew of the ferry, they saved my family tonight," singer Dana Reyes '
                 'wrote on Twitter.')
    assert not [f for f in compare([a, b]).by_kind("conflict") if f.get("aspect") == "quote"]


def test_compare_quote_with_a_content_word_changed_is_still_altered(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 '"There was a woman that was on top of me and I do not think she made it," Dana Reyes said.')
    b = annotate("b", "Capital Wire", "2024-05-02",
                 '"There was a girl who was on top of me and I do not think she made it," Dana Reyes said.')
    altered = [f for f in compare([a, b]).by_kind("conflict") if f.get("aspect") == "quote"]
    assert len(altered) == 1
    assert {"a": "woman", "b": "girl"} in [{k: v for k, v in ch.items()} for ch in altered[0].get("changes")] or \
        any("woman" in ch["a"] and "girl" in ch["b"] for ch in altered[0].get("changes"))


def test_compare_one_fact_found_through_two_verbs_is_one_consensus(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "A plane carrying 10 American tourists crashed in the mountains of Veloria on Sunday, killing all "
                 "aboard.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "A small plane crashed in Veloria on Sunday, killing 10 American tourists and two local pilots.")
    c = annotate("c", "Harbour Gazette", "2024-05-02",
                 "Ten American tourists were killed when their plane crashed in the mountains of Veloria on Sunday.")
    found = [f for f in compare([a, b, c]).by_kind("consensus") if f.get("basis") == "sentence"]
    assert len(found) == 1


def test_compare_same_quote_is_not_also_a_sentence_consensus(annotate):
    q = '"We will rebuild every bridge in this county before the first snow falls," Mayor Ines Haddad said.'
    a = annotate("a", "Northwind Post", "2024-05-02", q)
    b = annotate("b", "Capital Wire", "2024-05-02", "Flood waters receded on Thursday. " + q)
    c = compare([a, b])
    assert len([f for f in c.by_kind("consensus") if f.get("basis") == "quote"]) == 1
    assert not [f for f in c.by_kind("consensus") if f.get("basis") == "sentence"]


def test_compare_name_written_twice_is_not_two_shared_words(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "A second flight carrying guests and a trip leader arrived safely in San José.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "The same plane had arrived in Puerto Lindo on Sunday morning from San Jose.")
    assert not [f for f in compare([a, b]).by_kind("consensus") if f.get("basis") == "sentence"]


def test_compare_unattributed_toll_rising_over_days_is_an_update(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "At least 60 people were killed when a truck drove into a crowd in Marlow on Thursday night.")
    b = annotate("b", "Capital Wire", "2024-05-03",
                 "At least 84 people were killed when a truck drove into a crowd in Marlow on Thursday night.")
    c = annotate("c", "Harbour Gazette", "2024-05-20",
                 "The toll of the Marlow truck attack rose to 85 after a woman died in hospital.")
    updates = [f for f in compare([a, b, c]).by_kind("update") if f.get("basis") == "reported toll"]
    assert len(updates) == 1
    assert [s["value"] for s in updates[0].get("series")] == [60, 84, 85]
    assert "2024-05-02" in updates[0].summary and "2024-05-20" in updates[0].summary


def test_compare_later_lower_toll_and_background_toll_make_no_update(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "At least 84 people were killed when a truck drove into a crowd in Marlow on Thursday night.")
    b = annotate("b", "Capital Wire", "2024-05-03",
                 "Nearly 80 people were killed when a truck drove into a crowd in Marlow on Thursday night. "
                 "Police closed the seafront. Shops stayed shut. Schools opened late. "
                 "A similar attack in Bresk killed 130 people, the worst in the region.")
    assert not [f for f in compare([a, b]).by_kind("update") if f.get("basis") == "reported toll"]


def _exclusive_texts(c):
    return [f.evidence[0].text for f in c.by_kind("exclusive")]


def test_compare_large_figure_with_another_noun_is_not_exclusive(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "The breach at Veloria Credit exposed the personal data of 143 million people, the company said.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "Veloria Credit admitted that hackers may have affected 143 million consumers in the breach.")
    c = annotate("c", "Harbour Gazette", "2024-05-03",
                 "Veloria Credit said roughly 145 million Americans were hit by the breach, its chief said.")
    d = annotate("d", "Bayview Express", "2024-05-04",
                 "Veloria Credit put the number of customers affected by the breach at 145.5 million.")
    texts = _exclusive_texts(compare([a, b, c, d]))
    assert not [t for t in texts if "143 million" in t or "145" in t]


def test_compare_sentence_another_outlet_carries_word_for_word_is_not_exclusive(annotate):
    tweet = ("How about you teach people to get the facts first before throwing players off a flight over a "
             "blanket they never stole, Bresk Airways")
    a = annotate("a", "Northwind Post", "2024-05-02",
                 f"Coach Dana Reyes tweeted on Monday: {tweet}.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 f"Players were removed from the flight. One wrote online: {tweet}!")
    assert not [t for t in _exclusive_texts(compare([a, b])) if "facts first" in t]


def test_compare_unanswered_request_for_comment_is_not_exclusive(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "Director Tomas Lind of Bresk Airways did not respond to requests for comment on Monday.")
    b = annotate("b", "Capital Wire", "2024-05-02", "Bresk Airways removed three players from a flight on Monday.")
    assert not [t for t in _exclusive_texts(compare([a, b])) if "respond" in t]


def test_compare_earlier_unattributed_toll_is_not_exclusive(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "More than 70 people were killed when a truck drove into a crowd in Marlow on Thursday night.")
    b = annotate("b", "Capital Wire", "2024-05-03",
                 "At least 84 people were killed when a truck drove into a crowd in Marlow on Thursday night.")
    assert not [t for t in _exclusive_texts(compare([a, b])) if "70" in t or "84" in t]


def test_compare_one_source_figure_rising_within_a_day_is_an_update_not_a_conflict(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02T06:57:00+00:00",
                 "A ferry struck a bridge on the Marlow river and 25 people were injured, police said Wednesday.")
    b = annotate("b", "Capital Wire", "2024-05-02T08:27:00+00:00",
                 "Police said 27 people were injured when a ferry struck a bridge on the Marlow river on Wednesday.")
    c = compare([a, b])
    assert not [f for f in c.by_kind("conflict") if f.get("aspect") == "figure"]
    updates = c.by_kind("update")
    assert len(updates) == 1 and [s["value"] for s in updates[0].get("series")] == [25, 27]
    assert "06:57" in updates[0].summary and "08:27" in updates[0].summary


def test_compare_same_day_figures_without_times_stay_a_conflict(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "A ferry struck a bridge on the Marlow river and 25 people were injured, police said Wednesday.")
    b = annotate("b", "Capital Wire", "2024-05-02T00:00:00",
                 "Police said 37 people were injured when a ferry struck a bridge on the Marlow river on Wednesday.")
    assert len([f for f in compare([a, b]).by_kind("conflict") if f.get("aspect") == "figure"]) == 1


def test_compare_words_left_out_at_an_ellipsis_are_not_an_alteration(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 '"There was a woman that was on top of me ... I do not think she made it at all," Dana Reyes said.')
    b = annotate("b", "Capital Wire", "2024-05-02",
                 '"There was a woman that was on top of me and she was bleeding everywhere. I do not think she made '
                 'it at all," Dana Reyes said.')
    assert not [f for f in compare([a, b]).by_kind("conflict") if f.get("aspect") == "quote"]


def test_compare_two_translations_of_a_speech_are_not_an_altered_quote(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 '"The entire territory of the south is within range of our missiles, and the launch button is '
                 'always on my desk. This is reality, not a threat," leader Ivan Sorokin said.')
    b = annotate("b", "Capital Wire", "2024-05-02",
                 '"The whole mainland of the south is within the range of our missiles and the launch button is '
                 'always on the desk of my office. They should accurately be aware, this is not a threat," '
                 'leader Ivan Sorokin said.')
    assert not [f for f in compare([a, b]).by_kind("conflict") if f.get("aspect") == "quote"]


def test_compare_hedged_claim_about_the_story_actors_nobody_else_makes_is_a_frame(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "The Velmar minority is reportedly leading an uprising against the new government in the Tarsk "
                 "and Lemva provinces of Ostria.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "Days of unrest among the Velmar minority have shaken the new government of Ostria.")
    frames = compare([a, b]).by_kind("frame")
    assert len(frames) == 1
    assert frames[0].get("basis") == "uncorroborated" and frames[0].evidence[0].text == "reportedly"
    assert frames[0].summary.startswith("Only Northwind Post makes this claim")


def test_compare_hedged_claim_whose_names_other_outlets_all_give_is_no_uncorroborated_frame(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "The leaked files are allegedly connected to Marlow law firm Haddad Lind.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "Reporters have combed through millions of files leaked from Haddad Lind, a law firm in Marlow.")
    assert not [f for f in compare([a, b]).by_kind("frame") if f.get("basis") == "uncorroborated"]


def test_compare_hedged_side_remark_naming_nobody_else_names_is_no_frame(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "The ferry hit the Marlow pier on Thursday. Its captain, Ines Haddad, reportedly once sailed with "
                 "the Bresk Navy.")
    b = annotate("b", "Capital Wire", "2024-05-02", "A ferry hit the Marlow pier on Thursday, injuring 12 people.")
    assert not compare([a, b]).by_kind("frame")


def test_compare_writer_addressing_the_reader_is_not_an_exclusive(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "As a stunt, you have to admit that Dana Reyes of Bresk Rockets has style.")
    b = annotate("b", "Capital Wire", "2024-05-02", "Bresk Rockets launched its heavy rocket on Monday.")
    assert not [t for t in _exclusive_texts(compare([a, b])) if "you have to admit" in t]


def test_compare_exclusives_are_capped_per_outlet_not_per_article(annotate):
    facts = ["The Marlow council closed the Tarsk bridge on Monday after engineers found 14 cracks.",
             "Mayor Ines Haddad ordered 300 sandbags for the Lemva quay on Monday.",
             "The Ostria rail company cancelled 45 trains to Velmar on Monday.",
             "Police in Bresk arrested 12 looters near the Kovar market on Monday."]
    arts = [annotate(f"n{k}", "Northwind Post", "2024-05-02", fact) for k, fact in enumerate(facts)]
    arts.append(annotate("c", "Capital Wire", "2024-05-02", "Floods hit Marlow county on Monday."))
    ex = [f for f in compare(arts).by_kind("exclusive") if f.evidence[0].outlet == "Northwind Post"]
    assert len(ex) == 3

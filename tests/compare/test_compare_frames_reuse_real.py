"""Frames and reuse on patterns read in real multi-outlet coverage (our own invented wording).

Frames: a frame finding shows one claim framed by some outlets and stated plainly by another;
a hedge on a claim nobody else makes, a loosely similar sentence, or a counterpart that is itself
hedged is no finding; inflections of one cue and several hedges on one claim are one finding.

Reuse: two outlets carrying one wire story or press release share a source, they do not copy
each other; a date-only or midnight time gives no direction; a credit naming one outlet gives
it; quotations both outlets carry are not copied text; wire twins are one source for consensus.
"""

from __future__ import annotations

from parallax.compare import compare

# ---- frames -------------------------------------------------------------------------------------------


def _frames(*articles):
    return compare(list(articles)).by_kind("frame")


def test_frame_hedge_on_a_claim_nobody_else_makes_is_not_reported(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "The ferry hit the pier in Marlow on Thursday. The captain reportedly ignored two radio warnings "
                 "from the harbour master before the crash.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "The ferry hit the pier in Marlow on Thursday. Divers inspected the hull on Friday.")
    c = annotate("c", "Harbour Gazette", "2024-05-02",
                 "The ferry hit the pier in Marlow on Thursday, injuring 40 people.")
    assert not _frames(a, b, c)


def test_frame_hedge_needs_the_same_claim_not_a_loosely_similar_sentence(annotate):
    # same actors and place, another event: "detained" is not "questioned"
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "Unconfirmed reports said that a ferry company manager had been detained by police in Marlow.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "Two managers of the ferry company were questioned by police, the interior ministry said.")
    assert not _frames(a, b)


def test_frame_hedge_reported_when_another_outlet_states_the_same_claim_plainly(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "The ferry Marlow Star reportedly carried 312 passengers, far more than its licence allowed.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "The ferry Marlow Star carried 312 passengers, far more than its licence allowed, inspectors said.")
    frames = _frames(a, b)
    assert len(frames) == 1
    f = frames[0]
    assert f.get("frame_kind") == "hedge" and f.get("cue") == "reportedly"
    assert [(e.outlet, e.get("role")) for e in f.evidence] == [("Northwind Post", "framed"), ("Capital Wire", "unframed")]


def test_frame_counterpart_that_is_itself_hedged_or_relayed_does_not_count(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "Freighters from Velmar reportedly transferred fuel to Ostrian tankers at sea in March.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "The embargo was tightened following reports that freighters from Velmar transferred fuel to "
                 "Ostrian tankers at sea in March.")
    c = annotate("c", "Harbour Gazette", "2024-05-02",
                 "Freighters from Velmar transferred fuel to Ostrian tankers at sea in March, reports Coast News.")
    assert not _frames(a, b, c)


def test_frame_negated_hedged_claim_needs_a_negated_counterpart(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "The port authority had apparently not requested the safety records from the ferry company.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "The port authority requested the safety records from the ferry company on Monday.")
    assert not _frames(a, b)


def test_frame_several_hedges_on_one_claim_in_different_outlets_are_one_finding(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "Innkeeper Ivo Brandt supposedly cursed the Marlow rowing club in 1951 after he was thrown out.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "Innkeeper Ivo Brandt allegedly cursed the Marlow rowing club in 1951 after he was thrown out.")
    c = annotate("c", "Harbour Gazette", "2024-05-02",
                 "Innkeeper Ivo Brandt cursed the Marlow rowing club in 1951 after he was thrown out of a race.")
    frames = _frames(a, b, c)
    assert len(frames) == 1
    f = frames[0]
    assert set(f.get("cues")) == {"supposedly", "allegedly"}
    assert {e.outlet for e in f.evidence if e.get("role") == "framed"} == {"Northwind Post", "Capital Wire"}
    assert {e.outlet for e in f.evidence if e.get("role") == "unframed"} == {"Harbour Gazette"}


def test_frame_inflections_of_one_loaded_word_are_one_finding(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "Twelve people were killed in the massacre at the Marlow fair on Sunday night. "
                 "Twelve people were massacred at the Marlow fair on Sunday night, police said.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "Twelve people were killed in the shooting at the Marlow fair on Sunday night.")
    frames = _frames(a, b)
    assert len(frames) == 1
    assert frames[0].get("cue") == "massacre" and frames[0].get("frame_kind") == "loaded"
    assert len([e for e in frames[0].evidence if e.get("role") == "framed"]) == 2


def test_frame_loaded_word_needs_a_plain_statement_of_the_same_fact(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "The Ostrian regime tested two long-range rockets over the Varn Sea on Friday.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "Ostria launched a weather satellite into orbit in March, its space agency said.")
    assert not _frames(a, b)
    c = annotate("c", "Harbour Gazette", "2024-05-02",
                 "Ostria tested two long-range rockets over the Varn Sea on Friday.")
    frames = _frames(a, c)
    assert len(frames) == 1 and frames[0].get("cue") == "regime"


def test_frame_regime_meaning_a_system_of_rules_is_no_finding(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "The old tax regime let Harlow Bank defer taxes on profits held abroad until this year.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "The old rules let Harlow Bank defer taxes on profits held abroad until this year.")
    assert not _frames(a, b)


def test_frame_so_called_naming_a_term_is_no_finding(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "Investors lost money in so-called initial coin offerings (ICOs) run from Marlow last year.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "Investors lost money in initial coin offerings run from Marlow last year.")
    assert not _frames(a, b)


def test_frame_distancing_from_a_name_needs_another_outlet_using_the_name_plainly(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "Figures from the so-called Harbour Watch Council put the toll far higher.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "The Harbour Watch Council, a volunteer group, said 23 people had died.")
    frames = _frames(a, b)
    assert len(frames) == 1 and frames[0].get("cue") == "so-called"
    assert frames[0].evidence[-1].outlet == "Capital Wire"


def test_frame_distancing_inside_a_quote_is_never_a_finding(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 '"The so-called Harbour Watch Council spreads panic," the mayor of Marlow said on Tuesday.')
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "The Harbour Watch Council, a volunteer group, said 23 people had died.")
    assert not _frames(a, b)


def test_frame_loaded_word_in_reported_speech_is_no_finding(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "But the Ostrian government calls the joint naval drills a rehearsal for invasion.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "Ostria says the joint naval drills are a rehearsal for an attack.")
    assert not _frames(a, b)


# ---- reuse --------------------------------------------------------------------------------------------

WIRE = (
    "The storm dropped 34 inches of snow on Harlow county on Monday, an all-time daily record for the town. "
    "Another 20 inches fell by Tuesday night, bringing the total since the weekend to more than 60 inches. "
    "The county has declared a snow emergency, citing dangerous and impassable roads, and officials urged "
    "people to stay at home. County executive Mara Holt signed a disaster declaration which she said would "
    "allow the state to send ploughs and National Guard trucks to clear the main roads by Thursday. Schools "
    "and libraries will stay closed for the rest of the week while crews clear the drifts from the old town."
)


def _reuse(*articles):
    return compare(list(articles)).by_kind("reuse")


def test_reuse_two_carriers_of_one_wire_story_share_a_source_not_copy(annotate):
    a = annotate("a", "Daily Harbinger", "2024-01-09T00:00:00", WIRE + "\n\nCopyright 2024 The Associated Press.")
    b = annotate("b", "Northwind Post", "2024-01-09T08:15:00+00:00", "HARLOW, Pa. (AP) — " + WIRE)
    c = annotate("c", "Capital Courier", "2024-01-09T09:00:00+00:00",
                 "Snow closed schools in Harlow county for the rest of the week, the county executive said.")
    reuse = _reuse(a, b, c)
    assert len(reuse) == 1
    r = reuse[0]
    assert r.get("relation") == "shared-source" and r.get("source") == "Associated Press"
    assert r.get("directed") is False and r.get("original") is None and r.get("copy") is None
    assert set(r.get("articles")) == {"a", "b"}
    assert "reuses" not in r.summary and "Associated Press" in r.summary


def test_reuse_midnight_time_gives_no_direction(annotate):
    a = annotate("a", "Daily Harbinger", "2024-01-09T00:00:00+00:00", WIRE)
    b = annotate("b", "Northwind Post", "2024-01-09T08:15:00+00:00",
                 WIRE.replace("Schools and libraries", "Shops and schools"))
    reuse = _reuse(a, b)
    assert len(reuse) == 1
    assert reuse[0].get("directed") is False and reuse[0].get("original") is None


def test_reuse_date_only_time_gives_no_direction(annotate):
    short = WIRE.rsplit(" Schools", 1)[0]
    a = annotate("a", "Daily Harbinger", "2024-01-09", short + " Libraries will stay closed until Monday.")
    b = annotate("b", "Northwind Post", "2024-01-10T08:15:00+00:00", short + " Crews worked through the night.")
    reuse = _reuse(a, b)
    assert len(reuse) == 1
    assert reuse[0].get("directed") is False


def test_reuse_credit_naming_one_outlet_makes_it_the_original_whatever_the_times(annotate):
    wire = annotate("w", "Reuters", "2024-01-09T11:00:00+00:00", "HARLOW (Reuters) - " + WIRE)
    carrier = annotate("c", "Northwind Post", "2024-01-09T10:05:00+00:00",
                       "HARLOW, Jan 9 (Reuters) - " + WIRE + "\n\n(Reporting by Ana Pell; Editing by Tom Reyes)")
    reuse = _reuse(wire, carrier)
    assert len(reuse) == 1
    r = reuse[0]
    assert r.get("relation") == "copy" and r.get("original") == "w" and r.get("copy") == "c"
    assert r.get("basis") == "credit"


def test_reuse_quotations_both_outlets_carry_are_not_copied_text(annotate):
    statement = (
        "\u201cHarlow Energy has a long history of working with the county on storm readiness, and our crews "
        "have been working around the clock since Sunday night to restore power to every home and business in "
        "the old town and the villages around it, and we thank our customers for their patience while we do "
        "so,\u201d the company said in a statement."
    )
    a = annotate("a", "Daily Harbinger", "2024-01-09T08:00:00+00:00",
                 "Power returned to most of Harlow on Tuesday. " + statement)
    b = annotate("b", "Northwind Post", "2024-01-10T08:00:00+00:00",
                 "Thousands of homes in Harlow were still dark on Wednesday. " + statement)
    assert not _reuse(a, b)


def test_reuse_embedded_tweet_both_outlets_show_is_not_copied_text(annotate):
    tweet = (
        "The great @harlowsnow team & I worked all night. I mean, not all night - like we never slept at all. "
        "We just kept the ploughs going on every road in town & it got hard. Felt we should tell y'all so you "
        "stop asking where the ploughs are. \u2014 Mara Holt (@MaraHolt) January 9, 2024"
    )
    a = annotate("a", "Daily Harbinger", "2024-01-09T08:00:00+00:00",
                 "County executive Mara Holt thanked road crews on Twitter.\n\n" + tweet)
    b = annotate("b", "Northwind Post", "2024-01-09T18:00:00+00:00",
                 "Mara Holt posted a message about the snow on Tuesday.\n\n" + tweet)
    assert not _reuse(a, b)


def test_reuse_identical_uncredited_text_in_two_outlets_has_no_direction(annotate):
    a = annotate("a", "Daily Harbinger", "2024-01-09T08:00:00+00:00", WIRE)
    b = annotate("b", "Northwind Post", "2024-01-09T20:00:00+00:00", WIRE)
    reuse = _reuse(a, b)
    assert len(reuse) == 1
    r = reuse[0]
    assert r.get("relation") == "shared-source" and r.get("directed") is False and r.get("source") is None


def test_reuse_press_release_is_a_shared_source(annotate):
    release = WIRE.replace("The storm", "Harlow Energy said in a press release that the storm", 1)
    a = annotate("a", "Daily Harbinger", "2024-01-09T08:00:00+00:00", release)
    b = annotate("b", "Northwind Post", "2024-01-09T09:30:00+00:00", release + " More snow is expected.")
    reuse = _reuse(a, b)
    assert len(reuse) == 1
    assert reuse[0].get("relation") == "shared-source" and reuse[0].get("source") == "press release"


def test_reuse_two_reprints_naming_a_third_outlet_share_its_story(annotate):
    story = WIRE + " \u201cIt was the worst night of my life,\u201d Holt told the Harlow Ledger on Wednesday."
    a = annotate("a", "Daily Harbinger", "2024-01-09T08:00:00+00:00", story)
    b = annotate("b", "Northwind Post", "2024-01-09T20:00:00+00:00", story.replace("Schools and", "All schools and"))
    c = annotate("c", "Harlow Ledger", "2024-01-09T06:00:00+00:00",
                 "Harlow county declared a snow emergency on Monday after a record snowfall.")
    reuse = _reuse(a, b, c)
    assert len(reuse) == 1
    assert reuse[0].get("relation") == "shared-source" and reuse[0].get("source") == "Harlow Ledger"


def test_reuse_wire_twins_are_one_source_for_consensus(annotate):
    # both dated by day only: no direction, so no copy; the shared wire credit makes them one source
    a = annotate("a", "Daily Harbinger", "2024-01-09", WIRE + "\n\nCopyright 2024 The Associated Press.")
    b = annotate("b", "Northwind Post", "2024-01-09", "HARLOW, Pa. (AP) — " + WIRE)
    c = annotate("c", "Capital Courier", "2024-01-09T09:00:00+00:00",
                 "Heavy snow fell across the north of the state on Monday, and forecasters expect more this week.")
    comparison = compare([a, b, c])
    for f in comparison.by_kind("consensus"):
        assert not {"a", "b"} <= set(f.articles), f.summary
    # the wire's sentences are not each outlet's exclusive twice
    excl = [f.evidence[0].text for f in comparison.by_kind("exclusive")]
    assert len(excl) == len(set(excl))

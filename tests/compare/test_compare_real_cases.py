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

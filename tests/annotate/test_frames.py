"""Frames: hedges, distancing attributions and loaded terms, and quoted speech left to its speaker."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.annotate.frames import LEXICON, FrameStage, find_frames
from parallax.model import FRAME_KINDS, Article, Quote, RawDocument
from parallax.pipeline import Stage

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples" / "seeds"


def seed_text(index: int, published: str) -> str:
    """Cleaned text of a seed: ``parallax.clean`` when it is available, else the known boilerplate cut by hand."""
    paths = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if len(paths) < 2:
        pytest.skip("../shared/samples/seeds is absent")
    path = paths[index]
    raw = path.read_text(encoding="utf-8")
    try:
        from parallax.clean import clean

        return clean(RawDocument(source=str(path), format="text", text=raw, published=published)).text
    except ImportError:  # fallback until the cleaner exists: strip the known boilerplate
        text = raw.split("A Message from The Moscow Times:")[0]
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.endswith("for TROIB News")]
        return "\n".join(lines[1:] if index == 1 else lines)


def found(text: str, **kw: object) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start : f.end]) for f in find_frames(text, **kw)]  # type: ignore[arg-type]


def test_frames_seed_troib_distancing_and_hedges() -> None:
    text = seed_text(1, "2025-03-13")
    frames = find_frames(text)
    got = {(f.kind, text[f.start : f.end]) for f in frames}
    assert ("distancing", "Western media have described as") in got
    assert ("hedge", "reportedly") in got
    assert ("hedge", "purportedly") in got
    western = next(f for f in frames if text[f.start : f.end] == "Western media have described as")
    assert western.cue and "loyalists of former Syrian President Bashar Assad" in western.cue


def test_frames_hedges_from_lexicon() -> None:
    text = "The group reportedly fled. It is believed that he is said to have left, unconfirmed reports say."
    assert found(text) == [
        ("hedge", "reportedly"),
        ("hedge", "It is believed"),
        ("hedge", "is said to"),
        ("hedge", "unconfirmed reports"),
    ]


def test_frames_plain_reporting_verb_is_not_a_hedge() -> None:
    assert found("The Observatory reported that 40 people died. Officials said so.") == []


def test_frames_distancing_attribution_spans_the_attribution_and_keeps_the_term() -> None:
    text = "Troops fought militias, what state media described as foreign mercenaries, near the coast."
    frames = find_frames(text)
    assert [(f.kind, text[f.start : f.end]) for f in frames] == [("distancing", "state media described as")]
    assert frames[0].cue == "described as: foreign mercenaries"


def test_frames_loaded_word_in_described_term_is_not_the_outlets() -> None:
    text = "Fighters, which officials have called terrorists, withdrew."
    assert found(text) == [("distancing", "officials have called")]


def test_frames_alleged_before_noun_is_distancing_but_not_the_verb_or_in_a_quote() -> None:
    text = '"The alleged attack was staged," he said. The alleged attack killed three. He alleged that it failed.'
    frames = find_frames(text)
    assert [(f.kind, text[f.start : f.end]) for f in frames] == [("distancing", "alleged")]
    assert frames[0].start == text.index("The alleged attack killed") + 4


def test_frames_so_called_inside_a_quote_counts_but_is_marked() -> None:
    text = 'He denounced "the so-called truce". The so-called truce held.'
    frames = find_frames(text)
    assert [(f.kind, f.cue) for f in frames] == [("distancing", "so-called (in quote)"), ("distancing", "so-called")]


def test_frames_loaded_terms_outside_quotes_only() -> None:
    text = "The regime shelled the town. “It was a massacre,” a resident said. A junta rules."
    assert found(text) == [("loaded", "regime"), ("loaded", "junta")]


def test_frames_quote_records_replace_quotation_marks_and_indirect_speech_is_the_outlets() -> None:
    text = "He said the regime lied and that thugs attacked."
    direct = Quote(start=text.index("the regime"), end=text.index(" and"), kind="partial")
    indirect = Quote(start=text.index("thugs"), end=len(text) - 1, kind="indirect")
    assert found(text, quotes=(direct, indirect)) == [("loaded", "thugs")]


def test_frames_lexicon_is_well_formed() -> None:
    assert LEXICON
    assert {kind for kind, _, _ in LEXICON} <= set(FRAME_KINDS)
    assert all(note for _, _, note in LEXICON)


def test_frames_stage_uses_quotes_when_present_and_skips_other_languages() -> None:
    stage = FrameStage()
    assert isinstance(stage, Stage)
    assert (stage.name, stage.requires, stage.provides) == ("frames", ("sentences",), ("frames",))
    text = "He said the regime fell, reportedly."
    article = Article(id="a", text=text, published="2025-03-11", outlet="X")
    assert [f.kind for f in stage(article).frames] == ["loaded", "hedge"]
    quoted = article.replace(
        quotes=(Quote(start=8, end=23, kind="partial"),), annotated=("sentences", "quotes")
    )
    assert [f.kind for f in stage(quoted).frames] == ["hedge"]
    fr = stage(article.replace(language="fr"))
    assert fr.frames == () and fr.notes == ("frames: skipped, language 'fr' is not supported",)


def test_frames_long_article_marks_every_cue() -> None:
    # speed is measured by bench/annotate.py, not asserted here (shared, noisy machines)
    para = (
        "The regime reportedly shelled the town, which Western media have described as a stronghold, "
        "and “so-called rebels” said the alleged attack killed at least 20 people on Monday. "
    )
    article = "\n\n".join([para * 4] * 6)  # ~700 words
    per_paragraph = len(find_frames(para))
    assert per_paragraph >= 3 and len(find_frames(article)) == 24 * per_paragraph


# ---- neutral uses, reported speech, one entry per cue (patterns read in real coverage, our own wording) ----


def test_frames_terrorist_as_adjective_of_a_descriptive_noun_is_not_loaded() -> None:
    assert found("Police found no links to international terrorist groups in Marlow.") == []
    assert found("Anti-terrorist prosecutors opened an inquiry into the Marlow terrorist attacks.") == []
    assert found("Counter-terrorist units sealed the port.") == []
    assert found("The terrorists fled across the border.") == [("loaded", "terrorists")]


def test_frames_jihadist_as_descriptor_of_a_group_is_not_loaded() -> None:
    assert found("Jihadist group Varn Front freed 21 hostages on Thursday.") == []
    assert found("The army promised a final assault on the jihadists.") == [("loaded", "jihadists")]


def test_frames_regime_meaning_a_system_of_rules_is_not_loaded() -> None:
    for text in ("The old tax regime let banks defer taxes.", "He will not end his contentious testing regime.",
                 "The eddies form when the water is in a chaotic flow regime.",
                 "Ostria said it had observed the sanctions regime."):
        assert found(text) == [], text
    assert found("Ostria cut off imports from the cash-starved regime.") == [("loaded", "regime")]
    assert found("Marlow's regime tested two rockets.") == [("loaded", "regime")]


def test_frames_so_called_introducing_a_term_is_not_distancing() -> None:
    for text in ('Ostria rejected the so-called "double-freeze" proposal.',
                 "Investors lost money in so-called initial coin offerings (ICOs) last year.",
                 "Hospitals activated the so-called White Plan on Friday.",
                 "These so-called exoplanets orbit other stars."):
        assert found(text) == [], text
    assert found("The so-called truce held for a week.") == [("distancing", "so-called")]


def test_frames_so_called_before_a_name_the_entities_stage_calls_a_thing_is_not_distancing() -> None:
    from parallax.model import Entity, Span

    text = "Fans blamed the so-called Red Hand for decades."
    start = text.index("Red Hand")
    curse = Entity(name="Red Hand", kind="other", mentions=(Span(start, start + 8),))
    group = Entity(name="Red Hand", kind="group", mentions=(Span(start, start + 8),))
    assert find_frames(text, entities=(curse,)) == []
    assert [f.cue for f in find_frames(text, entities=(group,))] == ["so-called"]


def test_frames_attribution_without_an_agent_is_a_name_not_distancing() -> None:
    assert found("The leaked files, which have been dubbed the Marlow Papers, name 12 ministers.") == []
    assert found("The rover photographed ridges, what are called draa, near the crater.") == []
    assert found("The fighters, whom critics have called mercenaries, withdrew.") == [("distancing", "critics have called")]


def test_frames_loaded_word_in_reported_speech_of_a_named_speaker_is_not_the_outlets() -> None:
    text = "But the North calls such annual drills a rehearsal for invasion and fires missiles."
    assert found(text) == []
    text = "Harbour minister Ana Pell said the thugs had been paid by the opposition."
    reported = Quote(start=text.index("the thugs"), end=len(text) - 1, kind="indirect", speaker="Ana Pell")
    assert found(text, quotes=(reported,)) == []
    unattributed = Quote(start=text.index("the thugs"), end=len(text) - 1, kind="indirect")
    assert found(text, quotes=(unattributed,)) == [("loaded", "thugs")]


def test_frames_characterising_verb_leaves_the_words_to_the_characteriser() -> None:
    text = "The app was singled out by the minister as a haven for criminals and terrorists."
    assert found(text) == []


def test_frames_cue_label_merges_the_inflections_of_one_entry() -> None:
    from parallax.annotate.frames import cue_label

    assert cue_label("terrorists") == cue_label("terrorist") == "terrorist"
    assert cue_label("massacred") == cue_label("massacres") == "massacre"
    assert cue_label("atrocities") == cue_label("atrocity") == "atrocity"
    assert cue_label("jihadists") == cue_label("Jihadist") == "jihadist"
    assert cue_label("was said to") == cue_label("are said to") == "is said to"
    assert cue_label("so-called (in quote)") == "so-called"

"""The cheap language detector: scripts and common-word profiles, None when unsure."""

from __future__ import annotations

import pytest

from parallax.clean.language import detect_language

SAMPLES = {
    "en": "The minister said on Monday that the government would not change its plans for the new bridge, "
    "which has been delayed by two years.",
    "de": "Der Minister sagte am Montag, dass die Regierung ihre Pläne für die neue Brücke nicht ändern werde, "
    "die sich um zwei Jahre verzögert hat.",
    "fr": "Le ministre a déclaré lundi que le gouvernement ne changerait pas ses plans pour le nouveau pont, "
    "qui a été retardé de deux ans.",
    "es": "El ministro dijo el lunes que el gobierno no cambiará sus planes para el nuevo puente, que se ha "
    "retrasado dos años por las lluvias.",
    "it": "Il ministro ha detto lunedì che il governo non cambierà i suoi piani per il nuovo ponte, che è "
    "stato rinviato di due anni per la pioggia.",
    "pt": "O ministro disse na segunda-feira que o governo não vai mudar os seus planos para a nova ponte, que "
    "foi adiada em dois anos pela chuva.",
    "nl": "De minister zei maandag dat de regering haar plannen voor de nieuwe brug niet zal veranderen, die "
    "met twee jaar is vertraagd door de regen.",
    "ru": "Министр заявил в понедельник, что правительство не будет менять свои планы по новому мосту, "
    "строительство которого было отложено на два года.",
    "ar": "قال الوزير يوم الاثنين إن الحكومة لن تغير خططها بشأن الجسر الجديد الذي تأخر بناؤه لمدة عامين",
    "zh": "部长周一表示，政府不会改变新桥的计划，该桥的建设已经推迟了两年，原因是连续的降雨和资金问题。",
    "ja": "大臣は月曜日に、政府は新しい橋の計画を変更しないと述べました。建設は二年間遅れています。",
    "ko": "장관은 월요일 정부가 새 다리에 대한 계획을 바꾸지 않을 것이라고 말했다. 건설은 2년 지연되었다.",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_language_detected(lang: str) -> None:
    assert detect_language(SAMPLES[lang]) == lang


@pytest.mark.parametrize(
    "text", ["", "OK", "12345 67890 !!!", "Jane Doe, John Roe, Anna Lee, Omar Khan, Li Wei"]
)
def test_language_unsure_returns_none(text: str) -> None:
    assert detect_language(text) is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Міністр заявив у понеділок, що уряд не змінюватиме свої плани щодо нового мосту через річку.",
            "uk",
        ),
        (
            "Министърът заяви в понеделник, че правителството няма да променя плановете си за новия мост.",
            "bg",
        ),
    ],
)
def test_language_cyrillic_told_apart_by_letters(text: str, lang: str) -> None:
    assert detect_language(text) == lang

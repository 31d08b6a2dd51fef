"""Synthetic news for benchmarks: realistic length, vocabulary and phenomena, any number of articles.

Articles are built from stories: each story has an event, places, officials and a casualty
source, and several outlets write about it over a few days with quotes, figures, dates,
hedges and the odd appeal or byline. Deterministic for a given seed.

    python bench/synth.py 10000 > /tmp/synth.jsonl
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from dataclasses import dataclass
from typing import Iterator

FIRST = ["Amara", "Lena", "Tomas", "Rafael", "Ines", "Yusuf", "Mei", "Oskar", "Leila", "Daniel", "Nadia", "Viktor",
         "Sofia", "Karim", "Hana", "Pavel", "Elena", "Marcus", "Aisha", "Jonas", "Clara", "Idris", "Maya", "Felix"]
LAST = ["Okafor", "Varga", "Lindqvist", "Moreno", "Haddad", "Novak", "Tanaka", "Brennan", "Osei", "Petrov",
        "Castillo", "Nguyen", "Schneider", "Mbeki", "Kowalski", "Farouk", "Duarte", "Sato", "Keller", "Ivanova"]
TITLES = ["Interior Minister", "Health Minister", "Mayor", "police spokesman", "regional governor",
          "President", "Defence Minister", "fire chief", "Prime Minister", "UN envoy"]
PLACES = ["Port Avel", "Kestrel Bay", "Marenburg", "Sola", "Tervik", "Ostrava Nova", "Calder", "Belmira",
          "Yarrow", "Dunmore", "Vasso", "Linden Falls", "Arcadia", "Nordhavn", "Ferrol Cove", "Kalinsk"]
COUNTRIES = ["Velmora", "Ostland", "Caridia", "Norvania", "Soltara", "Brenmark", "Aquila", "Tessaly"]
EVENTS = [("explosion at a chemical plant", "killed", "people"), ("flood", "died", "residents"),
          ("earthquake", "killed", "people"), ("ferry capsized", "drowned", "passengers"),
          ("wildfire", "destroyed", "homes"), ("clashes between security forces and militias", "killed", "civilians"),
          ("train derailment", "injured", "passengers"), ("strike by dock workers", "joined", "workers"),
          ("storm", "left without power", "households"), ("protests over fuel prices", "arrested", "protesters")]
MONITORS = ["Coastal Monitoring Group", "National Disaster Agency", "Red Crescent", "Observatory for Civil Rights",
            "health ministry", "Emergency Response Office", "International Rescue Committee"]
OUTLETS = ["The Harbor Ledger", "Daily Meridian", "Northwind Post", "Capital Wire", "The Evening Lantern",
           "Riverside Chronicle", "Global Dispatch", "Metro Sentinel", "The Tribune of Sola", "Atlas News"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FILLER = [
    "Residents described scenes of confusion as emergency crews arrived in the early hours.",
    "The authorities have promised a full investigation into the causes of the disaster.",
    "Local hospitals said they were struggling to cope with the number of patients.",
    "Opposition politicians criticised the government's response as slow and poorly coordinated.",
    "Aid organisations appealed for blankets, drinking water and medical supplies.",
    "Schools in the area remained closed while engineers inspected damaged buildings.",
    "Analysts said the incident would put pressure on the ruling coalition ahead of elections.",
    "Roads into the town were blocked by police checkpoints for most of the day.",
    "Neighbouring countries offered assistance, including rescue teams and field hospitals.",
    "The region has a long history of similar incidents, according to local historians.",
    "Insurance companies said it was too early to estimate the total cost of the damage.",
    "Volunteers set up kitchens in church halls and sports centres to feed displaced families.",
]
HEDGES = ["reportedly", "allegedly", "purportedly", "apparently"]


@dataclass(frozen=True)
class Story:
    event: str
    predicate: str
    unit: str
    place: str
    country: str
    official: str
    title: str
    monitor: str
    start: dt.date
    toll: int


def _story(rng: random.Random, day: dt.date) -> Story:
    event, predicate, unit = rng.choice(EVENTS)
    return Story(event, predicate, unit, rng.choice(PLACES), rng.choice(COUNTRIES),
                 f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(TITLES), rng.choice(MONITORS), day,
                 rng.randint(5, 400))


def article(rng: random.Random, story: Story, outlet: str, day_offset: int, n: int) -> dict[str, object]:
    published = story.start + dt.timedelta(days=day_offset)
    weekday = WEEKDAYS[(published - dt.timedelta(days=1)).weekday()]
    toll = story.toll + day_offset * rng.randint(0, 30)
    surname = story.official.split()[-1]
    paras = [
        f"{story.place.upper()}, {story.country} — At least {toll:,} {story.unit} were {story.predicate} after "
        f"the {story.event} in {story.place} on {weekday}, according to the {story.monitor}.",
        f"“We are doing everything we can to reach the people who are still missing,” {story.title} "
        f"{story.official} told reporters on {published:%B} {published.day}. “The next 48 hours are critical.”",
        f"{surname} said that rescue teams from three provinces had been sent to the area and that the army "
        f"would {rng.choice(['help', 'assist'])} with the evacuation of about {rng.randint(2, 90) * 100:,} residents.",
    ]
    for _ in range(rng.randint(10, 14)):  # ~600 words in all, as in real wire copy
        paras.append(" ".join(rng.sample(FILLER, 3)))
    if rng.random() < 0.5:
        paras.insert(3, f"Militia fighters {rng.choice(HEDGES)} fired on a convoy near {rng.choice(PLACES)}, "
                        f"in what state media described as an act of sabotage.")
    if rng.random() < 0.3:
        paras.append(f"The {story.monitor} said last week that {rng.randint(10, 90)}% of shelters were full.")
    if rng.random() < 0.15:
        paras.append(f"A Message from {outlet}: Dear readers, independent journalism needs your support. "
                     "Please donate today.\n\nRemind me later.")
    if rng.random() < 0.4:
        paras.append(f"{rng.choice(FIRST)} {rng.choice(LAST)} for {outlet}")
    return {
        "id": f"synth-{n:07d}",
        "url": f"https://{outlet.lower().replace(' ', '')}.example/{published:%Y/%m/%d}/{n}",
        "outlet": outlet,
        "published": published.isoformat(),
        "title": f"{story.event.capitalize()} in {story.place}: {toll} {story.unit} {story.predicate}",
        "text": "\n\n".join(paras),
        "story": f"{story.place}-{story.event}-{story.start}",
    }


def generate(count: int, seed: int = 7, stories_per_day: int = 40) -> Iterator[dict[str, object]]:
    """``count`` articles from stories of varying size (1–30 articles), in publication order."""
    rng = random.Random(seed)
    day = dt.date(2025, 1, 1)
    n = 0
    while n < count:
        batch = []
        for _ in range(stories_per_day):
            story = _story(rng, day)
            size = min(30, int(rng.paretovariate(1.2)))
            for _ in range(size):
                batch.append((rng.randint(0, 3), rng.choice(OUTLETS), story))
        batch.sort(key=lambda x: x[0])
        for offset, outlet, story in batch:
            if n >= count:
                return
            yield article(rng, story, outlet, offset, n)
            n += 1
        day += dt.timedelta(days=1)


if __name__ == "__main__":
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    for record in generate(total):
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")

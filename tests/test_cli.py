"""The command line: verbs, exit codes, data on stdout, messages on stderr, bad input named."""

from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ARTICLE = (
    "Rescue teams searched the rubble of the harbour district on Tuesday after the blast.\n\n"
    "“We are doing everything we can,” Interior Minister Lena Okafor told reporters.\n\n"
    "At least 23 people were killed, according to the Coastal Monitoring Group.\n"
)


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "parallax.cli", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "blast.txt").write_text("Harbour blast kills 23\n\n" + ARTICLE, encoding="utf-8")
    lines = [
        json.dumps({"id": "j1", "outlet": "Daily Meridian", "published": "2026-03-04", "title": "Toll rises",
                    "text": ARTICLE.replace("23", "41")}),
        '{"id": "broken", "text": "unterminated',
        json.dumps({"id": "j2", "outlet": "Northwind Post", "published": "2026-03-05", "title": "Toll rises again",
                    "text": ARTICLE.replace("23", "47")}),
    ]
    (corpus / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return corpus


def test_cli_help_works_for_every_verb():
    result = run("--help")
    assert result.returncode == 0
    for verb in ("ingest", "analyze", "cluster", "stories", "compare", "search", "serve", "demo"):
        assert verb in result.stdout
        sub = run(verb, "--help")
        assert sub.returncode == 0, sub.stderr
        assert "Usage: parallax " + verb in sub.stdout


def test_cli_unknown_option_is_a_usage_error_exit_2():
    result = run("ingest", "--no-such-option", "x")
    assert result.returncode == 2
    assert "No such option" in result.stderr


def test_cli_ingest_stores_good_articles_names_bad_inputs_and_exits_1(tmp_path):
    corpus = _corpus(tmp_path)
    db = tmp_path / "news.db"
    result = run("ingest", str(corpus), "--db", str(db))
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    err = result.stderr
    assert "empty.txt" in err and "image.txt" in err
    assert "feed.jsonl: line 2" in err
    assert "ingested 3, duplicates 0, revisions 0, failed 3" in err
    with sqlite3.connect(db) as con:
        ids = sorted(r[0] for r in con.execute("select id from articles"))
    assert ids == ["blast", "j1", "j2"]


def test_cli_ingest_twice_is_a_no_op_reported_as_duplicates(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "blast.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "news.db"
    assert run("ingest", str(corpus), "--db", str(db)).returncode == 0
    again = run("ingest", str(corpus), "--db", str(db))
    assert again.returncode == 0
    assert "ingested 0, duplicates 1" in again.stderr


def test_cli_analyze_writes_one_json_object_per_article_to_stdout(tmp_path):
    corpus = _corpus(tmp_path)
    result = run("analyze", str(corpus / "feed.jsonl"))
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["j1", "j2"]
    for r in records:
        assert r["text"].startswith("Rescue teams")
        for key in ("removed", "sentences", "entities", "quotes", "claims", "dates", "frames"):
            assert isinstance(r[key], list)
    assert "line 2" in result.stderr


def test_cli_analyze_reads_stdin_dash(tmp_path):
    result = run("analyze", "-", stdin=ARTICLE.encode())
    assert result.returncode == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert "Coastal Monitoring Group" in record["text"]


def test_cli_analyze_out_file(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("analyze", str(src), "--out", str(out))
    assert result.returncode == 0
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["id"] == "a"


def test_cli_missing_path_is_named_and_exit_1(tmp_path):
    result = run("analyze", str(tmp_path / "nope.txt"))
    assert result.returncode == 1
    assert "nope.txt" in result.stderr


def test_cli_search_finds_stored_article_and_survives_fts_syntax(tmp_path):
    corpus = _corpus(tmp_path)
    db = tmp_path / "news.db"
    run("ingest", str(corpus), "--db", str(db))
    hit = run("search", "Okafor", "--db", str(db), "--json")
    assert hit.returncode == 0, hit.stderr
    assert {json.loads(line)["id"] for line in hit.stdout.splitlines()} == {"blast", "j1", "j2"}
    for hostile in ['"unbalanced', "NEAR(", "' OR 1=1 --", "title:*", ")"]:
        r = run("search", hostile, "--db", str(db))
        assert r.returncode == 0, (hostile, r.stderr)


def test_cli_search_without_store_is_a_usage_error(tmp_path):
    result = run("search", "x", "--db", str(tmp_path / "none.db"))
    assert result.returncode == 2
    assert "parallax ingest" in result.stderr


def _dump(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as con:
        return con.execute(
            "select id, revision, content_hash, title, text, doc from articles order by rowid"
        ).fetchall()


@pytest.mark.slow
def test_cli_ingest_killed_with_sigkill_then_rerun_equals_clean_run(tmp_path):
    lines = []
    for i in range(600):
        lines.append(json.dumps({"id": f"a{i}", "outlet": f"Outlet {i % 7}", "published": "2026-03-04",
                                 "title": f"Story {i}", "text": ARTICLE.replace("23", str(i + 1)) * 3}))
    corpus = tmp_path / "big.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    clean_db, killed_db = tmp_path / "clean.db", tmp_path / "killed.db"
    assert run("ingest", str(corpus), "--db", str(clean_db), "--batch-size", "10").returncode == 0

    proc = subprocess.Popen(
        [sys.executable, "-m", "parallax.cli", "ingest", str(corpus), "--db", str(killed_db), "--batch-size", "10"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            with sqlite3.connect(killed_db, timeout=1) as con:
                stored = con.execute("select count(*) from articles").fetchone()[0]
        except sqlite3.Error:
            continue
        if stored >= 50:
            break
    assert proc.poll() is None, "ingest finished before it could be killed; make the corpus bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < stored < 600
    again = run("ingest", str(corpus), "--db", str(killed_db), "--batch-size", "10")
    assert again.returncode == 0, again.stderr
    assert _dump(killed_db) == _dump(clean_db)


def test_cli_cluster_writes_one_story_line_per_article_in_input_order(tmp_path):
    from parallax.samples import DEMO_EXPECTATIONS, demo_paths

    result = run("cluster", *[str(p) for p in demo_paths()])
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(set(r) == {"id", "story"} for r in rows)
    groups: dict[str, set[str]] = {}
    for r in rows:
        groups.setdefault(r["story"], set()).add(r["id"])
    want = {frozenset(spec["articles"]) for spec in DEMO_EXPECTATIONS["stories"].values()}
    assert {frozenset(g) for g in groups.values()} == want
    assert "12 articles in 2 stories" in result.stderr
    again = run("cluster", *[str(p) for p in demo_paths()], "--out", str(tmp_path / "s.jsonl"))
    assert again.stdout == "" and (tmp_path / "s.jsonl").read_text(encoding="utf-8") == result.stdout  # stable


def test_cli_cluster_names_bad_input_and_exits_1(tmp_path):
    corpus = _corpus(tmp_path)
    result = run("cluster", str(corpus))
    assert result.returncode == 1
    assert {json.loads(line)["id"] for line in result.stdout.splitlines()} == {"blast", "j1", "j2"}
    assert "image.txt" in result.stderr and "empty.txt" in result.stderr


def test_cli_stories_lists_the_stored_stories_largest_first(tmp_path):
    from parallax.samples import demo_paths

    db = tmp_path / "d.db"
    assert run("ingest", *[str(p) for p in demo_paths()], "--db", str(db)).returncode == 0
    result = run("stories", "--db", str(db), "--json")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["size"] for r in rows] == [10, 2]
    assert {"story", "size", "outlets", "first", "last", "top_entities", "label"} <= set(rows[0])
    assert "Halvik Chemicals" in rows[0]["top_entities"]
    table = run("stories", "--db", str(db), "--limit", "1")
    assert rows[0]["story"] in table.stdout and rows[1]["story"] not in table.stdout
    missing = run("stories", "--db", str(tmp_path / "none.db"))
    assert missing.returncode == 2 and "parallax ingest" in missing.stderr


def test_cli_demo_prints_the_story_comparison_and_writes_its_html_report(tmp_path):
    result = run("demo", "--db", str(tmp_path / "demo.db"), "--html", str(tmp_path / "demo.html"), "--no-overview")
    assert result.returncode == 0, result.stderr
    assert "Stories" in result.stdout and "Comparison of story" in result.stdout
    for heading in ("agree on", "conflict", "update"):
        assert heading in result.stdout.lower()
    html = (tmp_path / "demo.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html and "Port Alvane" in html
    assert "wrote the HTML report" in result.stderr


def test_cli_cluster_with_workers_gives_the_stories_of_one_process(tmp_path):
    # enough articles for the clusterer to send their words to another process (at least 128)
    events = [
        ("Kessa river floods Brindlemoor", "The river Kessa flooded Brindlemoor and the ferry to Lusk stopped."),
        ("Ilse Morrow leads the Oskova chess open", "Ilse Morrow beat Petr Halloway in round {n} at Oskova."),
        ("Harl Vessing bribery trial in Sallow", "Harl Vessing, mayor of Quenby, heard witness {n} in Sallow."),
    ]
    lines = []
    for n in range(150):
        title, text = events[n % 3]
        lines.append(json.dumps({"id": f"a{n}", "title": title, "text": text.format(n=n) + f" Report {n}.",
                                 "outlet": f"Outlet {n % 7}", "published": f"2031-05-{1 + n // 10:02d}T08:00:00Z"}))
    corpus = tmp_path / "events.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one = run("cluster", str(corpus), "--no-annotate")
    two = run("cluster", str(corpus), "--no-annotate", "--workers", "2")
    assert one.returncode == two.returncode == 0, two.stderr
    assert two.stdout == one.stdout
    assert len({json.loads(line)["story"] for line in one.stdout.splitlines()}) == 3

"""The ``parallax`` command: a thin shell over :mod:`parallax.api`.

Data goes to stdout, progress and messages to stderr. Exit codes: 0 all good; 1 some
inputs failed (each named on stderr, the rest processed and kept); 2 usage error.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Callable, TextIO

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from . import api
from .config import Settings
from .errors import ConfigError, ParallaxError
from .model import Article, IngestFailure

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _settings(**options: Any) -> Settings:
    given = {k: v for k, v in options.items() if v is not None}
    try:
        return Settings(**given)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None


def _input_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by every verb that reads inputs."""
    fn = click.option(
        "--workers",
        type=int,
        default=None,
        help="Worker processes for cleaning and annotation (default 1: in process).",
    )(fn)
    fn = click.option(
        "--spark-master",
        default=None,
        help="Spark master URL with --backend spark (default local[N] for --workers N, else local[*]).",
    )(fn)
    fn = click.option(
        "--backend",
        type=click.Choice(["local", "spark"]),
        default=None,
        help="Where cleaning and annotation run: local (default) or spark (needs the spark extra and Java).",
    )(fn)
    fn = click.option(
        "--max-article-bytes",
        type=int,
        default=None,
        help="Largest single article accepted, in bytes (default 16 MiB).",
    )(fn)
    fn = click.option(
        "--no-annotate", is_flag=True, default=False, help="Stop after cleaning: no annotation stages."
    )(fn)
    fn = click.option(
        "--progress/--no-progress",
        default=None,
        help="Show a progress bar on stderr (default: when stderr is a terminal).",
    )(fn)
    return fn


def _report_failure(console: Console, failure: IngestFailure) -> None:
    console.print(f"[red]error:[/red] {failure}", markup=True, highlight=False)


class _Progress:
    """A rich progress display on stderr that counts articles and failures as they pass."""

    def __init__(self, enabled: bool | None, console: Console, label: str) -> None:
        self.enabled = console.is_terminal if enabled is None else enabled
        self.console = console
        self.articles = 0
        self.failures = 0
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(bar_width=None),
            TextColumn("{task.fields[counts]}"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            disable=not self.enabled,
        )
        self._task = self._progress.add_task(label, total=None, counts="")

    def __enter__(self) -> "_Progress":
        self._progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.__exit__(*exc)  # type: ignore[arg-type]

    def __call__(self, item: Article | IngestFailure) -> None:
        if isinstance(item, IngestFailure):
            self.failures += 1
            self._progress.console.print(f"[red]error:[/red] {item}", highlight=False)
        else:
            self.articles += 1
        self._progress.update(self._task, counts=f"{self.articles} articles, {self.failures} failed")


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(package_name="parallax", prog_name="parallax")
def cli() -> None:
    """Parallax triangulates the news: it reads articles about the same events from many outlets and
    shows, claim by claim, where they agree, disagree, copy and frame.

    Inputs (PATH) may be files, folders (read recursively), glob patterns or - for stdin, in any of:
    plain text, HTML, JSON Lines (optionally .gz), RSS/Atom feeds and WARC archives (optionally .gz).
    The format is sniffed from the content.
    """


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default="parallax.db", show_default=True, help="SQLite file of the store.")
@click.option("--batch-size", type=int, default=None, help="Articles per store transaction (default 200).")
@_input_options
def ingest(
    paths: tuple[str, ...],
    db: str,
    batch_size: int | None,
    workers: int | None,
    backend: str | None,
    spark_master: str | None,
    max_article_bytes: int | None,
    no_annotate: bool,
    progress: bool | None,
) -> None:
    """Read, clean, annotate and store articles from PATH... in the database.

    Re-ingesting the same article is a no-op (content hash), so an interrupted run can simply be run
    again. A corrected version of an article (same id, new content) is stored as a new revision.
    Prints a summary (ingested / duplicates / revisions / failed) on stderr; exit code 1 if any
    input failed (each is named on stderr; every good article is stored).
    """
    settings = _settings(
        db=db,
        batch_size=batch_size,
        workers=workers,
        max_article_bytes=max_article_bytes,
        backend=backend,
        spark_master=spark_master,
    )
    console = _stderr()
    with _Progress(progress, console, f"ingesting into {db}") as bar:
        report = api.ingest(paths, settings=settings, annotate=not no_annotate, on_item=bar)
    console.print(report.summary(), highlight=False)
    sys.exit(EXIT_OK if report.ok else EXIT_FAILED)


def _open_out(out: str | None) -> TextIO:
    if out is None or out == "-":
        return sys.stdout
    return open(out, "w", encoding="utf-8")


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "-o", default=None, help="Write JSON Lines here instead of stdout.")
@_input_options
def analyze(
    paths: tuple[str, ...],
    out: str | None,
    workers: int | None,
    backend: str | None,
    spark_master: str | None,
    max_article_bytes: int | None,
    no_annotate: bool,
    progress: bool | None,
) -> None:
    """Clean and annotate articles from PATH... and write one JSON object per article (no database).

    Each line holds the cleaned text, what cleaning removed (appeals, prompts, teasers, bylines),
    the metadata and every annotation as [start, end) character offsets into the cleaned text.
    """
    settings = _settings(
        workers=workers, max_article_bytes=max_article_bytes, backend=backend, spark_master=spark_master
    )
    console = _stderr()
    failed = 0
    stream = _open_out(out)
    try:
        with _Progress(progress, console, "analyzing") as bar:
            for item in api.analyze(paths, settings=settings, annotate=not no_annotate):
                bar(item)
                if isinstance(item, IngestFailure):
                    failed += 1
                    continue
                stream.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if stream is not sys.stdout:
            stream.close()
    if failed:
        console.print(f"{bar.articles} articles, {failed} failed", highlight=False)
    sys.exit(EXIT_FAILED if failed else EXIT_OK)


@cli.command(name="cluster", context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "-o", default=None, help="Write JSON Lines here instead of stdout.")
@click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Least similarity for an article to join a story (default 0.12); lower merges more.",
)
@_input_options
def cluster_cmd(
    paths: tuple[str, ...],
    out: str | None,
    threshold: float | None,
    workers: int | None,
    backend: str | None,
    spark_master: str | None,
    max_article_bytes: int | None,
    no_annotate: bool,
    progress: bool | None,
) -> None:
    """Group the articles under PATH... into stories (no database) and write one line per article:
    {"id": ..., "story": ...}, in input order.

    Articles are clustered online in publication order, by title, lead, body and named entities with
    a time decay; story ids are stable for a given input. --no-annotate skips entity recognition
    (faster, slightly less accurate). With --workers N, N-1 other processes also read the articles'
    words while this one clusters (the same stories, faster).
    """
    from .cluster import StoryClusterer

    settings = _settings(
        workers=workers, max_article_bytes=max_article_bytes, backend=backend, spark_master=spark_master
    )
    console = _stderr()
    failed = 0
    articles: list[Article] = []
    pipeline = None if no_annotate else api.clustering_pipeline()
    with _Progress(progress, console, "reading") as bar:
        for item in api.analyze(paths, settings=settings, pipeline=pipeline, annotate=not no_annotate):
            bar(item)
            if isinstance(item, IngestFailure):
                failed += 1
            else:  # keep what clustering reads; spans and what cleaning removed are not needed
                articles.append(item.replace(sentences=(), removed=()))
    params: dict[str, Any] = {"workers": settings.workers}  # its words are read by the same processes
    if threshold is not None:
        params["threshold"] = threshold
    with StoryClusterer(**params) as clusterer:
        pairs = api.cluster(articles, clusterer=clusterer)
    stream = _open_out(out)
    try:
        for article_id, story in pairs:
            stream.write(json.dumps({"id": article_id, "story": story}, ensure_ascii=False) + "\n")
    finally:
        if stream is not sys.stdout:
            stream.close()
    console.print(
        f"{len(pairs)} articles in {len(set(s for _, s in pairs))} stories"
        + (f", {failed} failed" if failed else ""),
        highlight=False,
    )
    sys.exit(EXIT_FAILED if failed else EXIT_OK)


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.option("--db", default="parallax.db", show_default=True, help="SQLite file of the store.")
@click.option("--limit", type=int, default=None, help="Show only the largest N stories.")
@click.option(
    "--min-size", type=click.IntRange(1), default=1, show_default=True, help="Smallest story shown."
)
@click.option("--json", "as_json", is_flag=True, default=False, help="One JSON object per story.")
def stories(db: str, limit: int | None, min_size: int, as_json: bool) -> None:
    """List the stories of the store, largest first: size, outlets, time span, top entities and a
    readable label. Compare one with: parallax compare STORY --db FILE.
    """
    if not Path(db).exists():
        raise click.UsageError(f"no store at {db}; create one with: parallax ingest PATH... --db {db}")
    found = [s for s in api.stories(db=db) if s.size >= min_size]
    if limit is not None:
        found = found[: max(limit, 0)]
    if as_json:
        for summary in found:
            click.echo(json.dumps(summary.to_dict(), ensure_ascii=False))
        return
    from .render.stories import render_stories

    out = Console(highlight=False)
    if not out.is_terminal:
        out = Console(highlight=False, width=130)
    render_stories(found, out)
    _stderr().print(f"{len(found)} stories", highlight=False)


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("query")
@click.option("--db", default="parallax.db", show_default=True, help="SQLite file of the store.")
@click.option("--limit", type=int, default=20, show_default=True, help="Most hits to show.")
@click.option(
    "--raw", is_flag=True, default=False, help="Pass FTS5 query syntax through (AND, OR, NEAR, prefix*)."
)
@click.option("--json", "as_json", is_flag=True, default=False, help="One JSON object per hit.")
def search(query: str, db: str, limit: int, raw: bool, as_json: bool) -> None:
    """Full-text search of the stored articles (titles and bodies), best matches first.

    QUERY is read as plain words (all must occur) unless --raw is given.
    """
    if not Path(db).exists():
        raise click.UsageError(f"no store at {db}; create one with: parallax ingest PATH... --db {db}")
    hits = api.search(query, db=db, limit=limit, raw=raw)
    if as_json:
        for hit in hits:
            click.echo(json.dumps(_hit_dict(hit), ensure_ascii=False))
        return
    out = Console(highlight=False, soft_wrap=True)
    for hit in hits:
        out.print(
            f"[bold]{hit.title or hit.id}[/bold]  [dim]{hit.outlet or ''} {hit.published or ''} {hit.id}[/dim]"
        )
        out.print(f"  {hit.snippet}", markup=False)
    _stderr().print(f"{len(hits)} hit(s)", highlight=False)


def _hit_dict(hit: Any) -> dict[str, Any]:
    return {
        "id": hit.id,
        "title": hit.title,
        "outlet": hit.outlet,
        "published": hit.published,
        "snippet": hit.snippet,
        "score": hit.score,
    }


FORMATS = ("text", "md", "html", "json")


def write_comparison(comparison: Any, articles: list[Article], fmt: str, out: str | None) -> None:
    """Render ``comparison`` as ``fmt`` to ``out`` (a file) or stdout."""
    if fmt == "text":
        from .render.text import render_text

        if out is None or out == "-":
            render_text(comparison, Console(highlight=False, soft_wrap=False))
        else:
            with open(out, "w", encoding="utf-8") as fh:
                render_text(comparison, Console(file=fh, highlight=False, width=120, force_terminal=False))
        return
    if fmt == "md":
        from .render.markdown import render_markdown

        text = render_markdown(comparison, articles)
    elif fmt == "html":
        from .render.html import render_html

        text = render_html(comparison, articles)
    else:
        from .render.json import render_json

        text = render_json(comparison)
    if out is None or out == "-":
        click.echo(text)
    else:
        Path(out).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("targets", nargs=-1, required=True, metavar="STORY | PATH...")
@click.option("--db", default="parallax.db", show_default=True, help="Store to read STORY from.")
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Report format."
)
@click.option("--out", "-o", default=None, help="Write the report here instead of stdout.")
@_input_options
def compare(
    targets: tuple[str, ...],
    db: str,
    fmt: str,
    out: str | None,
    workers: int | None,
    backend: str | None,
    spark_master: str | None,
    max_article_bytes: int | None,
    no_annotate: bool,
    progress: bool | None,
) -> None:
    """Compare one story across outlets: consensus, conflicts, updates, exclusives, copied text and
    framing, with evidence and a timeline.

    Give a STORY id from the store (see parallax stories), or PATH... of articles to treat as one
    story without a database. Formats: text (terminal), md, html (standalone, with charts), json.
    """
    console = _stderr()
    failed = 0
    one = targets[0]
    if len(targets) == 1 and one != "-" and not Path(one).exists() and not any(c in one for c in "*?["):
        if not Path(db).exists():
            raise click.UsageError(f"{one} is neither a file nor a folder, and there is no store at {db}")
        articles = api.story_articles(one, db=db)
        story = one
    else:
        settings = _settings(
            workers=workers, max_article_bytes=max_article_bytes, backend=backend, spark_master=spark_master
        )
        articles = []
        with _Progress(progress, console, "analyzing") as bar:
            for item in api.analyze(targets, settings=settings, annotate=not no_annotate):
                bar(item)
                if isinstance(item, IngestFailure):
                    failed += 1
                else:
                    articles.append(item)
        story = None
    comparison = api.compare(articles, story=story)
    write_comparison(comparison, articles, fmt, out)
    if out:
        console.print(f"wrote {fmt} report of {len(articles)} articles to {out}", highlight=False)
    sys.exit(EXIT_FAILED if failed else EXIT_OK)


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.option("--db", default="parallax.db", show_default=True, help="Store file to browse.")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. 127.0.0.1 serves this machine only; 0.0.0.0 exposes the store to your network.",
)
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on."
)
def serve(db: str, host: str, port: int) -> None:
    """Browse the stories of a store in the browser (read-only): stories, comparisons, articles side by
    side, search, and a JSON API under /api/. Listens on 127.0.0.1 only, unless --host says otherwise.

    Needs the web extra: pip install 'parallax[web]'.
    """
    from .errors import MissingExtraError

    try:
        import uvicorn
    except ImportError as exc:
        raise MissingExtraError("web", "uvicorn", "parallax serve") from exc
    from .web import create_app

    app = create_app(db)
    _stderr().print(f"Serving {db} at http://{host}:{port} (Ctrl+C stops)", highlight=False)
    uvicorn.run(app, host=host, port=port, lifespan="off", ws="none", log_level="warning")


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.option(
    "--db",
    default="parallax-demo.db",
    show_default=True,
    help="SQLite file the demo corpus is stored in (re-running the demo is a no-op for the store).",
)
@click.option(
    "--html",
    "html_out",
    default="parallax-demo.html",
    show_default=True,
    help="Where to write the HTML report of the demo story ('' for none).",
)
@click.option(
    "--overview/--no-overview", default=True, show_default=True, help="Print the table of articles first."
)
@click.option(
    "--details",
    is_flag=True,
    default=False,
    help="Also print every figure, quote and frame found, per article.",
)
def demo(db: str, html_out: str, overview: bool, details: bool) -> None:
    """Ingest the bundled demo corpus (one fictional event, seven outlets, mixed formats, plus an
    unrelated story), list the stories it forms, print the comparison of the largest one and write
    its HTML report."""
    from .render.html import render_html
    from .render.overview import render_overview
    from .render.stories import render_stories
    from .render.text import render_text
    from .samples import demo_paths

    console = _stderr()
    paths = [str(p) for p in demo_paths()]
    report = api.ingest(paths, db=db)
    for failure in report.failures:
        _report_failure(console, failure)
    console.print(report.summary(), highlight=False)
    out = Console(highlight=False)
    if not out.is_terminal:  # piped or captured: wide enough that the tables stay readable
        out = Console(highlight=False, width=130)
    found = api.stories(db=db)
    with api.open_store(db, readonly=True) as store:
        if overview:
            render_overview(list(store.articles()), out, details=details)
        render_stories(found, out)
        if not found:
            sys.exit(EXIT_FAILED)
        story = found[0].id
        articles = list(store.articles(story=story))
    comparison = api.compare(articles, story=story)
    out.rule(f"Comparison of story {story}: {found[0].label}")
    render_text(comparison, out)
    if html_out:
        Path(html_out).write_text(render_html(comparison, articles), encoding="utf-8")
        console.print(f"wrote the HTML report of story {story} to {html_out}", highlight=False)
    console.print(f"next: parallax serve --db {db}   (browse it at http://127.0.0.1:8000)", highlight=False)
    sys.exit(EXIT_OK if report.ok else EXIT_FAILED)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``parallax`` console script: translates errors into messages and exit codes."""
    try:
        cli.main(args=argv, prog_name="parallax", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.UsageError as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_FAILED)
    except click.Abort:
        _stderr().print("aborted", highlight=False)
        sys.exit(EXIT_FAILED)
    except ConfigError as exc:
        _stderr().print(f"parallax: usage error: {exc}", highlight=False)
        sys.exit(EXIT_USAGE)
    except ParallaxError as exc:
        _stderr().print(f"parallax: error: {exc}", highlight=False, markup=False)
        sys.exit(EXIT_FAILED)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()

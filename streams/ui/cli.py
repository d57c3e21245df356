"""The ``liveblog`` command line (click): parse, analyze, broker, topics, replay, worker, demo, schemas."""

from __future__ import annotations

import asyncio
import sys
from datetime import date
from pathlib import Path

import click

from streams.settings import Settings

broker_option = click.option(
    "--broker", envvar="LIVEBLOG_BROKER", default=None, help="kafka://HOST:PORT (default: $LIVEBLOG_BROKER or kafka://127.0.0.1:9092)."
)


def _documents(ctx: click.Context, param: click.Parameter, paths: tuple[Path, ...]) -> tuple[Path, ...]:
    from streams.ingest import documents_in

    documents = tuple(documents_in(paths))
    if paths and not documents:
        raise click.BadParameter(f"no document in {', '.join(map(str, paths))}", ctx, param)
    return documents


# Documents, or folders of them; a manifest.toml among them is read as the manifest, not as a document.
paths_argument = click.argument("paths", nargs=-1, required=True, callback=_documents,
                                type=click.Path(exists=True, path_type=Path))
date_option = click.option("--date", "doc_date", type=click.DateTime(["%Y-%m-%d"]), default=None,
                           help="Date of a document the manifest does not list (YYYY-MM-DD).")
tz_option = click.option("--tz", default=None, help="Time zone of the document's times (IANA name or GMT, BST, CET, ET ...).")
source_option = click.option("--source", default=None, help="Source name of a document the manifest does not list.")


def load_settings(**overrides: object) -> Settings:
    """The settings from the environment with CLI overrides, checked (security included)."""
    from streams.worker.security import check

    try:
        settings = Settings(**{k: v for k, v in overrides.items() if v is not None})
        check(settings)
        return settings
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None


def read_entries(paths: tuple[Path, ...], doc_date: object, tz: str | None, source: str | None):
    from streams.ingest import ParseError, parse_paths

    day = doc_date.date() if doc_date is not None else None  # type: ignore[attr-defined]
    try:
        return parse_paths(list(paths), date=day, tz=tz, source=source)
    except ParseError as exc:
        raise click.ClickException(str(exc)) from None


@click.group()
@click.version_option(package_name="liveblog-streams")
def main() -> None:
    """Live-blog stream processor: replay live blogs onto Kafka and turn them into clean streams."""


@main.command()
@paths_argument
@date_option
@tz_option
@source_option
@click.option("--explain", is_flag=True,
              help="Instead of JSON, show per entry the line and the reader that took it, and the lines that "
                   "looked like stamps but were not taken, with why.")
def parse(paths: tuple[Path, ...], doc_date: date | None, tz: str | None, source: str | None, explain: bool) -> None:
    """Print the entries of PATHS as JSON Lines, in event-time order."""
    if explain:
        from streams.ingest import ParseError, read_file
        from streams.ui.explain import explain_reading

        day = doc_date.date() if doc_date is not None else None  # type: ignore[attr-defined]
        for path in paths:
            try:
                reading = read_file(path, date=day, tz=tz, source=source)
            except ParseError as exc:
                raise click.ClickException(str(exc)) from None
            click.echo("\n".join(explain_reading(path, reading)))
        return
    out = sys.stdout.buffer
    for entry in read_entries(paths, doc_date, tz, source):
        out.write(entry.to_json() + b"\n")


@main.command()
@paths_argument
@date_option
@tz_option
@source_option
@click.option("--emit", type=click.Choice(["entries", "unique", "events", "tolls", "windows", "rolling", "alerts"]),
              default="windows",
              show_default=True, help="Which topic's records to print.")
@click.option("--one-after-another", is_flag=True,
              help="Replay each file on its own, in the order given (as separate `liveblog replay` commands).")
@click.option("--jobs", type=click.IntRange(min=0), default=None,
              help="Processes that classify entries beside the one that folds them (default: "
                   "$LIVEBLOG_ANALYZE_JOBS or 0, one per CPU; 1: one process).")
def analyze(paths: tuple[Path, ...], doc_date: date | None, tz: str | None, source: str | None, emit: str,
            one_after_another: bool, jobs: int | None) -> None:
    """Run the pipeline in-process (no broker) and print what the worker would publish."""
    from streams.analyze import analyze_replays

    settings = load_settings(analyze_jobs=jobs)
    groups = [(path,) for path in paths] if one_after_another else [paths]
    replays = [read_entries(group, doc_date, tz, source) for group in groups]
    out = sys.stdout.buffer
    if sys.stderr.isatty() and not sys.stdout.isatty():  # a bar would garble records on the terminal
        from rich.console import Console

        from streams.ui.console import analyze_with_progress
        records = analyze_with_progress(replays, settings, emit=emit, console=Console(stderr=True))
    else:
        records = analyze_replays(replays, settings, emit=emit)
    try:
        for record in records:
            out.write(record.to_json() + b"\n")
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    finally:
        records.close()  # on Ctrl-C too: stops analyze's pool now, not when the generator is collected


@main.command()
@click.option("--port", type=int, default=9092, show_default=True, help="Port on 127.0.0.1 (0 = any free port).")
def broker(port: int) -> None:
    """Run the embedded Kafka-protocol broker (tansu, in memory) until Ctrl-C."""
    from streams.worker.broker import BrokerError, EmbeddedBroker

    embedded = EmbeddedBroker(port or None)
    try:
        embedded.start()
    except BrokerError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"broker ready: {embedded.url}  (export LIVEBLOG_BROKER={embedded.url})")
    sys.stdout.flush()
    try:
        _wait_for_signal(embedded)
    finally:
        embedded.stop()
        click.echo("broker stopped")


def _wait_for_signal(embedded: object) -> None:
    import signal
    import threading

    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    while not stop.wait(0.5):
        if not embedded.running():  # type: ignore[attr-defined]
            raise click.ClickException("embedded broker exited unexpectedly")


@main.group()
def topics() -> None:
    """Manage the contract topics."""


@topics.command("create")
@broker_option
def topics_create(broker: str | None) -> None:
    """Create every contract topic with the configured partitions (idempotent)."""
    from streams.worker.topics import create_topics

    settings = load_settings(broker=broker)
    result = _run(create_topics(settings), settings)
    for name, status in result.items():
        click.echo(f"{status:8} {name}")


@main.command()
@paths_argument
@date_option
@tz_option
@source_option
@broker_option
@click.option("--speed", type=float, default=60.0, show_default=True,
              help="Replay speed: 1 = real time, 60 = one minute per second, 0 = as fast as possible.")
@click.option("--max-wait", type=float, default=None, help="Cap on any single wall-clock pause, in seconds.")
def replay(paths: tuple[Path, ...], doc_date: date | None, tz: str | None, source: str | None,
           broker: str | None, speed: float, max_wait: float | None) -> None:
    """Publish the entries of PATHS onto liveblog.entries in event-time order."""
    from streams.ui.console import replay_with_progress
    from streams.worker.topics import create_topics

    if speed < 0:
        raise click.BadParameter("speed must be >= 0", param_hint="--speed")
    settings = load_settings(broker=broker)
    entries = read_entries(paths, doc_date, tz, source)
    _run(create_topics(settings), settings)
    stats = replay_with_progress(entries, settings, speed=speed, max_wait=max_wait)
    click.echo(f"replayed {stats.entries} entries, {stats.heartbeats} heartbeats, final watermark "
               f"in {stats.seconds:.1f}s to {settings.broker}")


@main.command()
@click.argument("target")
@date_option
@tz_option
@source_option
@click.option("--interval", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
              help="Seconds between two reads of the page.")
@click.option("--state", "state_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="File of the entry ids already published (default: under the data directory, one per page).")
@broker_option
def follow(target: str, doc_date: object, tz: str | None, source: str | None, interval: float,
           state_path: Path | None, broker: str | None) -> None:
    """Poll a live page or feed (URL or FILE) and publish its new or revised entries to liveblog.entries."""
    from streams.ingest import ParseError
    from streams.replay.follow import SentIds, default_state, follow as run_follow, meta_for

    settings = load_settings(broker=broker)
    day = doc_date.date() if doc_date is not None else None  # type: ignore[attr-defined]
    try:
        meta = meta_for(target, date=day, tz=tz, source=source)
        state = SentIds.load(state_path or default_state(target, settings.data_dir))
    except (ValueError, OSError, ParseError) as exc:
        raise click.ClickException(str(exc)) from None
    from streams.worker.topics import create_topics

    _run(create_topics(settings), settings)
    click.echo(f"following {target} every {interval:g} s; {len(state.ids)} entries already published "
               f"({state.path}); Ctrl-C to stop", err=True)
    try:
        _run(run_follow(target, settings, meta=meta, interval_s=interval, state=state,
                        report=lambda line: click.echo(line, err=True)), settings)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)


@main.command()
@broker_option
@click.option("--web-port", type=int, default=None, help="Port of the worker's web server.")
@click.option("--data-dir", type=click.Path(path_type=Path), default=None, help="State directory.")
@click.option("--loglevel", default=None, help="Log level (default: $LIVEBLOG_LOG_LEVEL or WARNING).")
def worker(broker: str | None, web_port: int | None, data_dir: Path | None, loglevel: str | None) -> None:
    """Run the Faust worker (at-least-once) until Ctrl-C."""
    from streams.worker.runner import run_worker

    run_worker(load_settings(broker=broker, web_port=web_port, data_dir=data_dir, log_level=loglevel))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@broker_option
@click.option("--speed", type=float, default=3600.0, show_default=True, help="Replay speed (see replay).")
@click.option("--max-wait", type=float, default=2.0, show_default=True, help="Cap on any single wall-clock pause, in seconds.")
@click.option("--exit", "exit_at_end", is_flag=True, help="Stop everything after the summary, without waiting for Enter.")
def demo(paths: tuple[Path, ...], broker: str | None, speed: float, max_wait: float, exit_at_end: bool) -> None:
    """Broker + topics + worker + replay of the samples, with hourly windows shown live, then a summary
    of tolls, hours and alerts; the dashboard stays up until Enter."""
    from streams.ui.demo import run_demo

    sys.exit(run_demo(list(paths), broker=broker, speed=speed, max_wait=max_wait, exit_at_end=exit_at_end))


@main.command()
@click.option("--entries", type=click.IntRange(min=1), required=True, help="How many entries the corpus parses to.")
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same bytes.")
@click.option("--out", type=click.Path(path_type=Path), default=Path("corpus"), show_default=True,
              help="Empty directory to write the documents and their manifest.toml into.")
def synth(entries: int, seed: int, out: Path) -> None:
    """Write a deterministic synthetic corpus of live blogs and articles (benchmarks, tests)."""
    from streams.tools.synth import write_corpus

    try:
        summary = write_corpus(out, entries=entries, seed=seed)
    except FileExistsError as exc:
        raise click.ClickException(str(exc)) from None
    formats = ", ".join(f"{name} {count}" for name, count in sorted(summary.formats.items()))
    click.echo(f"wrote {summary.entries} entries in {summary.documents} documents to {out} "
               f"({summary.days} days, {summary.outlets} outlets, {summary.copies} copies, "
               f"{summary.revisions} revised items; formats: {formats})")


@main.command()
@click.argument("topic", type=click.Choice(["liveblog.entries", "liveblog.entries.unique", "liveblog.events",
                                            "liveblog.tolls", "liveblog.windows.hourly", "liveblog.windows.rolling",
                                            "liveblog.alerts", "liveblog.deadletter"]))
@broker_option
@click.option("--from-beginning", is_flag=True, help="Every record, not the last 20 per partition (tolls, windows "
                                                      "and alerts are always read whole: they are compacted).")
@click.option("--follow", "-f", is_flag=True, help="Keep printing records as they come, one line each (Ctrl-C to stop).")
@click.option("--json", "as_json", is_flag=True, help="Print the values as JSON Lines, as they are on the topic.")
def tail(topic: str, broker: str | None, from_beginning: bool, follow: bool, as_json: bool) -> None:
    """Print a topic readably: tolls and alerts as tables, windows as rows, events as lines."""
    from aiokafka.errors import KafkaError

    from streams.ui.tail import run_tail
    from streams.ui.topic_reader import TopicsMissing

    settings = load_settings(broker=broker)
    try:
        run_tail(settings, topic, from_beginning=from_beginning, follow=follow, as_json=as_json)
    except TopicsMissing as exc:
        raise click.ClickException(str(exc)) from None
    except (KafkaError, OSError) as exc:
        raise click.ClickException(f"cannot reach the broker at {settings.broker}: {exc!r}") from None


@main.command()
@broker_option
def watch(broker: str | None) -> None:
    """Live terminal view: hourly windows, tolls, latest events, throughput and lag (Ctrl-C to stop)."""
    from streams.ui.watch import run_watch

    settings = load_settings(broker=broker)
    _run_sync(run_watch, settings)


@main.group()
def alerts() -> None:
    """Alerts raised into liveblog.alerts."""


@alerts.command("forward")
@broker_option
@click.option("--alertmanager", default=None, metavar="URL",
              help="An Alertmanager (e.g. http://127.0.0.1:9093): alerts go to its API v2, firing ones re-sent "
                   "every --resend-interval until they resolve.")
@click.option("--webhook", default=None, metavar="URL",
              help="A receiver of Alertmanager's webhook payload (Grafana OnCall, chat adapters): each change once.")
@click.option("--resend-interval", type=click.FloatRange(min=1), default=60.0, show_default=True,
              help="Seconds between re-sends of the firing alerts to Alertmanager; keep it under its resolve_timeout.")
@click.option("--group-id", default="liveblog-alerts-forwarder", show_default=True, help="Consumer group.")
@click.option("--receiver", default="liveblog", show_default=True, help="Receiver name in the webhook payload.")
@click.option("--external-url", default="", help="The dashboard's address, linked from every alert.")
def alerts_forward(broker: str | None, alertmanager: str | None, webhook: str | None, resend_interval: float,
                   group_id: str, receiver: str, external_url: str) -> None:
    """Send liveblog.alerts to an Alertmanager and/or a webhook; commit only after a 2xx, retry with backoff."""
    from streams.ui.forwarder import AlertmanagerReceiver, WebhookReceiver, run_forwarder

    if not alertmanager and not webhook:
        raise click.UsageError("give --alertmanager URL, --webhook URL, or both")
    receivers = ([AlertmanagerReceiver(alertmanager, external_url)] if alertmanager else []) + (
        [WebhookReceiver(webhook, receiver, external_url)] if webhook else [])
    settings = load_settings(broker=broker)
    stats = _run_sync(run_forwarder, settings, receivers, group_id=group_id, resend_interval=resend_interval)
    click.echo(f"delivered {stats.delivered} alerts in {stats.batches} batches, re-sent {stats.resent} firing; "
               f"{stats.failures} failed attempts retried")


@main.command()
@click.option("--quick", is_flag=True, help="Small sizes; finishes in under 3 minutes.")
@click.option("--out", type=click.Path(path_type=Path), default=Path("bench-results.json"), show_default=True,
              help="Where to write the JSON results.")
@click.option("--entries", type=click.IntRange(min=10), default=None, help="Corpus size of the throughput runs.")
@click.option("--rss-entries", type=click.IntRange(min=10), default=None, help="Replay size of the RSS run.")
@click.option("--latency-seconds", type=click.FloatRange(min=1), default=None,
              help="Seconds of the live-rate latency run, instead of the preset's.")
@click.option("--partitions", type=int, default=None, help="Partitions of the keyed topics (default 4).")
def bench(quick: bool, out: Path, entries: int | None, rss_entries: int | None, latency_seconds: float | None,
          partitions: int | None) -> None:
    """Throughput, latency and memory of the pipeline on embedded brokers, against a raw baseline."""
    from dataclasses import replace

    from streams.tools.bench import FULL, QUICK, run_bench

    sizes = {k: v for k, v in {"pipeline_entries": entries, "rss_entries": rss_entries,
                               "latency_seconds": latency_seconds}.items() if v}
    result = run_bench(quick=quick, out=out, config=replace(QUICK if quick else FULL, **sizes), partitions=partitions)
    click.echo(result.last_line())


@main.command("eval")
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default="all", show_default=True,
              help="Which pages to score: dev (rules are written on it), test (never tuned on), or both.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON instead of tables.")
@click.option("--by-rule", is_flag=True, help="Also show each extraction rule's hits, false claims and trap hits.")
@click.option("-v", "--verbose", is_flag=True, help="List every missed or invented entry and claim.")
@click.option("--check", is_flag=True, help="Exit 1 when a figure is below its floor in the corpus's floors.toml.")
@click.option("--corpus", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Corpus folder (default: the bundled data/corpus).")
def eval_command(split: str, as_json: bool, by_rule: bool, verbose: bool, check: bool, corpus: Path | None) -> None:
    """Score reading and extraction against the hand-labelled corpus of real pages."""
    import orjson
    from rich.console import Console

    from streams.evaluate import LabelError
    from streams.evaluate.corpus import DEFAULT_CORPUS
    from streams.evaluate.render import as_json as to_json, check_floors, print_report
    from streams.evaluate.run import run_eval

    root = corpus or DEFAULT_CORPUS
    try:
        result = run_eval(root, split)
    except LabelError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        sys.stdout.buffer.write(orjson.dumps(to_json(result), option=orjson.OPT_INDENT_2) + b"\n")
    else:
        print_report(Console(width=None if sys.stdout.isatty() else 160), result, verbose=verbose, by_rule=by_rule)
    if check and (broken := check_floors(result.figures(), root / "floors.toml")):
        for line in broken:
            click.echo(line, err=True)
        raise SystemExit(1)


@main.group()
def schemas() -> None:
    """JSON Schema files of the topic values."""


@schemas.command("export")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Directory (default: schemas/json).")
def schemas_export(out: Path | None) -> None:
    """Write one JSON Schema file per topic value model."""
    from schemas.export import export_schemas

    for path in export_schemas(out):
        click.echo(str(path))


def _run_sync(function, settings: Settings, *args, **kwargs):
    from aiokafka.errors import KafkaError

    try:
        return function(settings, *args, **kwargs)
    except (KafkaError, OSError) as exc:
        raise click.ClickException(f"cannot reach the broker at {settings.broker}: {exc!r}") from None


def _run(coro, settings: Settings):
    from aiokafka.errors import KafkaError

    try:
        return asyncio.run(coro)
    except (KafkaError, OSError) as exc:
        raise click.ClickException(f"cannot reach the broker at {settings.broker}: {exc!r}") from None

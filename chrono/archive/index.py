"""`chrono index`: the driver. It streams the inputs, skips what the store holds, sends batches to workers.

Workers analyse and write their own parts (chrono.archive.worker); the driver keeps only the content hashes seen
and a bounded number of batches in flight, so its memory does not grow with the corpus. With one worker and no
scheduler everything runs in this process; otherwise on a Dask LocalCluster of worker processes or on an
existing cluster (``scheduler="tcp://host:8786"``), whose workers must see the store's path.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Any

from chrono.archive.digests import DigestIndex
from chrono.archive.sources import Columns, Failure, Item, iter_inputs, read_files, read_here
from chrono.archive.store import CompactionJob, Store, batch_name, run_in_threads
from chrono.archive.worker import MAX_CHARS, BatchResult, error_row, index_batch, pack, run_packed
from chrono.errors import ChronoInputError

DEFAULT_BATCH = 256  # documents per task: fewer, larger parts
FILES_PER_READ = 32  # files a worker reads in one task: about a second of saved HTML pages; fewer are read here
SINGLE_TRIES = 2  # a document alone on which workers died this many times is recorded as an error


@dataclass
class IndexReport:
    """What one run did; ``failed`` counts documents and inputs that went to the errors table in this run."""

    documents: int = 0
    skipped: int = 0
    events: int = 0
    failed: int = 0
    seconds: float = 0.0
    workers: int = 1
    bytes_read: int = 0
    bytes_total: int = 0
    compacted: int = 0  # batches merged into one part per table and year at the end
    batch_cpu: float = 0.0  # CPU seconds the batches took where they ran (workers, or here with one worker)
    driver_cpu: float = 0.0  # CPU seconds of this process (reading, scheduling; with one worker all of it)
    started: float = field(default_factory=time.monotonic)
    cpu_started: float = field(default_factory=time.process_time)


Listener = Callable[[IndexReport], None]

# Dask settings of the LocalCluster that chrono starts. One batch per worker at a time (Dask's default sends a
# second ahead): a worker that dies then takes down only the batch that killed it, never a healthy one queued
# behind it. No dashboard is served, so the workers' stack sampler (every 10 ms) profiles for no one, and their
# event loops need not wake 60 times a second to watch themselves: together these took 4-5 % of a worker's CPU
# beside the analysis, and slowed the analysis thread itself as it handed the GIL over.
_LOCAL_CLUSTER = {
    "distributed.scheduler.worker-saturation": 1.0,
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",  # only warns of a blocked event loop
    "distributed.admin.system-monitor.interval": "5s",  # the dashboard's CPU and network plots
    "distributed.worker.memory.monitor-interval": "500ms",  # still catches a runaway document early
}
# For the whole run, on any cluster: Dask's developer logs keep each stream's last 1,000 messages under 1 MB, and
# a batch's message holds its documents, so the driver (its client, and a local scheduler) kept the batches long
# done, up to 1,000 a stream: 0.6-0.9 KB a document of t17-dev's
_QUIET_LOGS = {"distributed.admin.low-level-log-length": 0}


@dataclass(frozen=True)
class Settings:
    domain: str = "news"
    batch_size: int = DEFAULT_BATCH
    max_chars: int = MAX_CHARS
    columns: Columns = Columns()
    locale: str | None = None  # the day/month order of documents that name no locale of their own ("en_GB")


def index(inputs: list[str], store_root: str, *, workers: int | None = None, scheduler: str | None = None,
          settings: Settings = Settings(), listener: Listener | None = None) -> IndexReport:
    """Index ``inputs`` into the store at ``store_root`` (created if new); resumes and adds incrementally."""
    store = Store(store_root, create=True)
    store.remove_uncommitted()
    seen = DigestIndex(store.done_hashes())  # stored or failed before: never analysed twice
    known_errors = DigestIndex(store.error_keys())
    report = IndexReport(bytes_total=sum(_size(path) for path in inputs))
    notify = listener or (lambda _report: None)
    with _runner(str(store.root), workers, scheduler, settings) as runner:
        batch: list[Item] = []
        failures: list[dict[str, Any]] = []
        for entry in _with_sizes(iter_inputs(inputs, settings.columns, runner.read_files), report):
            if isinstance(entry, Failure):
                row = error_row(None, None, entry.source, entry.record, entry.reason, "")
                if known_errors.add(row["key"]):  # not recorded before
                    failures.append(row)
                    report.failed += 1
                if len(failures) >= settings.batch_size:
                    _commit_failures(store, failures)
                continue
            if not seen.add(entry.digest):  # stored before, or met earlier in this run
                report.skipped += 1
                continue
            batch.append(entry)
            if len(batch) >= settings.batch_size:
                runner.submit(batch)
                batch = []
                _record(runner.collect(block=False), report, notify)
            notify(report)
        if batch:
            runner.submit(batch)
        _commit_failures(store, failures)
        _record(runner.collect(block=True), report, notify)
        for items in runner.lost:  # documents on which a worker died again and again
            rows = [error_row(item.digest, item.document.id, item.source, item.record,
                              "a worker process died analysing it", "") for item in items]
            _commit_failures(store, rows, hashes=[item.digest for item in items])
            report.failed += len(rows)
        report.workers = runner.workers
        report.compacted = store.compact(runner.run_jobs)  # on the workers while they are up
    report.seconds = time.monotonic() - report.started
    report.driver_cpu = time.process_time() - report.cpu_started
    notify(report)
    return report


def _record(results: list[BatchResult], report: IndexReport, notify: Listener) -> None:
    for result in results:
        report.documents += result.documents
        report.events += result.events
        report.failed += result.errors
        report.batch_cpu += result.cpu
    if results:
        notify(report)


def _commit_failures(store: Store, rows: list[dict[str, Any]], hashes: list[str] | None = None) -> None:
    """Commit error rows found by the driver as a batch of their own (named by their keys); empties ``rows``."""
    if not rows:
        return
    batch = "errors-" + batch_name(row["key"] for row in rows)
    committed = [{**row, "batch": batch} for row in rows]
    manifest = [{"hash": digest, "batch": batch, "status": "error"} for digest in hashes or []]
    store.write_batch(batch, {"errors": committed, "manifest": manifest})
    rows.clear()


def _size(path: str) -> int:
    try:
        if os.path.isdir(path):
            return sum(entry.stat().st_size for entry in os.scandir(path) if entry.is_file()) + sum(
                _size(entry.path) for entry in os.scandir(path) if entry.is_dir() and not entry.name.startswith("."))
        return os.path.getsize(path)
    except OSError:
        return 0


def _with_sizes(entries: Iterator[Item | Failure], report: IndexReport) -> Iterator[Item | Failure]:
    """Count the bytes of each input file once it has been read through (the progress bar's time left)."""
    current: str | None = None
    for entry in entries:
        if entry.source != current:
            if current is not None:
                report.bytes_read += _size(current)
            current = entry.source
        yield entry
    if current is not None:
        report.bytes_read += _size(current)


class _InProcess:
    """One worker: batches run here, one after another."""

    workers = 1

    def __init__(self, store_root: str, settings: Settings) -> None:
        self.store_root, self.settings = store_root, settings
        self.done: list[BatchResult] = []
        self.lost: list[list[Item]] = []

    read_files = staticmethod(read_here)

    def submit(self, items: list[Item]) -> None:
        self.done.append(index_batch(self.store_root, items, **_batch_options(self.settings)))

    def collect(self, *, block: bool) -> list[BatchResult]:
        done, self.done = self.done, []
        return done

    @staticmethod
    def run_jobs(jobs: list[CompactionJob]) -> None:
        run_in_threads(jobs)

    def __enter__(self) -> _InProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


class _Dask:
    """Batches as Dask tasks, at most a few per worker in flight; a batch whose worker died is redone by the
    scheduler, and one that keeps killing workers is split until the document that does it stands alone."""

    def __init__(self, store_root: str, settings: Settings, workers: int | None, scheduler: str | None,
                 task: Callable[..., BatchResult] = index_batch,
                 reader: Callable[[list[str]], list[Item | Failure]] = read_files) -> None:
        self.store_root, self.settings, self.task, self.reader = store_root, settings, task, reader
        self.requested, self.scheduler = workers or os.cpu_count() or 1, scheduler
        self.workers = 1 if scheduler else self.requested
        self.client: Any = None
        self.cluster: Any = None
        self.in_flight: dict[Any, tuple[list[Item], int]] = {}  # future -> its documents, the tries they had
        self.lost: list[list[Item]] = []
        self._finished: list[BatchResult] = []
        self._config = ExitStack()  # _QUIET_LOGS while the client (and the local cluster) live

    def _start(self) -> None:
        """Start (or join) the cluster on the first batch: a run with nothing new starts no process."""
        import dask
        from distributed import Client, LocalCluster

        self._config.enter_context(dask.config.set(_QUIET_LOGS))  # read as each stream opens, workers' too
        if self.scheduler:
            try:
                self.client = Client(self.scheduler, timeout="30s")
            except OSError as exc:
                raise ChronoInputError(f"--scheduler {self.scheduler}: cannot connect ({exc})") from None
        else:
            with dask.config.set(_LOCAL_CLUSTER):
                self.cluster = LocalCluster(n_workers=self.requested, threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def submit(self, items: list[Item], tries: int = 0) -> None:
        if self.client is None:
            self._start()
        while len(self.in_flight) >= 2 * self.workers + 1:  # enough to keep every worker busy, no more
            self._settle(self.collect_one())
        key = f"chrono-index-{batch_name(item.digest for item in items)}-{uuid.uuid4().hex[:8]}"  # a try each
        future = self.client.submit(run_packed, self.task, self.store_root, pack(items),
                                    **_batch_options(self.settings), key=key)
        self.in_flight[future] = (items, tries)

    def read_files(self, paths: list[str]) -> Iterator[Item | Failure]:
        """Files read on the workers, FILES_PER_READ a task and a task ahead for each worker, their documents
        handed back in order: the driver keeps only hashing and sending (it parsed every saved page itself, at
        three times the cost of their analysis). A group whose worker died is split until the file stands alone."""
        if len(paths) < FILES_PER_READ:
            yield from read_here(paths)
            return
        if self.client is None:
            self._start()
        groups = deque(paths[start:start + FILES_PER_READ] for start in range(0, len(paths), FILES_PER_READ))
        reading: deque[tuple[list[str], Any]] = deque()
        while groups or reading:
            while groups and len(reading) <= self.workers:
                group = groups.popleft()
                reading.append((group, self._submit_read(group)))
            group, future = reading.popleft()
            yield from self._read_result(group, future)

    def _read_result(self, paths: list[str], future: Any) -> Iterator[Item | Failure]:
        from distributed import KilledWorker

        try:
            yield from future.result()
        except KilledWorker:
            if len(paths) == 1:
                yield Failure(paths[0], 0, f"{paths[0]}: a worker process died reading it")
                return
            for half in (paths[:len(paths) // 2], paths[len(paths) // 2:]):
                yield from self._read_result(half, self._submit_read(half))

    def _submit_read(self, paths: list[str]) -> Any:
        return self.client.submit(self.reader, paths, key=f"chrono-read-{uuid.uuid4().hex}")  # a try each

    def collect_one(self) -> list[Any]:
        from distributed import wait

        done, _ = wait(list(self.in_flight), return_when="FIRST_COMPLETED")
        return list(done)

    def _settle(self, futures: list[Any]) -> None:
        from distributed import KilledWorker

        for future in futures:
            items, tries = self.in_flight.pop(future)
            try:
                self._finished.append(future.result())
            except KilledWorker:
                # a batch queued on the worker that died fails with the culprit's: a document alone gets
                # SINGLE_TRIES chances before it counts as the one that kills workers
                if len(items) > 1:
                    half = len(items) // 2
                    self.submit(items[:half])
                    self.submit(items[half:])
                elif tries + 1 < SINGLE_TRIES:
                    self.submit(items, tries + 1)
                else:
                    self.lost.append(items)

    def collect(self, *, block: bool) -> list[BatchResult]:
        if block:
            while self.in_flight:
                self._settle(self.collect_one())
        else:
            self._settle([future for future in self.in_flight if future.done()])
        done, self._finished = self._finished, []
        return done

    def run_jobs(self, jobs: list[CompactionJob]) -> None:
        """The compaction's jobs as tasks, a table a worker (processes: they copy side by side, where threads
        here shared one core's worth of the GIL). A job that fails there (its worker died) is redone here."""
        if self.client is None:  # nothing was indexed: no cluster to start for it
            run_in_threads(jobs)
            return
        futures = [self.client.submit(job, key=f"chrono-compact-{job.folder.name}-{uuid.uuid4().hex[:8]}")
                   for job in jobs]
        for job, future in zip(jobs, futures, strict=True):
            try:
                future.result()
            except Exception:  # noqa: BLE001 - the same job again in this process: it writes the same file
                job()

    def __enter__(self) -> _Dask:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        self._config.close()


def _batch_options(settings: Settings) -> dict[str, Any]:
    return {"domain": settings.domain, "max_chars": settings.max_chars, "locale": settings.locale}


def _runner(store_root: str, workers: int | None, scheduler: str | None, settings: Settings) -> _InProcess | _Dask:
    if scheduler is None and workers == 1:
        return _InProcess(store_root, settings)
    return _Dask(store_root, settings, workers, scheduler)

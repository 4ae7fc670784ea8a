"""Shared helpers for the benchmarks: the machine, the bank, the build, a byte-counting server.

Benchmarks are not tests: they print figures and PASS/MISS beside each target and always
exit 0 (unless they could not run at all).
"""

from __future__ import annotations

import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scorecard.bank_source.load import load_bank  # noqa: E402
from scorecard.sitegen.serve import SiteHandler, make_server  # noqa: E402

REAL_QUESTIONS = ROOT / "questions"
MINI_QUESTIONS = ROOT / "tests" / "fixtures" / "mini" / "questions"
STORAGE_KEY = "scorecard.assessment.v1"  # site/assets/js/store.js

try:  # one source of truth for how the project launches Debian's chromium
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
except Exception:  # pragma: no cover - the tests package moved or pytest is missing
    CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
    CHROMIUM_ARGS = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ]


# --------------------------------------------------------------------------- the machine


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def chromium_version() -> str:
    """`chromium --version` (Debian's wrapper prints shell noise on stderr; ignore it)."""
    try:
        out = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
        return out.splitlines()[0] if out else "unknown"
    except (OSError, subprocess.SubprocessError):
        return "not installed"


def machine_lines(chromium: str | None = None) -> list[str]:
    try:
        nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    except OSError:
        nproc = str(os.cpu_count())
    try:
        mem = next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
        mem_gib = f"{int(mem.split()[1]) / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        mem_gib = "unknown"
    lines = [
        f"machine : nproc={nproc}, CPU={cpu_model()}, RAM={mem_gib}",
        f"python  : {platform.python_implementation()} {platform.python_version()} ({sys.executable})",
    ]
    if chromium is not None:
        lines.append(f"chromium: {chromium}")
    try:
        load = os.getloadavg()
        busy = (
            "  (BUSY: other work is running, figures will be noisy)" if load[0] > 0.75 * (os.cpu_count() or 1) else ""
        )
        lines.append(f"load    : {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (1/5/15-min load average at start){busy}")
    except OSError:
        pass
    lines.append(f"date    : {time.strftime('%Y-%m-%d %H:%M:%S %Z')}")
    return lines


def load_line() -> str:
    """The 1, 5 and 15-minute load averages now, for a figure's line ("unknown" where the system has none)."""
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def print_header(title: str, chromium: str | None = None) -> None:
    print("=" * 78)
    print(title)
    print("=" * 78)
    for line in machine_lines(chromium):
        print(line)


# --------------------------------------------------------------------------- the bank


@dataclass
class BankChoice:
    questions: Path
    label: str
    note: str = ""

    @property
    def guidance(self) -> Path:
        return self.questions.parent / "guidance"


def choose_bank(explicit: str | None) -> BankChoice:
    """--questions DIR if given; else the real bank if it validates; else the mini fixture."""
    if explicit:
        path = Path(explicit).resolve()
        return BankChoice(path, f"{path} (given with --questions)")
    compiled, problems = load_bank(REAL_QUESTIONS)
    if not problems and compiled:
        count = sum(len(t["questions"]) for t in compiled["themes"])
        return BankChoice(
            REAL_QUESTIONS, f"questions/ (real bank: {len(compiled['themes'])} themes, {count} questions)"
        )
    return BankChoice(
        MINI_QUESTIONS,
        "tests/fixtures/mini/questions (FALLBACK)",
        f"NOTE: the real bank (questions/) does not validate yet ({len(problems)} problem(s), e.g. "
        f"{problems[0] if problems else 'no bank compiled'}); measuring the mini fixture bank instead. "
        "Figures that scale with the bank (bulk scoring, page size) will change with the real bank.",
    )


def add_questions_option(parser) -> None:
    parser.add_argument(
        "--questions",
        metavar="DIR",
        help="question bank folder (default: questions/ if it validates, else the mini test bank)",
    )


def add_slow_visit_options(parser) -> None:
    """The options of the benchmarks that visit the built site over a slowed network (slow_network.py,
    slow_laptop.py): the network's speed, which site, the council type stored before the visit, the port, the
    raw figures' file and the question bank."""
    parser.add_argument("--mbit", type=float, default=10.0, help="throughput in Mbit/s, both ways (default 10)")
    parser.add_argument("--latency", type=float, default=40.0, help="added latency in ms (default 40)")
    parser.add_argument("--no-build", action="store_true", help="serve the benchmarks' last build as it is")
    parser.add_argument("--site", metavar="DIR", help="serve this built site folder (implies --no-build)")
    parser.add_argument("--council-type", default="unitary", help="council type stored before the visit")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default 0: any free port)")
    parser.add_argument("--json", metavar="FILE", help="also write the raw figures as JSON")
    add_questions_option(parser)


def announce_bank(explicit: str | None) -> BankChoice:
    """Choose the bank (see choose_bank) and print which one, after the machine header."""
    choice = choose_bank(explicit)
    if choice.note:
        print(choice.note)
    print(bank_summary(choice))
    return choice


def bank_summary(choice: BankChoice) -> str:
    compiled, problems = load_bank(choice.questions, choice.guidance)
    if problems or not compiled:
        return f"bank    : {choice.label}: {len(problems)} problem(s)"
    count = sum(len(t["questions"]) for t in compiled["themes"])
    return (
        f"bank    : {choice.label}; version {compiled['bank_version']}, {len(compiled['themes'])} themes, "
        f"{count} questions"
    )


# --------------------------------------------------------------------------- statistics


def median(values):
    return statistics.median(values) if values else float("nan")


def percentile(values, p: float):
    """Nearest-rank percentile (p in 0-100)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-p * len(ordered) // 100))))
    return ordered[rank - 1]


def verdict(value: float, target: float) -> str:
    return "PASS" if value == value and value <= target else "MISS"  # NaN is a miss


def human_bytes(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if abs(n) < 1024 or unit == "GiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.2f} {unit}"
        n /= 1024
    return f"{n}"


# --------------------------------------------------------------------------- serving


@dataclass
class Hit:
    """One response the server sent: path, status, header and body bytes, and when."""

    path: str
    status: int
    header_bytes: int
    body_bytes: int
    at: float

    @property
    def total(self) -> int:
        return self.header_bytes + self.body_bytes


class _CountingWriter:
    def __init__(self, raw, handler):
        self._raw = raw
        self._handler = handler

    def write(self, data):
        written = self._raw.write(data)
        self._handler._bench_sent += len(data) if written is None else written
        return written

    def __getattr__(self, name):
        return getattr(self._raw, name)


class CountingHandler(SiteHandler):
    """scorecard.sitegen.serve.SiteHandler, counting the bytes written for each response."""

    hits: list[Hit]  # set on the class by serve_site
    lock: threading.Lock

    def setup(self) -> None:
        super().setup()
        self._bench_sent = 0
        self._bench_header_end = None
        self.wfile = _CountingWriter(self.wfile, self)

    def end_headers(self) -> None:
        super().end_headers()
        self._bench_header_end = self._bench_sent

    def send_response(self, code, message=None) -> None:
        self._bench_status = code
        super().send_response(code, message)

    def handle_one_request(self) -> None:
        start = self._bench_sent
        self._bench_header_end = None
        self._bench_status = 0
        super().handle_one_request()
        if getattr(self, "path", None) and self._bench_status:
            header_end = self._bench_header_end if self._bench_header_end is not None else self._bench_sent
            hit = Hit(
                self.path.split("?", 1)[0],
                self._bench_status,
                header_end - start,
                self._bench_sent - header_end,
                time.monotonic(),
            )
            with self.lock:
                self.hits.append(hit)


@dataclass
class Served:
    base_url: str
    server: object
    thread: threading.Thread
    hits: list[Hit] = field(default_factory=list)

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    def mark(self) -> int:
        return len(self.hits)

    def since(self, mark: int) -> list[Hit]:
        return list(self.hits[mark:])

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def serve_site(site: Path, port: int = 0) -> Served:
    """scorecard.sitegen.serve.make_server on 127.0.0.1, port 0, in a thread, counting bytes per response."""
    import functools

    server = make_server(site, host="127.0.0.1", port=port, verbose=False)
    hits: list[Hit] = []
    handler = type("BenchHandler", (CountingHandler,), {"hits": hits, "lock": threading.Lock()})
    server.RequestHandlerClass = functools.partial(handler, directory=str(site))
    # A browser context closed mid-download resets its connections: not worth a traceback.
    server.handle_error = lambda request, client_address: None
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return Served(f"http://127.0.0.1:{server.server_address[1]}/", server, thread, hits)


# --------------------------------------------------------------------------- sample data


def seeded_assessment(bank, council_type: str | None = None, seed: int = 20261101, answer_rate: float = 0.85) -> dict:
    """A random assessment (scorecard.testing) where the first two themes already have a score."""
    from scorecard.engine import load_assessment, score_assessment
    from scorecard.testing import random_assessment

    for offset in range(1000):
        rng = random.Random(seed + offset)
        data = random_assessment(bank, rng, council_type=council_type, answer_rate=answer_rate)
        result = score_assessment(bank, load_assessment(data, bank))
        if all(t["score"] is not None for t in result["themes"][:2]):
            return data
    raise RuntimeError("no seed gives a scored first and second theme")


# --------------------------------------------------------------------------- the built site

BENCH_OUT = ROOT / "_build" / "bench"  # the benchmarks' own build: _build/site may be in use (scorecard serve)


def sitemap_port(site: Path) -> int | None:
    """The port a site was built for (Material's instant navigation needs it to match)."""
    import re
    from urllib.parse import urlsplit

    try:
        loc = re.search(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    except OSError:
        return None
    if not loc:
        return None
    url = urlsplit(loc.group(1))
    return url.port or (443 if url.scheme == "https" else 80)


def serve_and_build(questions: str | None, no_build: bool, site_dir: str | None, port: int = 0):
    """Serve (and unless told not to, first build) the site the browser benchmarks load.

    The server starts first so the build knows its address: Material's instant navigation
    only works when the site_url's port matches. Returns (served, site, site_note, notes).
    Raises SystemExit with a message when there is nothing to serve.
    """
    notes: list[str] = []
    if site_dir or no_build:
        site = Path(site_dir).resolve() if site_dir else BENCH_OUT / "site"
        if not (site / "assets" / "bank.json").exists():
            raise SystemExit(f"error: no built site in {site}: run without --no-build")
        built_port = sitemap_port(site)
        try:
            served = serve_site(site, port or built_port or 0)
        except OSError:
            served = serve_site(site, 0)
        if built_port and served.port != built_port:
            notes.append(
                f"WARNING: this build is for port {built_port} (its sitemap.xml) but is served on "
                f"{served.port}: Material's instant navigation will fall back to full page loads."
            )
        return served, site, f"site    : {site} (reused{'' if site_dir else ' with --no-build'})", notes

    from scorecard.sitegen.build import Layout, build_site

    choice = choose_bank(questions)
    if choice.note:
        notes.append(choice.note)
    site = BENCH_OUT / "site"
    site.mkdir(parents=True, exist_ok=True)
    served = serve_site(site, port)
    started = time.perf_counter()
    try:
        build_site(
            Layout(questions=choice.questions, guidance=choice.guidance, out=BENCH_OUT),
            log=lambda *_: None,
            site_url=served.base_url,
        )
    except BaseException:
        served.close()
        raise
    note = (
        f"site    : {site} (built for {served.base_url} from {choice.label} in {time.perf_counter() - started:.1f} s)"
    )
    return served, site, note, notes

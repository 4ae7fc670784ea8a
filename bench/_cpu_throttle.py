"""A slower CPU for the browser benchmarks: the page's main thread and its workers' threads.

DevTools' CPU throttling (CDP `Emulation.setCPUThrottlingRate`) slows only a page's main thread: a
thread in the renderer interrupts it and makes it sleep, so it runs about 1/rate of the time. In
this Chromium (156) a dedicated worker is not slowed by the page's setting, and a worker target
refuses the command ("Operation is only supported for pages, not workers"). The scoring engine
runs in a module worker, so a benchmark of a slow laptop must slow the worker too.

`WorkerThrottle` does it with the kernel's CPU bandwidth control (cgroup v1, the `cpu` controller):
each worker thread of this process's own Chromium (a thread named `DedicatedWorker` in a renderer
process descended from this one) is moved, as soon as it is seen (polled every 5 ms; under load it
can take a tenth of a second), into a cgroup of its own allowed `period / rate` of CPU time every
`period` (2.5 ms in 10 ms for rate 4): like the main thread under CDP, it runs at most 1/rate of the time. Background threads (V8's
WebAssembly compilation, the garbage collector's helpers), the browser process and the network
service run at full speed, as they do under DevTools' own throttling: a laptop 4x slower in every
thread would be slower still. It needs root and a writable cgroup v1 `cpu` hierarchy; where there
is none, `start()` returns the reason and the benchmark says its workers ran unthrottled.

`cpu_check` measures what the throttle does: a busy loop timed on a page's main thread and in a
module worker, with and without it.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

CGROUP_CPU = Path("/sys/fs/cgroup/cpu")
WORKER_THREAD = "DedicatedWorker"  # the kernel's 15-character thread name of Blink's "DedicatedWorker thread"
PERIOD_US = 10_000  # a short period: a throttled thread waits at most 7.5 ms at a time, not 75 ms


def throttle_page(context, page, rate: float) -> None:
    """CDP CPU throttling of a page's main thread (before it navigates)."""
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": rate})


def _children(pid: int) -> list[int]:
    """The processes pid started, from each of its threads' `children` file."""
    found = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for tid in tasks:
        try:
            found.extend(map(int, Path(f"/proc/{pid}/task/{tid}/children").read_text().split()))
        except OSError:
            continue
    return found


def _descendants(root: int) -> list[tuple[int, int]]:
    """(parent, pid) of every process descended from root."""
    found, todo = [], [root]
    while todo:
        parent = todo.pop()
        for child in _children(parent):
            found.append((parent, child))
            todo.append(child)
    return found


def _is_renderer(pid: int) -> bool:
    try:
        return b"--type=renderer" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


class WorkerThrottle:
    """Slow every worker thread of this process's Chromium to 1/rate of a core (see the module's text)."""

    def __init__(self, rate: float, poll_s: float = 0.005) -> None:
        self.rate = rate
        self.poll_s = poll_s
        self.group = CGROUP_CPU / f"scorecard-bench-{os.getpid()}"
        self.throttled: set[int] = set()
        self._seen: set[tuple[int, int]] = set()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._enabled = True

    def start(self) -> str:
        """Start watching; returns "" when it can throttle, else why it cannot."""
        if self.rate <= 1:
            return "rate 1: nothing to throttle"
        if not (CGROUP_CPU / "cpu.cfs_quota_us").exists():
            return f"no cgroup v1 cpu controller at {CGROUP_CPU}"
        try:
            self.group.mkdir(exist_ok=True)
        except OSError as error:
            return f"cannot create {self.group}: {error.strerror}"
        self._thread = threading.Thread(target=self._watch, name="worker-throttle", daemon=True)
        self._thread.start()
        return ""

    def pause(self, paused: bool) -> None:
        """Stop (or resume) moving new worker threads; threads already moved stay slowed."""
        self._enabled = not paused

    def _watch(self) -> None:
        # The whole process tree is walked once a second; the processes that start renderers (Chromium's
        # zygotes, a thread or two each) are asked for new children at every poll, so a new page's
        # renderer is watched from its start.
        renderers: set[int] = set()
        spawners: set[int] = set()
        walked = 0.0
        while not self._stop.is_set():
            if time.monotonic() - walked > 1.0:
                tree = [(parent, pid) for parent, pid in _descendants(os.getpid()) if _is_renderer(pid)]
                renderers, spawners, walked = {pid for _, pid in tree}, {parent for parent, _ in tree}, time.monotonic()
                self._forget_ended()
            for spawner in spawners:
                renderers.update(pid for pid in _children(spawner) if pid not in renderers and _is_renderer(pid))
            if self._enabled:
                for pid in renderers:
                    self._scan(pid)
            self._stop.wait(self.poll_s)

    def _forget_ended(self) -> None:
        """Thread ids are reused: forget those that have ended."""
        self._seen = {key for key in self._seen if os.path.exists(f"/proc/{key[0]}/task/{key[1]}")}

    def _scan(self, pid: int) -> None:
        try:
            tids = os.listdir(f"/proc/{pid}/task")
        except OSError:
            return
        for entry in tids:
            key = (pid, int(entry))
            if key in self._seen:
                continue
            try:
                name = Path(f"/proc/{pid}/task/{entry}/comm").read_text().strip()
            except OSError:
                continue
            if name != WORKER_THREAD:
                if key[1] == pid or name.startswith(("ThreadPool", "Chrome_", "Compositor", "HangWatcher", "Perfetto")):
                    self._seen.add(key)  # named, and not a worker: no need to look again
                continue  # a thread is named when it starts: look again next time
            self._seen.add(key)
            self._throttle(int(entry))

    def _throttle(self, tid: int) -> None:
        group = self.group / f"t{tid}"
        try:
            group.mkdir(exist_ok=True)
            (group / "cpu.cfs_period_us").write_text(str(PERIOD_US))
            (group / "cpu.cfs_quota_us").write_text(str(max(1000, int(PERIOD_US / self.rate))))
            (group / "tasks").write_text(str(tid))
            self.throttled.add(tid)
        except OSError:
            pass  # the thread ended before it was moved

    def close(self) -> None:
        """Stop watching, move any thread still slowed back, and remove the cgroups."""
        self._stop.set()
        if self._thread:
            self._thread.join()
        if not self.group.exists():
            return
        for group in [*self.group.glob("t*"), self.group]:
            try:
                for tid in (group / "tasks").read_text().split():
                    (CGROUP_CPU / "tasks").write_text(tid)
            except OSError:
                pass
            for _ in range(20):  # a cgroup is removed once its last thread has left
                try:
                    group.rmdir()
                    break
                except OSError:
                    time.sleep(0.05)


CPU_CHECK_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CPU throttle check</title></head><body>
<script>
// The same busy loop on the main thread and in a module worker: its time shows how much each is slowed.
const LOOP = "let t = performance.now(), x = 0; for (let i = 0; i < 1e8; i++) x += i % 7; return performance.now() - t;";
window.mainLoop = new Function(LOOP);
window.workerLoop = () => new Promise((resolve, reject) => {
  const source = `await new Promise((r) => setTimeout(r, 300)); postMessage((() => { ${LOOP} })());`;
  const worker = new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })), { type: "module" });
  worker.onmessage = (event) => { resolve(event.data); worker.terminate(); };
  worker.onerror = (event) => reject(new Error(event.message));
});
</script></body></html>
"""


def write_cpu_check(site: Path) -> str:
    """Write the check page into the served folder; returns its path from the site root."""
    folder = site / "_bench"
    folder.mkdir(exist_ok=True)
    (folder / "cpu-check.html").write_text(CPU_CHECK_HTML, encoding="utf-8")
    return "_bench/cpu-check.html"


def cpu_check(browser, url: str, rate: float, worker_throttle: WorkerThrottle | None, rounds: int = 3) -> dict:
    """Median busy-loop times (ms) on the main thread and in a worker, unthrottled and throttled, alternating.

    The worker waits 300 ms before it loops, so the throttle has moved its thread before it is timed.
    """
    import statistics

    times: dict[str, list[float]] = {"main": [], "worker": [], "main throttled": [], "worker throttled": []}
    for _ in range(rounds):
        for throttled in (False, True):
            if worker_throttle:
                worker_throttle.pause(not throttled)
            context = browser.new_context()
            try:
                page = context.new_page()
                if throttled:
                    throttle_page(context, page, rate)
                page.goto(url)
                suffix = " throttled" if throttled else ""
                times["main" + suffix].append(page.evaluate("mainLoop()"))
                times["worker" + suffix].append(page.evaluate("workerLoop()"))
            finally:
                context.close()
    if worker_throttle:
        worker_throttle.pause(False)
    return {name: statistics.median(values) for name, values in times.items()}

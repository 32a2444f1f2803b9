"""Start-up to the first answered request, and memory of master + workers: printed, never asserted.

Usage:
    python3 scripts/bench_startup.py [--runs 3] [--workers 2]

Launches `gunicorn -w N webhook:app` from the repository root (which reads gunicorn.conf.py: --preload), and
again with an empty configuration (each worker loads the app itself), on a fresh SQLite file each time. The
time is from launching gunicorn to the first 200 answer to a signed POST /twilio ("hi"), polled every 5 ms.
Memory is read once every worker has loaded the language model: RSS (pages a process can touch, shared ones
counted in every process) and PSS (shared pages divided among their processes: the sum is what they cost).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import _bootstrap  # noqa: F401  (puts the repository on sys.path)
from twilio.request_validator import RequestValidator

from tests.gunicorn_server import free_port, stop_process
from tests.payloads import encode_twilio, load_twilio, with_fields

ROOT = Path(__file__).resolve().parent.parent
TOKEN, BASE = "bench-auth-token", "https://kyr.example.org"


def first_answer(url: str, deadline: float) -> None:
    """Poll a signed "hi" until /twilio answers 200."""
    form = with_fields(load_twilio("sms"), Body="hi", MessageSid="SMstartup")
    signature = RequestValidator(TOKEN).compute_signature(BASE + "/twilio", form)
    request = urllib.request.Request(url + "/twilio", data=encode_twilio(form).encode(), headers={
        "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature})
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.005)
    raise SystemExit("no answer within the deadline")


def memory(master: int) -> tuple[float, float]:
    """(RSS, PSS) in MiB of the master and its children."""
    pids = [master, *map(int, Path(f"/proc/{master}/task/{master}/children").read_text().split())]
    rss = pss = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            name, _, value = line.partition(":")
            if name in ("Rss", "Pss"):
                kib = int(value.split()[0])
                rss, pss = (rss + kib, pss) if name == "Rss" else (rss, pss + kib)
    return rss / 1024, pss / 1024


def run(config: list[str], workers: int, work: Path) -> tuple[float, float, float]:
    """One start: (seconds to the first answer, RSS MiB, PSS MiB)."""
    port = free_port()
    env = {**os.environ, "KYR_STORE": f"sqlite:///{work}/{port}.db", "KYR_SECRET": "bench", "TWILIO_AUTH_TOKEN": TOKEN,
           "PUBLIC_BASE_URL": BASE}
    log = (work / f"{port}.log").open("wb")
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}",
                             *config, "webhook:app"], cwd=ROOT, env=env, stdout=log, stderr=log)
    try:
        first_answer(f"http://127.0.0.1:{port}", started + 60)
        elapsed = time.monotonic() - started
        deadline = time.monotonic() + 60
        # each worker loads the model; a preloading master drops the copy it was loading ("left to ...")
        while (work / f"{port}.log").read_text().count("language model l") < workers + (not config):
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)
        time.sleep(0.5)
        return (elapsed, *memory(proc.pid))
    finally:
        stop_process(proc, timeout=15)


def main(argv: list[str]) -> int:
    """Command line."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="kyr-startup-") as tmp:
        work = Path(tmp)
        empty = work / "empty.conf.py"
        empty.write_text("")
        for name, config in (("without --preload", ["-c", str(empty)]), ("gunicorn.conf.py (--preload)", [])):
            runs = [run(config, args.workers, work) for _ in range(args.runs)]
            print(f"{name}: first answer after {statistics.median(r[0] for r in runs):.2f} s (median of "
                  f"{len(runs)}; {', '.join(f'{r[0]:.2f}' for r in runs)}); master + {args.workers} workers RSS "
                  f"{statistics.median(r[1] for r in runs):.0f} MiB, "
                  f"PSS {statistics.median(r[2] for r in runs):.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

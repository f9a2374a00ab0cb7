"""Start-up as the user sees it (issue 17, "Start-up, measured"), as ratios against a bare window
measured in the same run.

One run measures ``--runs`` times (median) in fresh child processes (``QT_QPA_PLATFORM=offscreen``):

(a) a bare ``QMainWindow`` process: process start → the window painted (first paint event) and
    taking keys (a key pressed at that moment is delivered by the event loop);
(b) the app as shipped (``ui.launch.main --data-dir DIR`` on a data folder made by the command
    ``demo``): process start → the password dialog painted and taking keys (a key "pressed" at
    its first paint is delivered to the password field);
(c) the password typed (one key every ``--key-interval`` ms from a thread of the child, like a
    person: keys arrive whether or not the event loop is free) and Return pressed → the main window
    with its case list painted. The key derivation (scrypt with the key file's parameters) is timed
    alone in this process; (c) minus it is what the window costs.

While the user types, the child records how long each key waited for the event loop (max): the
dialog must take keys while the rest of the program loads.

Targets: (b)/(a) ≤ 1.3; (c) − KDF ≤ 0.3 s.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "bench-passwort-2026"
TARGET_FIRST = 1.3
TARGET_UNLOCK_S = 0.3

# The probe is the same in both children: an application-wide event filter notes the first paint
# of the window named FIRST, "presses" a key on it at that moment (posted to the event loop, as a
# key from the window system would wait for it) and notes when the key is delivered. Its own work
# is not counted: it is installed only once the program has imported Qt's widgets (before, it
# would change which modules load before Qt), and making the key event (in the bare window the
# first use of Qt's namespace ``Qt``, a few dozen enum types) is timed and subtracted: a key
# from the window system costs the program nothing of that.
PROBE = r"""
import importlib.machinery, os, sys, time

FIRST, MAIN, PASSWORD, INTERVAL = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]) / 1000
marks = {}
waits = []
pending = {}  # key event id -> time posted
keep = []


def mark(name, value=None):
    if name not in marks:
        marks[name] = time.monotonic()
        print(name, repr(marks[name]), repr(time.process_time()), "" if value is None else value, flush=True)


def install_probe():
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    def press(target, char, key=None):
        from PySide6.QtCore import Qt  # here: its first use is the probe's own work (timed)
        from PySide6.QtGui import QKeyEvent

        event = QKeyEvent(QEvent.Type.KeyPress, key or Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, char)
        number = 1000 + len(waits) + len(pending)
        event.setTimestamp(number)  # identifies the key when it arrives
        pending[number] = time.monotonic()
        QCoreApplication.postEvent(target, event)

    def typist(target):
        import threading

        # the user types the rest of the password and presses Return, at their own pace
        for char in PASSWORD[1:]:
            time.sleep(INTERVAL)
            press(target, char)
        time.sleep(INTERVAL)
        loading = any(t.name == "preload" for t in threading.enumerate())
        mark("enter", int(loading))  # 1: the modules are still loading (the thread of ui.protection.startup)
        press(target, "\r", 0x01000004)  # Qt.Key.Key_Return

    def is_table(widget):
        from PySide6.QtWidgets import QTableView  # only the main window has one

        return isinstance(widget, QTableView)

    class Probe(QObject):
        def eventFilter(self, obj, event):
            kind = event.type()
            if kind == QEvent.Type.Paint and obj.isWidgetType():
                name = type(obj.window()).__name__
                if name == FIRST and "painted" not in marks:
                    mark("painted")
                    window = obj.window()
                    target = window.focusWidget() or window
                    wall, cpu = time.monotonic(), time.process_time()
                    press(target, PASSWORD[:1])
                    print("PROBE", repr(time.monotonic() - wall), repr(time.process_time() - cpu), flush=True)
                elif name == MAIN and "shown" not in marks:
                    mark("shown")  # the main window's first paint (its list may come later)
                if name == MAIN and "main" not in marks and is_table(obj.parent()):
                    rows = obj.parent().model().rowCount()
                    if rows:
                        mark("main", rows)
                        print("KEYWAIT", max(waits) * 1000 if waits else -1, len(waits), flush=True)
                        QTimer.singleShot(0, QApplication.instance().quit)
            elif kind == QEvent.Type.Hide and type(obj).__name__ == FIRST and "enter" in marks:
                mark("closed")  # the password dialog closes: the database is open
            elif kind == QEvent.Type.KeyPress and event.timestamp() in pending:
                sent = pending.pop(event.timestamp())
                waits.append(time.monotonic() - sent)
                if "keys" not in marks:
                    mark("keys")
                    if not MAIN:
                        QTimer.singleShot(0, QApplication.instance().quit)
                    else:
                        import threading

                        threading.Thread(target=typist, args=(obj,), daemon=True).start()
            return False

    # the program's QApplication.instance(): made here, as soon as the program has loaded Qt's widgets
    app = QApplication(sys.argv[:1])
    keep.append(Probe(app))
    app.installEventFilter(keep[-1])


class AfterQtWidgets:
    # The probe is installed once the program itself has imported PySide6.QtWidgets, so the probe
    # does not change which modules load before Qt (PySide6 reads the source of every module
    # imported after it: a probe importing Qt first would make the program slower than it is).
    # It imports nothing the program might need (no importlib.abc, no threading before the key).
    def find_spec(self, name, path, target=None):
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        spec.loader, self.loader = self, spec.loader
        return spec

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        self.loader.exec_module(module)
        module.__spec__.loader = module.__loader__ = self.loader
        install_probe()


sys.meta_path.insert(0, AfterQtWidgets())
"""

BARE_CHILD = PROBE + r"""
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication.instance() or QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1100, 750); w.setWindowTitle("bare"); w.show()
app.exec()
"""

# the entry point (kooperation-desktop) imports ui.launch before Qt: so does this child
APP_CHILD = "from ui.launch import main\n" + PROBE + r"""
code = main(["--data-dir", sys.argv[5]])
print("EXIT", code, flush=True)
"""


def run_child(code: str, args: list[str], timeout: float, pycache: Path) -> dict[str, float]:
    """Marks (seconds since the process was started) and values printed by the child.

    Like an installed program, the child uses compiled bytecode (kept in ``pycache``, written by an
    unmeasured first run), also when the environment says PYTHONDONTWRITEBYTECODE."""
    env = {k: v for k, v in os.environ.items() if k not in ("KOOPERATION_PASSPHRASE", "PYTHONDONTWRITEBYTECODE")}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO_ROOT), PYTHONPYCACHEPREFIX=str(pycache))
    t0 = time.monotonic()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                         cwd=str(REPO_ROOT), timeout=timeout)
    result: dict[str, float] = {}
    for line in out.stdout.splitlines():
        parts = line.split()
        if parts and parts[0] in ("painted", "keys", "enter", "closed", "shown", "main"):
            result[parts[0]] = float(parts[1]) - t0
            result[parts[0] + "_cpu"] = float(parts[2])  # CPU seconds of the child (all its threads)
            if parts[0] == "main":
                result["rows"] = float(parts[3])
            if parts[0] == "enter":
                result["loading"] = float(parts[3])
        elif parts and parts[0] == "PROBE":  # the probe's own work before the key, not the program's
            result["probe"], result["probe_cpu"] = float(parts[1]), float(parts[2])
        elif parts and parts[0] == "KEYWAIT":
            result["keywait_ms"] = float(parts[1])
    if out.returncode != 0 or "keys" not in result:
        raise SystemExit(f"child failed ({out.returncode}):\n{out.stdout}\n{out.stderr[-3000:]}")
    for key in ("keys", "enter", "closed", "shown", "main"):
        if key in result:
            result[key] -= result["probe"]
            result[key + "_cpu"] -= result["probe_cpu"]
    return result


def make_data(tmp: Path) -> Path:
    data = tmp / "daten"
    env = dict(os.environ, KOOPERATION_PASSPHRASE=PASSWORD, PYTHONPATH=str(REPO_ROOT))
    subprocess.run([sys.executable, "-m", "kooperation_desktop", "demo", "--data-dir", str(data)], check=True,
                   env=env, cwd=str(REPO_ROOT), capture_output=True)
    sys.path.insert(0, str(REPO_ROOT))
    from kooperation_desktop.protection import vault

    vault.confirm_recovery_key(data)  # noted at set-up: the start shows no new key
    return data


def time_kdf(data: Path, runs: int) -> tuple[float, float]:
    """Seconds (wall, CPU) for the key derivation alone, with the parameters of the data folder's key file."""
    from kooperation_desktop.protection import keys

    kf = json.loads(keys.key_path(data).read_text(encoding="utf-8"))
    salt = base64.b64decode(kf["entries"][-1]["password"]["salt"])
    params = {k: kf["kdf"][k] for k in ("n", "r", "p")}
    times, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        keys.derive_password_key(PASSWORD, salt, **params)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return statistics.median(times), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--key-interval", type=float, default=100, help="ms between two typed keys (default 100)")
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args()
    interval = str(args.key_interval)
    with tempfile.TemporaryDirectory() as tmp:
        data = make_data(Path(tmp))
        bare: list[dict[str, float]] = []
        app: list[dict[str, float]] = []
        kdf: list[tuple[float, float]] = []
        pycache = Path(tmp) / "pycache"
        for k in range(args.runs + 1):  # interleaved: both see the same load of the machine
            one_bare = run_child(BARE_CHILD, ["QMainWindow", "", PASSWORD, interval], args.timeout, pycache)
            one_app = run_child(APP_CHILD, ["UnlockDialog", "MainWindow", PASSWORD, interval, str(data)],
                                args.timeout, pycache)
            if k > 0:  # the first run writes the bytecode
                bare.append(one_bare)
                app.append(one_app)
                kdf.append(time_kdf(data, 1))
    report(args, bare, app, kdf)


def report(args: argparse.Namespace, bare: list[dict[str, float]], app: list[dict[str, float]],
           kdf: list[tuple[float, float]]) -> None:
    def med(rows: list[dict[str, float]], key: str, since: str = "") -> float:
        return statistics.median(r[key] - (r[since] if since else 0.0) for r in rows)

    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"

    kdf_s, kdf_cpu = statistics.median(k[0] for k in kdf), statistics.median(k[1] for k in kdf)
    print(f"Start-up (median of {args.runs} runs, a key every {args.key_interval:.0f} ms; "
          f"Python {sys.version.split()[0]}; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f})")
    print("                                       wall clock        CPU of the process (all threads)")
    a, a_cpu = med(bare, "keys"), med(bare, "keys_cpu")
    b, b_cpu = med(app, "keys"), med(app, "keys_cpu")
    print(f"(a) bare QMainWindow painted, keys: {a * 1000:7.0f} ms {a_cpu * 1000:14.0f} ms"
          f"   (painted {med(bare, 'painted') * 1000:.0f} ms)")
    print(f"(b) password dialog painted, keys:  {b * 1000:7.0f} ms {b_cpu * 1000:14.0f} ms"
          f"   (painted {med(app, 'painted') * 1000:.0f} ms)")
    print(f"    (b)/(a):                        {b / a:7.2f} x  {b_cpu / a_cpu:13.2f} x"
          f"   target <= {TARGET_FIRST} x: {verdict(b / a <= TARGET_FIRST)}")
    print(f"    longest wait of a typed key while the program loads: median {med(app, 'keywait_ms'):.0f} ms, "
          f"max {max(r['keywait_ms'] for r in app):.0f} ms")
    c, c_cpu = med(app, "main", "enter"), med(app, "main_cpu", "enter_cpu")
    print(f"(c) Return -> main window with list: {c * 1000:6.0f} ms {c_cpu * 1000:14.0f} ms"
          f"   ({int(app[0]['rows'])} rows)")
    print(f"    key derivation alone (scrypt):  {kdf_s * 1000:7.0f} ms {kdf_cpu * 1000:14.0f} ms")
    print(f"    (c) - KDF:                      {(c - kdf_s) * 1000:7.0f} ms {(c_cpu - kdf_cpu) * 1000:14.0f} ms"
          f"   target <= {TARGET_UNLOCK_S * 1000:.0f} ms: {verdict(c - kdf_s <= TARGET_UNLOCK_S)}"
          f" (= {(c - kdf_s) / a:.2f} x the bare window)")
    print(f"    of (c): Return -> dialog closed (database open) {med(app, 'closed', 'enter') * 1000:.0f} ms, "
          f"then the main window {med(app, 'main', 'closed') * 1000:.0f} ms; the modules were still loading "
          f"at Return in {sum(int(r['loading']) for r in app)} of {len(app)} runs")
    print(f"    process start -> main window (typing included): {med(app, 'main') * 1000:.0f} ms")


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Installs CareJournal the way a user would, from its wheel into a fresh virtual environment
# OUTSIDE the source tree, and checks that the installed copy works on its own:
#   carejournal --version, check, report (a PDF), and the window under Xvfb (a screenshot).
# Run by CI (.ci/run) and by hand:  bash scripts/check_installed.sh   (PYTHON=python3.12 to choose)
# Prints the installed size (du of the venv). Needs xvfb-run (apt install xvfb xauth).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="${PYTHON:-python3}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/carejournal-installed.XXXXXX")"
case "$WORK" in "$ROOT"/*) echo "the check must run outside the source tree" >&2; exit 1 ;; esac
trap 'rm -rf "$WORK"' EXIT

echo "== building the wheel"
"$PY" -m venv "$WORK/build-venv"
"$WORK/build-venv/bin/python" -m pip install -q --upgrade pip setuptools wheel
"$WORK/build-venv/bin/python" -m pip wheel -q --no-deps --no-build-isolation -w "$WORK/dist" "$ROOT"
WHEEL="$(ls "$WORK"/dist/carejournal-*.whl)"
echo "   $(basename "$WHEEL")"

echo "== installing it into a fresh venv"
"$PY" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install -q "$WHEEL"
BIN="$WORK/venv/bin"
cd "$WORK"  # nothing from the checkout can be imported from here
if "$BIN/python" -c "import journal, sys; sys.exit(0 if '$ROOT' not in journal.__file__ else 1)"; then
  echo "   journal imported from $("$BIN/python" -c 'import journal; print(journal.__file__)')"
else
  echo "the installed copy imports the checkout" >&2; exit 1
fi

echo "== carejournal --version"
"$BIN/carejournal" --version

echo "== carejournal check (the sample journal)"
"$BIN/carejournal" --demo check > "$WORK/check.txt"
grep -q . "$WORK/check.txt" || { echo "check printed nothing" >&2; exit 1; }
head -3 "$WORK/check.txt"

echo "== carejournal report"
"$BIN/carejournal" --demo report --patient "Marta Example" --out "$WORK/report.pdf"
head -c 5 "$WORK/report.pdf" | grep -q "%PDF-" || { echo "report.pdf is not a PDF" >&2; exit 1; }
echo "   report.pdf: $(wc -c < "$WORK/report.pdf") bytes"

echo "== the window under Xvfb"
cat > "$WORK/window_check.py" <<'PYEOF'
"""Starts the installed app's window as `carejournal --db` does, waits until it is shown,
saves a screenshot and quits. Exit 0 only if a main window was shown."""
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from journal.app import main

out = Path(sys.argv[1])
app = QApplication(sys.argv[:1])
seen = {"shown": False}


def look() -> None:
    from journal.ui.shell.main_window import MainWindow

    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    if windows:
        seen["shown"] = True
        windows[0].grab().save(str(out))
        windows[0].quit()
    else:
        QTimer.singleShot(200, look)


QTimer.singleShot(200, look)
QTimer.singleShot(30_000, app.quit)  # never hang CI
code = main(["--db", str(out.with_suffix(".sqlite3"))])
sys.exit(0 if seen["shown"] and code == 0 else 1)
PYEOF
QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" "$BIN/python" "$WORK/window_check.py" "$WORK/window.png"
echo "   the window opened (screenshot $(wc -c < "$WORK/window.png") bytes)"

echo "== installed size"
du -sh "$WORK/venv" | cut -f1 | sed 's/^/   venv: /'
echo "check_installed: all passed"

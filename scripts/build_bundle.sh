#!/usr/bin/env bash
# Builds a stand-alone CareJournal bundle with PyInstaller (a folder with the app and its own
# Python and Qt; no Python needed on the target machine), then checks that it works.
# Run by hand on the platform you build for (not in CI; PyInstaller does not cross-compile):
#
#   bash scripts/build_bundle.sh            # -> dist/CareJournal/CareJournal (.exe on Windows)
#
# It uses its own venv (.bundle-venv) so the development .venv stays as it is. The check runs the
# bundle's --version and `--demo check`, then starts its window (under xvfb-run when there is no
# screen) and waits for the "window shown" line in a temporary log folder.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-python3}"
VENV="${BUNDLE_VENV:-.bundle-venv}"
SEP=":"; case "$(uname -s)" in MINGW*|MSYS*|CYGWIN*) SEP=";" ;; esac

[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q . "pyinstaller>=6"

# resources/ (drug data, reference, schema, sample, font) sits beside journal/ as in a checkout;
# the Alembic migrations are read as files, so they go in as data too; the window is imported
# lazily by journal/app.py, so it is named; the version is read from the package metadata.
"$VENV/bin/pyinstaller" --noconfirm --clean --windowed --name CareJournal \
  --icon "journal/ui/icons/io.github.carejournal.CareJournal-256.png" \
  --add-data "resources${SEP}resources" \
  --add-data "journal/storage/migrations${SEP}journal/storage/migrations" \
  --add-data "journal/ui/icons${SEP}journal/ui/icons" \
  --add-data "LICENSE${SEP}." \
  --collect-submodules journal \
  --copy-metadata carejournal \
  --hidden-import journal.ui.shell.launch \
  --exclude-module PySide6.QtWebEngineCore --exclude-module PySide6.Qt3DCore \
  main.py

BUNDLE="dist/CareJournal/CareJournal"
[ -x "$BUNDLE" ] || BUNDLE="dist/CareJournal/CareJournal.exe"
echo "== checking $BUNDLE"
"$BUNDLE" --version
"$BUNDLE" --demo check | head -3
CHECK="$(mktemp -d)"
trap 'rm -rf "$CHECK"' EXIT
export XDG_STATE_HOME="$CHECK/state" XDG_CONFIG_HOME="$CHECK/config"
RUN=()
if [ "$(uname -s)" = "Linux" ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then RUN=(xvfb-run -a); fi
set +e
timeout 60 "${RUN[@]}" "$BUNDLE" --db "$CHECK/journal.sqlite3" &
PID=$!
for _ in $(seq 1 120); do
  if grep -qs "window shown" "$CHECK"/state/CareJournal/log/carejournal.log; then break; fi
  sleep 0.5
done
kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null
set -e
if grep -qs "window shown" "$CHECK"/state/CareJournal/log/carejournal.log; then
  echo "build_bundle: the bundle's window opened; the bundle is in dist/CareJournal/ ($(du -sh dist/CareJournal | cut -f1))"
else
  echo "build_bundle: the bundle's window did NOT open (see above)" >&2
  exit 1
fi

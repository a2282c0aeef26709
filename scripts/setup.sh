#!/usr/bin/env bash
# Installs what a bare Debian/Ubuntu machine lacks for CareJournal, then the app itself
# into ./.venv (or the virtual environment named by $VENV). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

QT_LIBS="libgl1 libegl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3"
X_LIBS="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0"
TEST_TOOLS="xvfb xauth poppler-utils dbus desktop-file-utils appstream"

if command -v dpkg-query >/dev/null 2>&1; then
  missing=""
  # A bare Debian/Ubuntu python3 cannot make a virtual environment without python3-venv.
  if [ ! -x "${VENV:-.venv}/bin/python" ] && ! "${PYTHON:-python3}" -c "import ensurepip, venv" >/dev/null 2>&1; then
    missing="$missing python3-venv"
  fi
  for p in $QT_LIBS $X_LIBS ${WITH_TEST_TOOLS:+$TEST_TOOLS}; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    echo "Installing system libraries Qt needs:$missing"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
  fi
fi

VENV="${VENV:-.venv}"
PY="${PYTHON:-python3}"
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "CareJournal needs Python 3.11 or newer; $PY is $("$PY" --version 2>&1). Set PYTHON=python3.11 (or newer)." >&2
  exit 1
fi
if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
# pip runs only when the dependencies changed: the stamp holds a hash of pyproject.toml and the
# extras installed. `make run` after the first time starts at once and works offline (the install
# is editable, so code changes need no reinstall).
STAMP="$VENV/.carejournal-installed"
WANT="$(sha256sum pyproject.toml | cut -d' ' -f1) extras=test"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ] && "$VENV/bin/python" -c "import journal, PySide6" >/dev/null 2>&1; then
  exit 0
fi
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q -e '.[test]'
echo "$WANT" > "$STAMP"

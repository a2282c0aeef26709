#!/usr/bin/env bash
# Adds CareJournal to the desktop's application menu for this user (Linux and other XDG desktops):
# the desktop entry in ~/.local/share/applications, the icon in ~/.local/share/icons/hicolor, and
# the AppStream metadata in ~/.local/share/metainfo. `--remove` takes them away again.
#
#   pipx install .                       # or: pipx install carejournal-<version>.whl
#   bash scripts/install_menu_entry.sh   # after that, CareJournal is in the menu
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ID="io.github.carejournal.CareJournal"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
SIZES="16 24 32 48 64 128 256 512"

if [ "${1:-}" = "--remove" ]; then
  rm -f "$DATA/applications/$ID.desktop" "$DATA/metainfo/$ID.metainfo.xml" \
        "$DATA/icons/hicolor/scalable/apps/$ID.svg"
  for s in $SIZES; do rm -f "$DATA/icons/hicolor/${s}x${s}/apps/$ID.png"; done
  echo "CareJournal removed from the menu (the app and your journal are untouched)."
  exit 0
fi

LAUNCHER="$(command -v carejournal-gui || true)"
if [ -z "$LAUNCHER" ]; then
  echo "carejournal-gui is not on the PATH: install the app first (pipx install .)" >&2
  exit 1
fi
mkdir -p "$DATA/applications" "$DATA/metainfo" "$DATA/icons/hicolor/scalable/apps"
# The entry names the launcher by its full path: a menu may not see ~/.local/bin on its PATH.
sed "s|^Exec=carejournal-gui|Exec=$LAUNCHER|" "$ROOT/data/$ID.desktop" > "$DATA/applications/$ID.desktop"
cp "$ROOT/data/$ID.metainfo.xml" "$DATA/metainfo/"
cp "$ROOT/journal/ui/icons/$ID.svg" "$DATA/icons/hicolor/scalable/apps/"
for s in $SIZES; do
  mkdir -p "$DATA/icons/hicolor/${s}x${s}/apps"
  cp "$ROOT/journal/ui/icons/$ID-$s.png" "$DATA/icons/hicolor/${s}x${s}/apps/$ID.png"
done
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$DATA/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
echo "CareJournal is in the menu (starts $LAUNCHER)."

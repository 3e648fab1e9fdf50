#!/usr/bin/env bash
# Runs scripts/screenshots.py in a real X window on a virtual screen (Debian's xvfb): the
# English interface into docs/screenshots, the Arabic one (right to left) into its ar/ folder.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/screenshots}"
Xvfb :97 -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb' EXIT
sleep 1
DISPLAY=:97 QT_QPA_PLATFORM=xcb SPREADER_LANGUAGE=en python3 scripts/screenshots.py "$out"
DISPLAY=:97 QT_QPA_PLATFORM=xcb SPREADER_LANGUAGE=ar python3 scripts/screenshots.py "$out/ar"
DISPLAY=:97 QT_QPA_PLATFORM=xcb SPREADER_LANGUAGE=en python3 scripts/screenshots_personal.py "$out"
DISPLAY=:97 QT_QPA_PLATFORM=xcb SPREADER_LANGUAGE=ar python3 scripts/screenshots_personal.py "$out/ar"
DISPLAY=:97 QT_QPA_PLATFORM=xcb SPREADER_LANGUAGE=en python3 scripts/screenshots_receiving.py "$out"
DISPLAY=:97 QT_QPA_PLATFORM=xcb SPREADER_LANGUAGE=en python3 scripts/screenshots_pool.py "$out"
DISPLAY=:97 QT_QPA_PLATFORM=xcb SPREADER_LANGUAGE=ar python3 scripts/screenshots_pool.py "$out/ar"
DISPLAY=:97 QT_QPA_PLATFORM=xcb SPREADER_LANGUAGE=en python3 scripts/screenshots_why.py "$out"
DISPLAY=:97 QT_QPA_PLATFORM=xcb SPREADER_LANGUAGE=ar python3 scripts/screenshots_why.py "$out/ar"
# A notification needs a system tray on the screen (Debian's trayer).
if command -v trayer >/dev/null; then
  DISPLAY=:97 trayer --edge top --align right --widthtype pixel --width 200 &
  tray=$!
  sleep 1
  DISPLAY=:97 QT_QPA_PLATFORM=xcb SPREADER_LANGUAGE=en python3 scripts/screenshot_notification.py "$out"
  kill $tray
fi

#!/usr/bin/env bash
# One command from a fresh clone to a running Effleura: installs missing Debian packages,
# builds (Release, all cores) and starts the program. Extra arguments go to effleura.
# Without a display it renders a headless screenshot instead and prints its path.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build"
exe="$root/build/effleura"
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$exe" "$@"
fi
out="$root/out/effleura-screenshot.png"
mkdir -p "$root/out"
echo "effleura: no display found; rendering a headless screenshot instead."
"$exe" --headless --screenshot "$out" --size 1280x720 "$@"
echo "effleura: screenshot at $out"

#!/usr/bin/env bash
# Installs the Debian 12 packages Effleura needs, only those that are missing.
# Uses sudo when not root; if that is impossible, prints the exact command and stops.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkg-config
  # libraries (README "Dependencies" says why each is there)
  libglfw3-dev libglm-dev libassimp-dev libimgui-dev doctest-dev libtomlplusplus-dev libstb-dev nlohmann-json3-dev
  python3-glad libegl-dev libgl-dev libegl-mesa0 libgl1-mesa-dri
  libopenvdb-dev libboost-dev libboost-iostreams-dev libtbb-dev libmeshoptimizer-dev fonts-dejavu-core
  libeigen3-dev nlohmann-json3-dev zlib1g-dev
  # tools the tests use: Xvfb for the window smoke test, ffmpeg for video export
  xvfb xauth ffmpeg
  # installing like desktop software: man page from --help, PNG icons from the SVG, the
  # checks of the desktop entry and AppStream metadata, dpkg-shlibdeps for the .deb
  help2man librsvg2-bin desktop-file-utils appstream dpkg-dev
)
# scripts/fuzz.sh only (--fuzz): clang 16 with libFuzzer and its sanitizer runtimes. Debian 12's
# default clang 14 cannot compile GCC 12's C++23 <expected> (no conditionally trivial members).
if [ "${1:-}" = "--fuzz" ]; then packages=(clang-16 libclang-rt-16-dev); fi

# --web: also the browser build and its test (README "In the browser"): Debian's Emscripten
# (805 MB), the headers the web build stages, Chromium for the test and Node for its driver.
if [ "${1:-}" = "--web" ]; then
  packages+=(emscripten libexpected-dev libutfcpp-dev chromium nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  # Node's own packages (nodesource) bundle npm and conflict with Debian's npm: a working npm
  # command is enough.
  if [ "$p" = npm ] && command -v npm >/dev/null 2>&1; then continue; fi
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
web_driver() {  # the test's Chromium driver from the npm registry, into web/test/node_modules
  [ "${1:-}" = "--web" ] || return 0
  local dir; dir="$(cd "$(dirname "$0")/.." && pwd)/web/test"
  [ -d "$dir/node_modules/puppeteer-core" ] && return 0
  echo "effleura: installing the browser test's driver (puppeteer-core, package-lock.json) into $dir/node_modules"
  (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
}
if [ ${#missing[@]} -eq 0 ]; then web_driver "$@"; exit 0; fi

echo "effleura: installing missing Debian packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  apt_get=(apt-get)
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null || [ -t 0 ] && command -v sudo >/dev/null 2>&1; then
  apt_get=(sudo apt-get)
else
  echo "effleura: cannot install packages without root. Run this, then try again:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${apt_get[@]}" update -qq
"${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}"
web_driver "$@"

#!/usr/bin/env bash
# The deb-src entry scripts/web.sh needs for `apt-get source` (Debian 12 images ship only binary
# entries). Does nothing when apt already knows imgui's source package. Otherwise writes the
# entry and runs apt-get update: as root, or through `sudo -n` (sudo without a password, as CI
# has); when neither is possible it prints the entry and the commands to run as root, and exits 1
# without writing anything. Kept in its own file so tests/cli/web_deb_src_test.cpp can run each
# path (root, sudo, no sudo) with stand-in commands: the build machine runs as root.
#   scripts/web-deb-src.sh        (EFFLEURA_DEB_SRC_LIST overrides where the entry goes)
set -euo pipefail
src_list=${EFFLEURA_DEB_SRC_LIST:-/etc/apt/sources.list.d/effleura-deb-src.sources}
if apt-cache showsrc imgui 2>/dev/null | grep -q '^Package: imgui'; then exit 0; fi
entry='# Added by Effleura'"'"'s scripts/web.sh: Debian source packages for the web build.
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg'
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    echo "effleura-web: apt-get source needs a deb-src entry; as root, write $src_list with:" >&2
    printf '%s\n' "$entry" | sed 's/^/  /' >&2
    echo "  then run apt-get update" >&2
    exit 1
  fi
fi
printf '%s\n' "$entry" | "${as_root[@]}" tee "$src_list" >/dev/null
"${as_root[@]}" apt-get update -qq

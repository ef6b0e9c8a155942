#!/usr/bin/env bash
# Effleura's web build (README "In the browser"), as far as it goes today: it fetches Dear ImGui's
# source from Debian (apt-get source, through a deb-src entry it adds), compiles it with Debian's
# Emscripten, and compiles Effleura's simulation core for WebAssembly. The program itself is not
# linked for the browser yet; the README lists exactly what is left. Usage:
#   scripts/web.sh [BUILD_DIR]      (default build-web/)
# Compiles run under `nice -n 19`: on a shared machine they only use idle CPU.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mkdir -p "${1:-$root/build-web}" && cd "${1:-$root/build-web}" && pwd)
# Debian's emscripten finds its acorn parser among Debian's node modules.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
nice=(nice -n 19)

# --- The toolchain: Debian packages only -----------------------------------------------------
web_packages=(emscripten libexpected-dev dpkg-dev)
missing=()
for p in "${web_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "effleura-web: the web build needs: ${missing[*]}. Install them with:" >&2
  echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

# --- Dear ImGui from Debian's source package ---------------------------------------------------
# apt-get source needs a deb-src line; Debian 12 images ship only binary ones.
src_list=/etc/apt/sources.list.d/effleura-deb-src.sources
if ! apt-cache showsrc imgui 2>/dev/null | grep -q '^Package: imgui'; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "effleura-web: apt-get source needs a deb-src entry; as root, write $src_list with:" >&2
    printf '  Types: deb-src\n  URIs: http://deb.debian.org/debian\n  Suites: bookworm\n  Components: main\n' >&2
    echo "  then run apt-get update" >&2
    exit 1
  fi
  cat >"$src_list" <<'EOF'
# Added by Effleura's scripts/web.sh: Debian source packages for the web build.
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  apt-get update -qq
fi
mkdir -p "$out/src"
imgui_dir=$(find "$out/src" -maxdepth 1 -type d -name 'imgui-*' | head -n1)
if [ -z "$imgui_dir" ]; then
  (cd "$out/src" && apt-get source --download-only imgui >/dev/null && dpkg-source -x imgui_*.dsc >/dev/null)
  imgui_dir=$(find "$out/src" -maxdepth 1 -type d -name 'imgui-*' | head -n1)
fi
echo "effleura-web: Dear ImGui source in $imgui_dir"

# --- Compiling ----------------------------------------------------------------------------------
# Headers from Debian's -dev packages, staged one folder each so emcc never sees glibc's headers.
inc="$out/include"
mkdir -p "$inc"
for h in glm toml++ tl; do ln -sfn "/usr/include/$h" "$inc/$h"; done
flags=(-O2 -std=c++2b -I"$root/web/compat" -I"$inc" -I"$root/src" -DGLM_FORCE_XYZW_ONLY
       -DTOML_HEADER_ONLY=1 -DEFFLEURA_VERSION="\"$(sed -n 's/^project(effleura VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")\"")

compile() {  # compile LIB OBJDIR SOURCES... -> OBJDIR/LIB.a; prints the CPU time it took
  local lib=$1 obj=$2; shift 2
  mkdir -p "$obj"
  local start; start=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
  local objects=()
  for s in "$@"; do
    local o="$obj/$(basename "${s%.*}").o"
    objects+=("$o")
    [ "$o" -nt "$s" ] && continue
    "${nice[@]}" em++ "${flags[@]}" "${extra[@]}" -c "$s" -o "$o"
  done
  "${nice[@]}" emar rcs "$obj/$lib.a" "${objects[@]}"
  local ticks; ticks=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
  echo "effleura-web: $lib.a: ${#objects[@]} files, $(( (ticks - start) / $(getconf CLK_TCK) )) s of CPU"
}

extra=(-I"$imgui_dir" -DIMGUI_IMPL_OPENGL_ES3)
compile imgui "$out/imgui" "$imgui_dir"/imgui{,_draw,_tables,_widgets}.cpp \
  "$imgui_dir"/backends/imgui_impl_{glfw,opengl3}.cpp

extra=()
mapfile -t core_sources < <(find "$root/src/core" -name '*.cpp' ! -name 'video_encoder.cpp' ! -name 'file_watcher.cpp' | sort)
compile effleura_core "$out/core" "${core_sources[@]}"

echo "effleura-web: built $out/imgui/imgui.a and $out/core/effleura_core.a." >&2
echo "effleura-web: the program is not linked for the browser yet (README \"In the browser\" says what is left)." >&2
exit 1

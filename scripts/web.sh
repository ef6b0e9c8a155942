#!/usr/bin/env bash
# Effleura's web build (README "In the browser"): the same sources compiled for WebAssembly with
# Debian's Emscripten, into a folder of static files that any web host can serve.
#   scripts/web.sh [BUILD_DIR]          build into BUILD_DIR/site (default build-web/)
#   scripts/web.sh --serve [BUILD_DIR]  build, then serve the page on http://localhost:8000/
# Dear ImGui, Assimp, zlib (with its minizip) and meshoptimizer come from Debian's source
# packages (apt-get source, through a deb-src entry this script adds); glm, toml++, Eigen,
# nlohmann-json, stb and utf8cpp from Debian's headers. Nothing is downloaded from elsewhere.
# The whole build runs under `nice -n 19` with at most 2 jobs (EFFLEURA_WEB_JOBS): on a shared
# machine it only uses idle CPU. EFFLEURA_WEB_NICE sets another niceness (on a machine busy with
# other builds at nice 10, 19 gets about 1 % of it: a 5 s compile took 5.5 min). The niceness
# wraps ninja, not each command in build.ninja: a command that changes makes ninja rebuild its
# object, and a niceness in every command rebuilt the whole page when it changed.
# Compiles go through ccache when it is installed (EFFLEURA_WEB_CCACHE=0 turns it off): ccache
# runs round clang (for Assimp emcc puts it there, EM_COMPILER_WRAPPER), so a fresh checkout,
# whose sources are all newer than the objects, takes the objects from the cache instead of
# compiling them again.
set -euo pipefail
serve=0
if [ "${1:-}" = "--serve" ]; then serve=1; shift; fi
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mkdir -p "${1:-$root/build-web}" && cd "${1:-$root/build-web}" && pwd)
jobs=${EFFLEURA_WEB_JOBS:-2}
pch=${EFFLEURA_WEB_PCH:-1}
# Debian's emscripten finds its acorn parser among Debian's node modules.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
nice_level=${EFFLEURA_WEB_NICE:-19}
nice=(nice -n "$nice_level")
if [ "${EFFLEURA_WEB_CCACHE:-1}" = 1 ] && command -v ccache >/dev/null; then
  export EM_COMPILER_WRAPPER=ccache
  # ccache hands a precompiled header on only under these (clang records the header's time).
  export CCACHE_SLOPPINESS=${CCACHE_SLOPPINESS:-pch_defines,time_macros,include_file_mtime,include_file_ctime}
fi
t0=$(date +%s)

# --- The toolchain: Debian packages only -----------------------------------------------------
web_packages=(emscripten libexpected-dev dpkg-dev cmake ninja-build libglm-dev libtomlplusplus-dev
              libeigen3-dev nlohmann-json3-dev libstb-dev libutfcpp-dev fonts-dejavu-core)
missing=()
for p in "${web_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "effleura-web: the web build needs: ${missing[*]}. Install them with:" >&2
  echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

# --- Sources from Debian ------------------------------------------------------------------------
# apt-get source needs a deb-src entry; Debian 12 images ship only binary ones.
"$root/scripts/web-deb-src.sh"
mkdir -p "$out/src"
source_dir() {  # source_dir PACKAGE DIR_GLOB: unpacks Debian's source once, prints its folder
  local d; d=$(find "$out/src" -maxdepth 1 -type d -name "$2" | head -n1)
  if [ -z "$d" ]; then
    (cd "$out/src" && apt-get source --download-only "$1" >/dev/null 2>&1 && dpkg-source -x "$1"_*.dsc >/dev/null)
    d=$(find "$out/src" -maxdepth 1 -type d -name "$2" | head -n1)
  fi
  echo "$d"
}
imgui_dir=$(source_dir imgui 'imgui-*')
assimp_dir=$(source_dir assimp 'assimp-*')
# Debian's patch that links the system's Draco (a mesh compressor none of our models use)
# comes off: there is no Draco for WebAssembly, and Assimp builds without it by default.
if grep -q 'find_package(draco CONFIG REQUIRED)' "$assimp_dir/code/CMakeLists.txt"; then
  (cd "$assimp_dir" && patch -R -s -p1 <debian/patches/use-system-libdraco.patch)
fi
zlib_dir=$(source_dir zlib 'zlib-*')
meshopt_dir=$(source_dir meshoptimizer 'meshoptimizer-*')
echo "effleura-web: sources: $(basename "$imgui_dir") $(basename "$assimp_dir") $(basename "$zlib_dir") $(basename "$meshopt_dir")"

# Our own compiles (zlib, minizip, Effleura, Dear ImGui, meshoptimizer) call Emscripten's clang
# directly, with the arguments emcc would hand it (`emcc --cflags`): emcc is a Python program that
# starts for every file (~200) and costs 0.2-1 s of CPU each time. The objects are byte-identical
# to emcc's (README "In the browser", session 20). Assimp's CMake and the link keep em++.
llvm_root=$(em-config LLVM_ROOT)
clang_version=$(em-config CLANG_ADD_VERSION)
clangc="$llvm_root/clang${clang_version:+-$clang_version}"
clangxx="$llvm_root/clang++${clang_version:+-$clang_version}"
cc_wrap=; if [ -n "${EM_COMPILER_WRAPPER:-}" ]; then cc_wrap="$EM_COMPILER_WRAPPER "; fi

# --- zlib and minizip (Assimp reads zipped formats through them; glTF never does) ------------
deps="$out/deps"
if [ ! -f "$deps/lib/libz.a" ]; then
  mkdir -p "$deps/lib/pkgconfig" "$deps/include/minizip" "$out/zlib"
  zflags=$(env -u EM_COMPILER_WRAPPER emcc --cflags -O2)
  for c in adler32 compress crc32 deflate gzclose gzlib gzread gzwrite infback inffast inflate \
           inftrees trees uncompr zutil; do
    "${nice[@]}" $cc_wrap$clangc $zflags -DHAVE_UNISTD_H -DHAVE_STDARG_H -c "$zlib_dir/$c.c" -o "$out/zlib/$c.o"
  done
  for c in ioapi unzip; do
    "${nice[@]}" $cc_wrap$clangc $zflags -I"$zlib_dir" -c "$zlib_dir/contrib/minizip/$c.c" -o "$out/zlib/mz_$c.o"
  done
  emar rcs "$deps/lib/libz.a" "$out"/zlib/[!m]*.o
  emar rcs "$deps/lib/libminizip.a" "$out"/zlib/mz_*.o
  cp "$zlib_dir"/{zlib.h,zconf.h} "$deps/include/"
  cp "$zlib_dir"/contrib/minizip/{unzip.h,ioapi.h,crypt.h} "$deps/include/minizip/"
  cat >"$deps/lib/pkgconfig/minizip.pc" <<EOF
Name: minizip
Description: Debian's minizip, compiled for WebAssembly by scripts/web.sh
Version: 1.2.13
Cflags: -I$deps/include/minizip -I$deps/include
Libs: -L$deps/lib -lminizip -lz
EOF
fi

# Headers from Debian's -dev packages, staged one folder each so emcc never sees glibc's headers.
inc="$out/include"
mkdir -p "$inc"
for h in glm toml++ tl nlohmann stb utf8cpp; do ln -sfn "/usr/include/$h" "$inc/$h"; done

# --- Assimp: the glTF 2 importer and the three steps the loader asks for ------------------------
# src/anatomy/model_loader.cpp asks for triangulate, smooth normals and sort by type. The other
# steps' ASSIMP_BUILD_NO_*_PROCESS switches (read from Assimp's registry) and
# ASSIMP_BUILD_NO_GLTF1_IMPORTER take what the page never runs out of Assimp's tables, and only
# the objects the page links are compiled: Assimp's CMake also builds the other post-processing
# steps, the STEP parser, poly2tri, clipper and the OpenDDL parser in every configuration (39 of
# its 81 files; README "In the browser", session 20). A step the loader starts asking for stops
# the build here, by name, instead of leaving the page without it.
assimp_steps=" aiProcess_Triangulate aiProcess_GenSmoothNormals aiProcess_SortByPType "
for step in $(cd "$root" && grep -rhoE 'aiProcess_[A-Za-z]+' src web --include='*.cpp' --include='*.hpp' \
    --exclude-dir=forge | sort -u); do
  if [[ "$assimp_steps" != *" $step "* ]]; then
    echo "effleura-web: the program asks Assimp for $step, which the page's Assimp leaves out: add it to scripts/web.sh (Assimp)" >&2
    exit 1
  fi
done
assimp_off=" -DASSIMP_BUILD_NO_GLTF1_IMPORTER"
for d in $(grep -oE 'ASSIMP_BUILD_NO_[A-Z_]+_PROCESS' "$assimp_dir/code/Common/PostStepRegistry.cpp" | sort -u |
           grep -v -x -E 'ASSIMP_BUILD_NO_(TRIANGULATE|GENVERTEXNORMALS|SORTBYPTYPE|VALIDATEDS|ARMATUREPOPULATE)_PROCESS'); do
  assimp_off+=" -D$d"
done
# ARMATUREPOPULATE stays: its switch also takes members out of aiBone in Assimp's
# public mesh.h, so our files (compiled without it) would read those structs wrongly.
# The objects left out (ValidateDS, MakeVerboseFormat and ProcessHelper are called by what stays).
assimp_skip='assimp\.dir/(AssetLib/STEPParser/|AssetLib/glTF/glTFImporter\.|__/contrib/(poly2tri|clipper|openddlparser)/|PostProcessing/(?!ArmaturePopulate|TriangulateProcess|GenVertexNormalsProcess|SortByPTypeProcess|ProcessHelper|ValidateDataStructure|MakeVerboseFormat))'
# A build folder from before (every object, or other switches) is built again.
if [ ! -f "$out/assimp/lib/libassimp.a" ] || [ "$(cat "$out/assimp/effleura-trim" 2>/dev/null)" != "$assimp_off $assimp_skip" ]; then
  rm -f "$out/assimp/lib/libassimp.a" "$out/assimp/effleura-trim"
  PKG_CONFIG_PATH="$deps/lib/pkgconfig" "${nice[@]}" emcmake cmake -S "$assimp_dir" -B "$out/assimp" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF \
    -DASSIMP_BUILD_ALL_IMPORTERS_BY_DEFAULT=OFF -DASSIMP_BUILD_ALL_EXPORTERS_BY_DEFAULT=OFF \
    -DASSIMP_BUILD_GLTF_IMPORTER=ON -DASSIMP_NO_EXPORT=ON -DASSIMP_BUILD_TESTS=OFF \
    -DASSIMP_BUILD_ASSIMP_TOOLS=OFF -DASSIMP_BUILD_SAMPLES=OFF -DASSIMP_BUILD_DRACO=OFF \
    -DASSIMP_BUILD_ZLIB=OFF -DZLIB_LIBRARY="$deps/lib/libz.a" -DZLIB_INCLUDE_DIR="$deps/include" \
    -DASSIMP_WARNINGS_AS_ERRORS=OFF -DASSIMP_INSTALL=OFF -DASSIMP_INJECT_DEBUG_POSTFIX=OFF \
    -DCMAKE_CXX_FLAGS="-fexceptions -I$inc/utf8cpp$assimp_off" >"$out/assimp-configure.log"
  mapfile -t assimp_objects < <(ninja -C "$out/assimp" -t targets all |
    sed -n 's/^\(code\/CMakeFiles\/assimp\.dir\/[^:]*\.o\): .*/\1/p' | grep -v -P "$assimp_skip")
  "${nice[@]}" ninja -C "$out/assimp" -j "$jobs" "${assimp_objects[@]}"
  mkdir -p "$out/assimp/lib"
  (cd "$out/assimp" && emar rcs lib/libassimp.a "${assimp_objects[@]}")
  echo "$assimp_off $assimp_skip" >"$out/assimp/effleura-trim"
fi

# --- Effleura ------------------------------------------------------------------------------------
mkdir -p "$out/generated"
ln -sfn /usr/include/eigen3/Eigen "$inc/Eigen"
ln -sfn "$meshopt_dir/src/meshoptimizer.h" "$inc/meshoptimizer.h"
version=$(sed -n 's/^project(effleura VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
# The shaders, embedded exactly as the native build embeds them.
mapfile -t shaders < <(find "$root/shaders" -name '*.vert' -o -name '*.frag' -o -name '*.glsl' | sort)
cmake -DOUT="$out/generated/embedded_shaders.cpp" "-DFILES=$(IFS=';'; echo "${shaders[*]}")" \
  -P "$root/cmake/EmbedShadersScript.cmake"

# What a browser cannot do is left out: the ffmpeg pipe (--record), EGL headless rendering and
# the command-line runners built on it, the window's own main(). web/ has the browser's main.
mapfile -t sources < <(cd "$root" && find src/core src/anatomy src/technique src/flow src/practice \
    src/lesson src/render src/ui src/app -name '*.cpp' | sort | grep -v -x -F \
    -e src/core/video_encoder.cpp -e src/render/egl_context.cpp -e src/app/main.cpp \
    -e src/app/record_runner.cpp -e src/app/headless_runner.cpp -e src/app/bench_runner.cpp \
    -e src/app/simulate_runner.cpp -e src/app/hand_report.cpp -e src/app/kiosk_runner.cpp \
    -e src/app/window_runner.cpp)
sources+=(web/web_main.cpp web/browser_only.cpp web/imgui_vertex_array.cpp)
# Exceptions. Debian's Emscripten 3.1.6 has only JavaScript exceptions (its frozen cache holds no
# wasm-exception libraries): in a file compiled with -fexceptions every call that may throw from
# inside a function with cleanups leaves WebAssembly through a JavaScript invoke_* trampoline
# (2,406 a frame in the default view). EFFLEURA_WEB_EXCEPTIONS=catching compiles only the files
# that catch with -fexceptions (the rest in Emscripten's default mode: a throw still unwinds to
# those catches but runs no destructors on the way): 12 trampoline calls a frame, index.wasm 9 %
# smaller, the browser test passes, but in session 18 that page took 168-171 ms of CPU a frame
# against 127 for main's (its renderer process 56-59 ms against 18; not explained, README "In the
# browser", "Exceptions"), so the default stays every file with -fexceptions ("all"). In
# "catching", a header with a catch would need it in every file that includes it: the build stops.
mapfile -t catching < <(cd "$root" && grep -l -E '(^|[^_[:alnum:]])catch *\(' "${sources[@]}")
if [ "${EFFLEURA_WEB_EXCEPTIONS:-all}" != all ] && header=$(cd "$root" && grep -rl -E '(^|[^_[:alnum:]])catch *\(' src web --include='*.hpp' --include='*.h'); then
  echo "effleura-web: $header catches an exception in a header: move the try into a .cpp file (scripts/web.sh, Exceptions)" >&2
  exit 1
fi
if [ "${EFFLEURA_WEB_EXCEPTIONS:-all}" = all ]; then base_eh=" -fexceptions"; else base_eh=; fi
# $deps/include: zlib's headers (the start-up cache's checksums, src/core/cache_file.cpp).
cxxrest="-I$root/web/compat -I$inc -I$inc/stb -I$inc/utf8cpp -I$root/src \
-I$deps/include -I$imgui_dir -I$assimp_dir/include -I$out/assimp/include -DGLM_FORCE_XYZW_ONLY -DTOML_HEADER_ONLY=1 \
-DEFFLEURA_VERSION=\\\"$version\\\" -DIMGUI_IMPL_OPENGL_ES3 -sUSE_GLFW=3 -Xclang -fno-pch-timestamp"
# Optimisation: -O2 (EFFLEURA_WEB_OPT sets another level for compiling and linking,
# EFFLEURA_WEB_LINK_OPT for the link alone: Binaryen's wasm-opt over the same objects;
# EFFLEURA_WEB_SIMD=1 adds -msimd128, WebAssembly's 128-bit vectors, to both; Chromium 156 here
# runs them). Measured in session 21 (README "In the browser"): neither -O3 with SIMD nor an -O3
# link gave a frame time the rounds could tell apart (the renderer process, where the
# WebAssembly runs, is 10-21 ms of a 158-402 ms frame on SwiftShader), and an -O3 link costs
# more CPU on CI's critical path (51 s), so -O2 without SIMD stays.
# With none of them set, the commands are what they were before these switches existed.
simd=; if [ "${EFFLEURA_WEB_SIMD:-0}" = 1 ]; then simd=" -msimd128"; fi
opt="${EFFLEURA_WEB_OPT:--O2}$simd"
link_opt="${EFFLEURA_WEB_LINK_OPT:-${EFFLEURA_WEB_OPT:--O2}}$simd"
cxxflags="$opt -std=c++2b$base_eh $cxxrest"
cxxflags_eh="$opt -std=c++2b -fexceptions $cxxrest"
# Effleura's files through clang directly (above): `em++ --cflags` prints Emscripten's own
# arguments followed by the ones given, but drops the quotes of -DEFFLEURA_VERSION=\"...\", so
# only the optimisation, language and exception flags go through it; the rest follow as em++
# would put them, less the link-only -sUSE_GLFW=3.
# Asked without EM_COMPILER_WRAPPER: with ccache as the wrapper, --cflags also prints clang's own
# path first, which landed in every command as a stray input (clang++ clang++ ...: one "linker
# input unused" warning per file, 200 a build).
clangrest=${cxxrest/ -sUSE_GLFW=3/}
clangflags="$(env -u EM_COMPILER_WRAPPER em++ --cflags $opt -std=c++2b$base_eh) $clangrest"
clangflags_eh="$(env -u EM_COMPILER_WRAPPER em++ --cflags $opt -std=c++2b -fexceptions) $clangrest"
# The page: content, models and the interface font packed into one .data file.
ldflags="$link_opt -fexceptions -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 \
-sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=256MB -sTOTAL_STACK=4MB -sMINIFY_HTML=0 -sEXIT_RUNTIME=0 \
-sEXPORTED_RUNTIME_METHODS=[ccall,FS] -sEXPORTED_FUNCTIONS=[_main,_effleura_load_file] \
--preload-file $root/content@/content --preload-file $root/assets@/assets \
--preload-file /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf@/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
--shell-file $root/web/shell.html -lidbfs.js --pre-js $root/web/page_cache.js"
{
  echo "# Generated by scripts/web.sh. Do not edit."
  echo "rule cxx"
  echo "  command = $cc_wrap$clangxx $clangflags$([ "$pch" = 1 ] && echo ' $pch') -MD -MF \$out.d -c \$in -o \$out"
  echo "  depfile = \$out.d"
  echo "  deps = gcc"
  echo "  description = clang++ \$in"
  # The files that catch (above), without the precompiled header: clang refuses a header built
  # with other exception options.
  echo "rule cxx_eh"
  echo "  command = $cc_wrap$clangxx $clangflags_eh -MD -MF \$out.d -c \$in -o \$out"
  echo "  depfile = \$out.d"
  echo "  deps = gcc"
  echo "  description = clang++ (catches) \$in"
  # The precompiled header (web/pch.hpp), parsed once, then loaded by each of our own files with
  # the same flags (clang refuses a header built with other ones). On by default since a whole
  # page build and the browser test passed with it (README); EFFLEURA_WEB_PCH=0 leaves it out.
  if [ "$pch" = 1 ]; then
    echo "rule pch"
    echo "  command = $cc_wrap$clangxx $clangflags -MD -MF \$out.d -c \$in -o \$out"
    echo "  depfile = \$out.d"
    echo "  deps = gcc"
    echo "  description = clang++ (precompiled header) \$in"
    echo "build obj/pch.hpp.pch: pch $root/web/pch.hpp"
  fi
  # Dear ImGui's OpenGL 3 backend keeps one vertex array object instead of making one a frame:
  # its two calls go to web/imgui_vertex_array.cpp (why there).
  echo "rule cxx_imgui_gl"
  echo "  command = $cc_wrap$clangxx $clangflags -DglGenVertexArrays=effleura_imgui_gen_vertex_arrays -DglDeleteVertexArrays=effleura_imgui_delete_vertex_arrays -MD -MF \$out.d -c \$in -o \$out"
  echo "  depfile = \$out.d"
  echo "  deps = gcc"
  echo "  description = clang++ (one vertex array object) \$in"
  echo "rule link"
  echo "  command = em++ \$in $ldflags -o \$out"
  echo "  description = link \$out"
  objects=()
  for s in "${sources[@]}"; do
    o="obj/${s%.cpp}.o"; objects+=("$o")
    if [ -z "$base_eh" ] && printf '%s\n' "${catching[@]}" | grep -q -x -F "$s"; then
      echo "build $o: cxx_eh $root/$s"
    elif [ "$pch" = 1 ]; then
      echo "build $o: cxx $root/$s | obj/pch.hpp.pch"
      echo "  pch = -include-pch obj/pch.hpp.pch"
    else
      echo "build $o: cxx $root/$s"
    fi
  done
  for s in imgui imgui_draw imgui_tables imgui_widgets backends/imgui_impl_glfw backends/imgui_impl_opengl3; do
    o="obj/imgui/$s.o"; objects+=("$o")
    if [ "$s" = backends/imgui_impl_opengl3 ]; then
      echo "build $o: cxx_imgui_gl $imgui_dir/$s.cpp"
    else
      echo "build $o: cxx $imgui_dir/$s.cpp"
    fi
  done
  for s in "$meshopt_dir"/src/*.cpp; do
    o="obj/meshoptimizer/$(basename "${s%.cpp}").o"; objects+=("$o")
    echo "build $o: cxx $s"
  done
  objects+=(obj/generated/embedded_shaders.o)
  echo "build obj/generated/embedded_shaders.o: cxx $out/generated/embedded_shaders.cpp"
  # The packed files are the link's inputs too: an edited lesson or model repacks index.data (a
  # name with a space, a colon or a dollar would need ninja's escapes; none has one).
  packed=$(find "$root/content" "$root/assets" -type f | LC_ALL=C sort | tr '\n' ' ')
  echo "build site/index.html | site/index.js site/index.wasm site/index.data: link ${objects[*]} $out/assimp/lib/libassimp.a $deps/lib/libminizip.a $deps/lib/libz.a | $root/web/shell.html $root/web/page_cache.js $packed"
} >"$out/build.ninja.tmp"
cmp -s "$out/build.ninja.tmp" "$out/build.ninja" || mv "$out/build.ninja.tmp" "$out/build.ninja"
mkdir -p "$out/site"
"${nice[@]}" ninja -C "$out" -j "$jobs"
cp "$root/web/touch.js" "$out/site/touch.js"
# The preload list is fixed at link time; the link lists every packed file as an input, so a new
# or edited content file relinks.
echo "effleura-web: $out/site built in $(( $(date +%s) - t0 )) s (wall clock)"
( cd "$out/site" && for f in index.html index.js index.wasm index.data touch.js; do
    printf '  %-11s %6d KiB, %6d KiB with gzip -9\n' "$f" $(( $(stat -c %s "$f") / 1024 )) $(( $(gzip -9c "$f" | wc -c) / 1024 ))
  done )

if [ "$serve" = 1 ]; then
  echo "effleura-web: serving $out/site on http://localhost:8000/ (Ctrl-C stops)"
  exec python3 -m http.server 8000 --bind 127.0.0.1 --directory "$out/site"
fi

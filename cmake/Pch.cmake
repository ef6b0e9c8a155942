# Precompiled headers for the native builds (README "Building": the measured compile CPU).
# One header is compiled once per build for all the layer libraries (cmake/pch_layers.hpp) and
# one for all the test executables (tests/support/pch_tests.hpp, with doctest); every other
# target reuses it (REUSE_FROM), so a build compiles two headers, not one per target.
# GCC uses a precompiled header only where the macros and options it was built with match
# (otherwise it quietly parses the header's text: slower, never wrong), so the holders get
# the same usage requirements and flags as the targets that reuse them.
# On by default since session 13 (README "Tests": compile CPU per file 18-37 % lower, A B A B
# with ccache off); -DEFFLEURA_PCH=OFF builds without it. With it, a file that forgets one of
# the header's includes still compiles here; the web build (CI's browser test), which never
# uses this header, fails on it. Never for the fuzz build (clang, its own flags).
option(EFFLEURA_PCH "Precompile the common standard, glm and doctest headers (native builds)" ON)
if(EFFLEURA_FUZZ)
  set(EFFLEURA_PCH OFF)
endif()

# The layers': effleura_core holds it (every layer links core, so all share its macros).
function(effleura_layers_pch)
  if(NOT EFFLEURA_PCH)
    return()
  endif()
  target_precompile_headers(effleura_core PRIVATE
    "$<$<COMPILE_LANGUAGE:CXX>:${PROJECT_SOURCE_DIR}/cmake/pch_layers.hpp>")
  # The generated GL loader is C: no C header is precompiled (CMake would look for one).
  set_source_files_properties(${GLAD_SOURCES} DIRECTORY ${PROJECT_SOURCE_DIR}
    PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
  foreach(target IN LISTS ARGN)
    target_precompile_headers(${target} REUSE_FROM effleura_core)
  endforeach()
endfunction()

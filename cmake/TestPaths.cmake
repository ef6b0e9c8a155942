# The checkout's paths live in one object file (tests/support/test_paths.hpp says why); every
# test program links it, and no other test file is compiled with a path in its flags, so ccache
# serves a test file built in one checkout to every other. Included by tests/ and, in a fuzz-only
# build (scripts/fuzz.sh), by tests/fuzz/.
include_guard(GLOBAL)
add_library(effleura_test_paths OBJECT ${PROJECT_SOURCE_DIR}/tests/support/test_paths.cpp)
if(TARGET effleura-forge)
  set(test_forge_exe "$<TARGET_FILE:effleura-forge>")
else()
  set(test_forge_exe "")
endif()
target_compile_definitions(effleura_test_paths PRIVATE
  EFFLEURA_TEST_SOURCE_DIR="${PROJECT_SOURCE_DIR}" EFFLEURA_TEST_BINARY_DIR="${PROJECT_BINARY_DIR}"
  EFFLEURA_TEST_EXE="$<TARGET_FILE:effleura>" EFFLEURA_TEST_FORGE_EXE="${test_forge_exe}")

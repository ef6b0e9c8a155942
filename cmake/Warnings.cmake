# Strict warnings everywhere; -Werror in test/CI builds (style.md, "Borrow" 8).
function(effleura_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual)
  # GCC 12 reports impossible memcpy overlaps inside std::string at -O3 (GCC bug 105329).
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
    # With the precompiled header (cmake/Pch.cmake) GCC 12 inlines std::string's copy
    # differently and reports, inside char_traits::copy, a write past a 1-byte region
    # (-Wstringop-overflow) or a memcpy "pointer overflow between offset [2, ...] and size
    # [-9223372036854775806, -1]" (-Warray-bounds): 8 files in session 13's first build with it
    # (core/files.cpp, lesson/locale.cpp, forge/description.cpp, ...: string concatenations; no
    # such write exists). Known GCC 12 false positives of std::string's inlined copies in C++20
    # (the same memcpy report in google/googletest#4108 for `char* + string`, micmac#236);
    # off only for that pairing. The sanitized tests still catch a real out-of-bounds write.
    if(EFFLEURA_PCH)
      target_compile_options(${target} PRIVATE -Wno-stringop-overflow -Wno-array-bounds)
    endif()
  endif()
  if(EFFLEURA_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

if(EFFLEURA_SANITIZE)
  # -g1 (after the build type's -g): line tables only, enough for ASan's file:line stack
  # traces; full debug info doubled the sanitized build's compile time (state.cpp: 33 s of
  # CPU with -g, 15 s with -g1), and that build is a third of CI.
  # -fno-sanitize-address-use-after-scope: GCC's default poisons every scope's locals on entry
  # and exit, which made our small glm functions (a mat4 product, a rotation) 40x slower than
  # Release, and the hand fitting 15x (unit_technique: 349 s of the sanitized tests' 1593 s).
  # Without it a glm loop runs 4.7x faster under ASan; overflows of stack, heap and globals,
  # use after free and all of UBSan are still caught: only a local used after its block ends is not.
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined -g1
                      -fno-sanitize-address-use-after-scope)
  add_link_options(-fsanitize=address,undefined)
endif()

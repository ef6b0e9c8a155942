# Writes effleura's man page from its --help and --version (help2man), then tidies two things
# help2man reads loosely from our help layout: the example commands are kept one per line, and
# an option whose argument fills the option column gets its description on its own line.
# Usage: cmake -DHELP2MAN=... -DEXE=... -DINCLUDE=... -DOUT=... -P ManPage.cmake
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=0
          ${HELP2MAN} --no-info --section=1 --include=${INCLUDE}
          "--name=leg massage in 3D: techniques, target areas and venous return" ${EXE}
  OUTPUT_VARIABLE page RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man failed on ${EXE}: ${err}")
endif()

# The examples block: help2man fills it into one paragraph; .nf keeps the lines.
string(REGEX REPLACE "(Examples:\n\\.IP\n)([^.][^\n]*\n([^.][^\n]*\n)*)" "\\1.nf\n\\2.fi\n" page "${page}")
# ".HP\n\fB\-\-screenshot\fR FILE.png Write ..." -> a tagged paragraph like every other option.
string(REGEX REPLACE "\\.HP\n(\\\\fB\\\\-\\\\-[a-z\\\\-]+\\\\fR [A-Z][A-Za-z0-9.]*) " ".TP\n\\1\n" page "${page}")
file(WRITE ${OUT} "${page}")

# The GL loader is generated at build time from the specs bundled with Debian's python3-glad
# (--reproducible: no download). Only GL 3.3 core; EGL comes from the system libEGL.
set(GLAD_OUT ${CMAKE_BINARY_DIR}/glad)
set(GLAD_INCLUDE_DIR ${GLAD_OUT}/include)
set(GLAD_SOURCES ${GLAD_OUT}/src/gl.c)
add_custom_command(
  OUTPUT ${GLAD_SOURCES} ${GLAD_INCLUDE_DIR}/glad/gl.h
  COMMAND ${GLAD_GENERATOR} --api gl:core=3.3 --out-path ${GLAD_OUT} --reproducible --quiet c
  COMMENT "Generating the OpenGL 3.3 core loader with glad"
  VERBATIM)
set_source_files_properties(${GLAD_SOURCES} PROPERTIES GENERATED TRUE)

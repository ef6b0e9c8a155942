# Shaders are real files in shaders/, embedded into the binary at build time so an installed
# or kiosk binary needs no loose files (style.md, "Borrow" 4).
file(GLOB EFFLEURA_SHADER_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/shaders/*.vert
     ${CMAKE_SOURCE_DIR}/shaders/*.frag ${CMAKE_SOURCE_DIR}/shaders/*.glsl)
set(EFFLEURA_SHADER_SOURCE ${CMAKE_BINARY_DIR}/generated/embedded_shaders.cpp)
add_custom_command(
  OUTPUT ${EFFLEURA_SHADER_SOURCE}
  COMMAND ${CMAKE_COMMAND} -DOUT=${EFFLEURA_SHADER_SOURCE} "-DFILES=${EFFLEURA_SHADER_FILES}"
          -P ${CMAKE_SOURCE_DIR}/cmake/EmbedShadersScript.cmake
  DEPENDS ${EFFLEURA_SHADER_FILES} ${CMAKE_SOURCE_DIR}/cmake/EmbedShadersScript.cmake
  COMMENT "Embedding shaders"
  VERBATIM)

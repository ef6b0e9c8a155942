# Installing like desktop software (README "Installing"): `cmake --install` puts everything in
# the standard places (GNUInstallDirs) and `cpack` makes a .deb. The program finds its content
# and assets in ../share/effleura from its own folder (src/app/paths.cpp), so any prefix works.
include(GNUInstallDirs)

set(EFFLEURA_APP_ID org.effleura.Effleura)
set(EFFLEURA_DATA_DIR ${CMAKE_INSTALL_FULL_DATADIR}/effleura)
set(packaging_out ${CMAKE_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${packaging_out})

# Component "effleura" is what a user needs and what the .deb holds. The forge ("forge") is a
# developer's tool that regenerates the committed models; `cmake --install` installs it too,
# but the .deb leaves it out: it would pull OpenVDB, Boost and TBB onto every desktop.
install(TARGETS effleura RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT effleura)
if(TARGET effleura-forge)
  install(TARGETS effleura-forge RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT forge)
endif()
install(DIRECTORY content assets DESTINATION ${CMAKE_INSTALL_DATADIR}/effleura COMPONENT effleura)

install(FILES packaging/${EFFLEURA_APP_ID}.desktop
  DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT effleura)
configure_file(packaging/${EFFLEURA_APP_ID}.metainfo.xml.in
  ${packaging_out}/${EFFLEURA_APP_ID}.metainfo.xml @ONLY)
install(FILES ${packaging_out}/${EFFLEURA_APP_ID}.metainfo.xml
  DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo COMPONENT effleura)

# The icon: our SVG, plus PNGs rendered from it for desktops that want bitmaps.
install(FILES packaging/effleura.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
  RENAME ${EFFLEURA_APP_ID}.svg COMPONENT effleura)
find_program(RSVG_CONVERT rsvg-convert)
set(EFFLEURA_ICON_SIZES 16 24 32 48 64 128 256)
if(RSVG_CONVERT)
  set(icon_pngs)
  foreach(size IN LISTS EFFLEURA_ICON_SIZES)
    set(png ${packaging_out}/icons/${size}x${size}/${EFFLEURA_APP_ID}.png)
    add_custom_command(OUTPUT ${png}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${packaging_out}/icons/${size}x${size}
      COMMAND ${RSVG_CONVERT} -w ${size} -h ${size} -o ${png} ${CMAKE_CURRENT_SOURCE_DIR}/packaging/effleura.svg
      DEPENDS packaging/effleura.svg VERBATIM)
    list(APPEND icon_pngs ${png})
    install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
      COMPONENT effleura)
  endforeach()
  add_custom_target(effleura_icons ALL DEPENDS ${icon_pngs})
else()
  message(STATUS "rsvg-convert not found (librsvg2-bin): installing the SVG icon only")
endif()

# The man page, generated from --help and --version at build time and compressed as Debian
# ships man pages.
find_program(HELP2MAN help2man)
find_program(GZIP gzip)
if(HELP2MAN AND GZIP)
  configure_file(packaging/effleura.h2m.in ${packaging_out}/effleura.h2m @ONLY)
  add_custom_command(OUTPUT ${packaging_out}/effleura.1 ${packaging_out}/effleura.1.gz
    COMMAND ${CMAKE_COMMAND} -DHELP2MAN=${HELP2MAN} -DEXE=$<TARGET_FILE:effleura>
            -DINCLUDE=${packaging_out}/effleura.h2m -DOUT=${packaging_out}/effleura.1
            -P ${CMAKE_CURRENT_SOURCE_DIR}/packaging/ManPage.cmake
    COMMAND ${GZIP} -9nkf ${packaging_out}/effleura.1
    DEPENDS effleura packaging/ManPage.cmake ${packaging_out}/effleura.h2m VERBATIM)
  add_custom_target(effleura_man ALL DEPENDS ${packaging_out}/effleura.1.gz)
  install(FILES ${packaging_out}/effleura.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT effleura)
else()
  message(WARNING "help2man not found (scripts/install-deps.sh installs it): no man page is installed")
endif()

# The .deb: one package, component "effleura". dpkg-shlibdeps finds the libraries' packages;
# what the program loads at run time without linking it is declared by hand: Mesa's EGL and
# its drivers (llvmpipe renders where there is no GPU), the interface font, and ffmpeg for
# --record only.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME effleura)
set(CPACK_PACKAGE_VENDOR "Effleura")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "leg massage in 3D: techniques, target areas and venous return")
set(CPACK_PACKAGE_DESCRIPTION "Effleura teaches leg massage in 3D: animated hands perform ten
classic techniques on a human leg, the target areas light up, and a physical
model of the veins shows the blood each stroke moves. For massage students,
instructors (lessons on a projector) and clinics (a waiting-room loop).
Education, not medical advice.")
set(EFFLEURA_MAINTAINER "Effleura maintainers <maintainers@users.noreply.r-seed-06f5ca70.example>"
  CACHE STRING "Maintainer field of the .deb")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${EFFLEURA_MAINTAINER}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libegl-mesa0, libgl1-mesa-dri, fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "ffmpeg")
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_CMAKE_PROJECTS "${CMAKE_BINARY_DIR};effleura;effleura;/")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)

# The install tests (tests/cli/install_test.cpp) drive the same cmake, cpack and files.
if(TARGET effleura_cli_tests)
  string(JOIN " " icon_sizes ${EFFLEURA_ICON_SIZES})
  target_compile_definitions(effleura_cli_tests PRIVATE
    EFFLEURA_CMAKE="${CMAKE_COMMAND}" EFFLEURA_CPACK="${CMAKE_CPACK_COMMAND}"
    EFFLEURA_APP_ID="${EFFLEURA_APP_ID}" EFFLEURA_ICON_PNG=$<BOOL:${RSVG_CONVERT}>
    EFFLEURA_ICON_SIZES="${icon_sizes}")
  foreach(t effleura_man effleura_icons)
    if(TARGET ${t})
      add_dependencies(effleura_cli_tests ${t})
    endif()
  endforeach()
endif()

# Libraries only the forge needs (docs/anatomy.md says why each one): OpenVDB turns the
# signed-distance description into meshes, meshoptimizer simplifies and orders them.
# Debian installs OpenVDB's Find module under its library folder rather than CMake's.
list(APPEND CMAKE_MODULE_PATH
  /usr/lib/${CMAKE_LIBRARY_ARCHITECTURE}/cmake/OpenVDB /usr/lib/cmake/OpenVDB)
find_package(OpenVDB REQUIRED COMPONENTS openvdb)
find_package(TBB REQUIRED)
find_package(meshoptimizer REQUIRED)
target_link_libraries(effleura_forge PUBLIC meshoptimizer::meshoptimizer
  PRIVATE OpenVDB::openvdb TBB::tbb)

#pragma once
// Checks on the text formats Assimp 5.2 reads line by line (PLY, OFF) that go beyond counts:
// how Assimp recognises them by content, and PLY header shapes its reader mishandles.
#include <string_view>

#include "core/error.hpp"

namespace effleura::anatomy {

// Whether Assimp would read these bytes with its PLY (OFF) reader whatever the file is called:
// it hands a file whose name no reader claims, or a .glb that is not glTF, to the first reader
// that recognises it. PLY: the first line (after one leading line break) starts with "ply" in
// any case. OFF: the first three bytes are "off" in any case.
bool assimp_reads_as_ply(std::string_view text);
bool assimp_reads_as_off(std::string_view text);

// header: the PLY header up to and including its end_header line. Refuses a second vertex
// element, a second face (or tristrips) element, and any element naming that Assimp's reader
// could read more than once (see the .cpp).
Expected<void> check_ply_elements(std::string_view header);

}  // namespace effleura::anatomy

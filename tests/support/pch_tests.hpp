// The test executables' precompiled header (cmake/Pch.cmake): the layers' header and doctest,
// which every one of ~130 test files includes. The three main.cpp files define
// DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN before doctest.h and so are compiled without it.
#pragma once

#include "../../cmake/pch_layers.hpp"

#include <doctest/doctest.h>

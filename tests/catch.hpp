#pragma once
// Catch2 v2 (Debian 12's package) and v3 spell their single include differently.
#if defined(MEMOGRAD_CATCH2_V3)
#include <catch2/catch_all.hpp>
#else
#include <catch2/catch.hpp>
#endif

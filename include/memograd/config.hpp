#pragma once
/// @file
/// @brief The compiler limits memograd's compile-time guards compare against.
///
/// A translation unit cannot ask the compiler which `-fconstexpr-*` or `-ftemplate-depth` flags are in
/// force, so memograd assumes the documented defaults (see docs/compile_time_limits.md) and lets a build
/// that raises a flag say so by defining the matching macro.  The CMake helper
/// `memograd_raise_constexpr_limits(<target>)` raises the flags and defines the macros together.

/// Constexpr call depth in force (`-fconstexpr-depth`, default 512 on GCC and Clang).
#ifndef MEMOGRAD_CONSTEXPR_DEPTH
#define MEMOGRAD_CONSTEXPR_DEPTH 512
#endif

/// Template instantiation depth in force (`-ftemplate-depth`: GCC default 900, Clang default 1024).
#ifndef MEMOGRAD_TEMPLATE_DEPTH
#if defined(__clang__)
#define MEMOGRAD_TEMPLATE_DEPTH 1024
#else
#define MEMOGRAD_TEMPLATE_DEPTH 900
#endif
#endif

/// Define to 1 when `-fconstexpr-ops-limit` (GCC) / `-fconstexpr-steps` (Clang) were raised: the guards
/// that protect the default evaluation budget then step aside.
#ifndef MEMOGRAD_CONSTEXPR_STEPS_RAISED
#define MEMOGRAD_CONSTEXPR_STEPS_RAISED 0
#endif

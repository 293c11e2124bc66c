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

// ---- compilers ----------------------------------------------------------------------------------------
// Compile-time constants live in types as floating-point template arguments (memograd::constant<0.5>):
// Clang 18 was the first Clang to accept them; GCC 12 is the oldest GCC memograd is built and tested with.
#if defined(__clang__)
#if __clang_major__ < 18
#error "memograd needs Clang 18 or newer (floating-point template arguments, memograd::constant<V>); found an older Clang."
#endif
#elif defined(__GNUC__)
#if __GNUC__ < 12
#error "memograd needs GCC 12 or newer (C++20 floating-point template arguments, consteval, constexpr std::vector)."
#endif
#endif

/// Forces inlining of the generated passes' statements (and, on Clang, blocks: MEMOGRAD_BLOCK). Both passes then run inside
/// `value_and_grad`, where the value and adjoint arrays are locals the optimizer keeps in registers:
/// out of line, each block takes them by reference and must assume they alias, and every adjoint it
/// stores is reloaded (measured on Clang: the scalar 2-16-16-1 gradient 1.87x hand-written backprop out
/// of line, 1.16x inlined). Compilers without GNU attributes get a plain `inline` hint.
#if defined(__GNUC__) || defined(__clang__)
#define MEMOGRAD_FORCE_INLINE [[gnu::always_inline]] inline
#else
#define MEMOGRAD_FORCE_INLINE inline
#endif

/// A block of generated statements (passes.hpp: `block_size` nodes). Clang inlines the blocks too (see
/// MEMOGRAD_FORCE_INLINE). GCC keeps each block a function of its own: its alias analysis walks the memory
/// statements of a function pairwise, and one function of ~3,000 statements cost it 4.3 of 16.6 s of
/// compile time for the 2-16-16-1 network, against 0.4 s as blocks (docs/performance.md).
#if defined(__clang__)
#define MEMOGRAD_BLOCK MEMOGRAD_FORCE_INLINE
#elif defined(__GNUC__)
#define MEMOGRAD_BLOCK [[gnu::noinline]] inline
#else
#define MEMOGRAD_BLOCK inline
#endif

// NOLINTBEGIN(modernize-macro-to-enum): the version is for the preprocessor too
/// memograd's major version (0.2 made constants part of the type and run-time doubles per-occurrence nodes).
#define MEMOGRAD_VERSION_MAJOR 0
/// memograd's minor version.
#define MEMOGRAD_VERSION_MINOR 2
/// memograd's patch version.
#define MEMOGRAD_VERSION_PATCH 0
// NOLINTEND(modernize-macro-to-enum)

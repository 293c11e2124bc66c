# The oldest compilers memograd builds with (the same minimums as the #error in memograd/config.hpp):
# GCC 12 and Clang 18, the first to accept floating-point template arguments (memograd::constant<0.5>)
# with everything else memograd's constant expressions use. Included by memograd's own build and by its
# installed package config, so a consumer's configure step says it before a compile does.
set(MEMOGRAD_MINIMUM_GCC 12)
set(MEMOGRAD_MINIMUM_CLANG 18)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS MEMOGRAD_MINIMUM_GCC)
    message(FATAL_ERROR "memograd needs GCC ${MEMOGRAD_MINIMUM_GCC} or newer; this is GCC "
                        "${CMAKE_CXX_COMPILER_VERSION}. Configure with -DCMAKE_CXX_COMPILER=g++-12 (or newer).")
elseif(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS MEMOGRAD_MINIMUM_CLANG)
    message(FATAL_ERROR "memograd needs Clang ${MEMOGRAD_MINIMUM_CLANG} or newer; this is Clang "
                        "${CMAKE_CXX_COMPILER_VERSION}. Configure with -DCMAKE_CXX_COMPILER=clang++-19 (Debian 12: "
                        "package clang-19; plain clang++ there is Clang 14).")
endif()

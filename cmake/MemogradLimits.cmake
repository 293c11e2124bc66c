# memograd_raise_constexpr_limits(<target> [DEPTH <n>] [TEMPLATE_DEPTH <n>])
#
# Raises the compiler's constant-evaluation budget for <target> and tells memograd's guards so
# (MEMOGRAD_CONSTEXPR_STEPS_RAISED=1, MEMOGRAD_CONSTEXPR_DEPTH, MEMOGRAD_TEMPLATE_DEPTH), which is what
# computing F(100000) as a constant needs.  Flags per compiler:
#   GCC:   -fconstexpr-ops-limit=2^36 -fconstexpr-loop-limit=2^30 [-fconstexpr-depth=] [-ftemplate-depth=]
#   Clang: -fconstexpr-steps=2^31-1                               [-fconstexpr-depth=] [-ftemplate-depth=]
function(memograd_raise_constexpr_limits target)
    cmake_parse_arguments(PARSE_ARGV 1 ARG "" "DEPTH;TEMPLATE_DEPTH" "")
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        target_compile_options(${target} PRIVATE -fconstexpr-ops-limit=68719476736 -fconstexpr-loop-limit=1073741824)
    elseif(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        target_compile_options(${target} PRIVATE -fconstexpr-steps=2147483647)
    else()
        message(WARNING "memograd_raise_constexpr_limits: unknown compiler ${CMAKE_CXX_COMPILER_ID}; flags unchanged")
    endif()
    target_compile_definitions(${target} PRIVATE MEMOGRAD_CONSTEXPR_STEPS_RAISED=1)
    if(ARG_DEPTH)
        target_compile_options(${target} PRIVATE -fconstexpr-depth=${ARG_DEPTH})
        target_compile_definitions(${target} PRIVATE MEMOGRAD_CONSTEXPR_DEPTH=${ARG_DEPTH})
    endif()
    if(ARG_TEMPLATE_DEPTH)
        target_compile_options(${target} PRIVATE -ftemplate-depth=${ARG_TEMPLATE_DEPTH})
        target_compile_definitions(${target} PRIVATE MEMOGRAD_TEMPLATE_DEPTH=${ARG_TEMPLATE_DEPTH})
    endif()
endfunction()

# memograd_emit_header(<generator> <header>)
# Runs the executable target <generator> at build time and writes what it prints to <header> (a path
# under the build tree): the tests and benchmarks compile code that memograd::cpp_source emitted.
function(memograd_emit_header generator header)
    get_filename_component(dir "${header}" DIRECTORY)
    add_custom_command(OUTPUT "${header}"
                       COMMAND ${CMAKE_COMMAND} -E make_directory "${dir}"
                       COMMAND ${generator} > "${header}"
                       DEPENDS ${generator} VERBATIM)
endfunction()

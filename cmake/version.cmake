# Run at each build (cmake -P): writes OUTPUT from INPUT with the version and the commit,
# touching OUTPUT only when its text changes, so an unchanged commit rebuilds nothing.
# In: SOURCE_DIR, INPUT, OUTPUT, VERSION.
set(commit "unknown")
find_package(Git QUIET)
if(GIT_FOUND AND EXISTS "${SOURCE_DIR}/.git")
  execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse --short=12 HEAD
                  WORKING_DIRECTORY "${SOURCE_DIR}" OUTPUT_VARIABLE head
                  OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE failed ERROR_QUIET)
  if(NOT failed AND head)
    set(commit "${head}")
    execute_process(COMMAND "${GIT_EXECUTABLE}" diff --quiet HEAD --
                    WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE dirty ERROR_QUIET)
    if(dirty)
      string(APPEND commit "-dirty")
    endif()
  endif()
endif()
set(POOLSCOPE_VERSION_TEXT "${VERSION} (commit ${commit})")
configure_file("${INPUT}" "${OUTPUT}" @ONLY)

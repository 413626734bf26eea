# Run at build time (cmake -P): writes OUTPUT, a gzipped manual page made by help2man from
# PROGRAM's --help and --version, so that the page never drifts from the options. For a
# program with subcommands (SUBCOMMANDS, a ;-list), each one's --help is a section too.
# In: PROGRAM, NAME (the one-line description), VERSION, OUTPUT, HELP2MAN, GZIP, SUBCOMMANDS.
get_filename_component(dir "${OUTPUT}" DIRECTORY)
get_filename_component(program_name "${PROGRAM}" NAME)
get_filename_component(program_dir "${PROGRAM}" DIRECTORY)
set(include "${dir}/${program_name}.h2m")
if(program_name STREQUAL "poolscope")
  set(other poolscope-cli)
else()
  set(other poolscope)
endif()
set(text "[see also]\n.BR ${other} (1);\nthe README in /usr/share/doc/poolscope.\n")
if(SUBCOMMANDS)
  string(APPEND text "\n[commands]\n")
  foreach(sub IN LISTS SUBCOMMANDS)
    # Found on PATH, so that its usage line names it as a user types it, not by the
    # build folder's path.
    execute_process(
      COMMAND "${CMAKE_COMMAND}" -E env "PATH=${program_dir}:$ENV{PATH}" ${program_name} ${sub} --help
      OUTPUT_VARIABLE help RESULT_VARIABLE failed)
    if(failed)
      message(FATAL_ERROR "${PROGRAM} ${sub} --help failed")
    endif()
    # Without the "Read more" footer, said once at the end; verbatim, with roff's backslash escaped and a leading dot or quote made literal.
    string(REGEX REPLACE "\nRead more:[^\n]*\n" "\n" help "${help}")
    string(REPLACE "\\" "\\e" help "${help}")
    string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
    string(APPEND text ".SS ${sub}\n.nf\n${help}.fi\n")
  endforeach()
endif()
file(WRITE "${include}" "${text}")
# The date comes from SOURCE_DATE_EPOCH when set (reproducible builds).
execute_process(
  COMMAND "${HELP2MAN}" --no-info --no-discard-stderr --name "${NAME}" --include "${include}"
          --version-string "${VERSION}"
          --output "${dir}/${program_name}.1" "${PROGRAM}"
  RESULT_VARIABLE failed ERROR_VARIABLE error)
if(failed)
  message(FATAL_ERROR "help2man failed for ${PROGRAM}: ${error}")
endif()
execute_process(COMMAND "${GZIP}" -9nf "${dir}/${program_name}.1" RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "gzip failed for ${dir}/${program_name}.1")
endif()

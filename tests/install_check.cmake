# ctest: `cmake --install` into an empty prefix lays out the desktop app's tree
# (cmake/install.cmake), and the installed binaries run from there: they print their
# version with the commit, and the app finds its lessons under <prefix>/share/poolscope
# with the source tree's lessons out of reach. In: BUILD_DIR, PREFIX, MANPAGES (whether
# this build makes manual pages: not the sanitizer builds).
# Under ASan, leaks inside the GL and X libraries are no finding here (as in
# tests/gui/gui_harness); the app's own code is leak-checked by the unit tests.
set(ENV{ASAN_OPTIONS} "$ENV{ASAN_OPTIONS}:detect_leaks=0")
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                OUTPUT_QUIET RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "cmake --install failed")
endif()
set(id org.poolscope.Poolscope)
foreach(f bin/poolscope bin/poolscope-cli share/applications/${id}.desktop
          share/metainfo/${id}.metainfo.xml share/mime/packages/${id}.xml
          share/icons/hicolor/scalable/apps/${id}.svg share/icons/hicolor/16x16/apps/${id}.png
          share/icons/hicolor/256x256/apps/${id}.png share/doc/poolscope/copyright
          share/poolscope/lessons/hello-pool.json share/poolscope/lessons/your-own-pool.json)
  if(NOT EXISTS "${PREFIX}/${f}")
    message(FATAL_ERROR "cmake --install did not lay out ${f}")
  endif()
endforeach()
if(MANPAGES AND NOT EXISTS "${PREFIX}/share/man/man1/poolscope.1.gz"
   OR MANPAGES AND NOT EXISTS "${PREFIX}/share/man/man1/poolscope-cli.1.gz")
  message(FATAL_ERROR "cmake --install did not lay out the manual pages")
endif()
foreach(program poolscope poolscope-cli)
  execute_process(COMMAND "${PREFIX}/bin/${program}" --version OUTPUT_VARIABLE version)
  if(NOT version MATCHES "^${program} [0-9]+\\.[0-9]+\\.[0-9]+ \\(commit [0-9a-f]+(-dirty)?\\)\n$"
     AND NOT version MATCHES "^${program} [0-9]+\\.[0-9]+\\.[0-9]+ \\(commit unknown\\)\n$")
    message(FATAL_ERROR "${program} --version printed: ${version}")
  endif()
  execute_process(COMMAND "${PREFIX}/bin/${program}" --help OUTPUT_VARIABLE help)
  if(NOT help MATCHES "Read more: man ${program}")
    message(FATAL_ERROR "${program} --help does not end with where to read more")
  endif()
endforeach()
execute_process(
  COMMAND "${CMAKE_COMMAND}" -E env --unset=POOLSCOPE_LESSONS POOLSCOPE_NO_SOURCE_ASSETS=1
          xvfb-run -a -s "-screen 0 800x600x24" "${PREFIX}/bin/poolscope" --no-prefs
          --size 800x600 --frames 2 --preset your-own-pool --screenshot "${PREFIX}/shot.png"
          --picture-report "${PREFIX}/report.json"
  RESULT_VARIABLE failed OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(failed)
  message(FATAL_ERROR "the installed poolscope failed: ${out}")
endif()
file(READ "${PREFIX}/report.json" report)
string(JSON loaded GET "${report}" lessons loaded)
file(GLOB lessons "${PREFIX}/share/poolscope/lessons/*.json")
list(LENGTH lessons count)
if(NOT loaded EQUAL count)
  message(FATAL_ERROR "the installed poolscope loaded ${loaded} lessons of ${count}: ${report}")
endif()
message(STATUS "install: ${count} lessons found under ${PREFIX}/share/poolscope")

# What `cmake --install` lays out under the prefix, as a Debian desktop app expects:
#   bin/poolscope, bin/poolscope-cli              (installed by their own folders)
#   share/poolscope/lessons/                      (the lessons; fonts come from the system)
#   share/applications/org.poolscope.Poolscope.desktop
#   share/metainfo/org.poolscope.Poolscope.metainfo.xml
#   share/mime/packages/org.poolscope.Poolscope.xml   (NAME.poolscope.json scenario files)
#   share/icons/hicolor/{16x16..256x256,scalable}/apps/org.poolscope.Poolscope.{png,svg}
#   share/man/man1/poolscope.1.gz, poolscope-cli.1.gz  (generated from --help)
#   share/doc/poolscope/{copyright,README.md}
# and the Debian package made from it (cpack -G DEB; scripts/package.sh).
include(GNUInstallDirs)
set(POOLSCOPE_APP_ID org.poolscope.Poolscope)
set(desktop ${PROJECT_SOURCE_DIR}/assets/desktop)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/lessons DESTINATION ${CMAKE_INSTALL_DATADIR}/poolscope
        PATTERN README.md EXCLUDE)
install(FILES ${desktop}/${POOLSCOPE_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${desktop}/${POOLSCOPE_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${desktop}/poolscope-mime.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
        RENAME ${POOLSCOPE_APP_ID}.xml)
foreach(size 16 24 32 48 64 128 256)
  install(FILES ${desktop}/icons/${size}x${size}/${POOLSCOPE_APP_ID}.png
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
install(FILES ${desktop}/icons/${POOLSCOPE_APP_ID}.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${desktop}/copyright ${PROJECT_SOURCE_DIR}/README.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# Manual pages, made from each binary's --help by help2man at build time. Not in the
# sanitizer builds: their binaries' leak report at exit is no business of a build step.
find_program(HELP2MAN_EXECUTABLE help2man)
find_program(GZIP_EXECUTABLE gzip)
set(manpages OFF)
if(HELP2MAN_EXECUTABLE AND GZIP_EXECUTABLE AND NOT POOLSCOPE_SANITIZE AND NOT POOLSCOPE_FUZZ)
  set(manpages ON)
endif()
set_property(GLOBAL PROPERTY POOLSCOPE_MANPAGES ${manpages})
if(manpages)
  set(man_dir ${PROJECT_BINARY_DIR}/man)
  file(MAKE_DIRECTORY ${man_dir})
  set(pages)
  foreach(page poolscope poolscope-cli)
    if(page STREQUAL "poolscope")
      set(name "watch Go's worker-pool pattern run, and change it live")
      set(subcommands "")
    else()
      set(name "run Go worker-pool scenarios and Go programs headless")
      set(subcommands "presets;run;sweep;export-go;bench;run-go")
    endif()
    add_custom_command(
      OUTPUT ${man_dir}/${page}.1.gz
      COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:${page}> "-DNAME=${name}"
              -DVERSION=${PROJECT_VERSION} -DOUTPUT=${man_dir}/${page}.1.gz -DHELP2MAN=${HELP2MAN_EXECUTABLE}
              -DGZIP=${GZIP_EXECUTABLE} "-DSUBCOMMANDS=${subcommands}"
              -P ${PROJECT_SOURCE_DIR}/cmake/manpage.cmake
      DEPENDS ${page} ${PROJECT_SOURCE_DIR}/cmake/manpage.cmake
      COMMENT "Manual page ${page}.1 from --help"
      VERBATIM)
    list(APPEND pages ${man_dir}/${page}.1.gz)
  endforeach()
  add_custom_target(poolscope_manpages ALL DEPENDS ${pages})
  install(FILES ${pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
elseif(NOT POOLSCOPE_SANITIZE AND NOT POOLSCOPE_FUZZ)
  message(STATUS "help2man or gzip not found: no manual pages (scripts/setup-deps.sh installs help2man)")
endif()

# The Debian package (cpack -G DEB, run by scripts/package.sh): what cmake/install.cmake
# lays out, under /usr. Depends comes from the binaries' shared libraries
# (dpkg-shlibdeps); fonts and ffmpeg are recommended (the app falls back to its own font
# and to PNG frames without them), Go is suggested (to compare with the real runtime).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME poolscope)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# The Debian revision: 0.1.0-1, a package of the project's 0.1.0 (its changelog.Debian).
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_PACKAGE_VENDOR "The Poolscope developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "watch Go's worker-pool pattern run, and change it live")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "The Poolscope developers <maintainers@poolscope.invalid>")
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-inter-variable, fonts-jetbrains-mono, ffmpeg")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "golang-go")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
# The long description (CPack puts the summary above it as the synopsis).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Poolscope teaches bounded concurrency the way Go does it. It runs worker-pool
programs on a deterministic simulation of Go's runtime (goroutines, channels,
close, range, select, WaitGroup, errgroup with SetLimit) and animates them:
workers, the queue of jobs, blocked senders and results. Lessons cover each
concept and pitfall; learners can change settings live, step and scrub, compare
two runs, write their own Go programs, and record videos. poolscope-cli runs
the same scenarios headless.")

include(GNUInstallDirs)
# Debian's changelog, compressed as policy asks (gzip -9n: no name or time inside).
find_program(GZIP_EXECUTABLE gzip REQUIRED)
set(changelog ${PROJECT_BINARY_DIR}/changelog.Debian.gz)
execute_process(COMMAND ${GZIP_EXECUTABLE} -9nc ${PROJECT_SOURCE_DIR}/assets/desktop/changelog.Debian
                OUTPUT_FILE ${changelog})
install(FILES ${changelog} DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/assets/desktop/lintian-overrides
        DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME poolscope)
include(CPack)

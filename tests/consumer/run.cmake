# Configures, builds and runs tests/consumer against rco-audit, either through
# add_subdirectory or through an install tree and find_package. In find_package mode,
# SHARED=ON builds and installs a shared library (BUILD_SHARED_LIBS) with the command line,
# and PKGCONFIG=ON also builds the consumer with the flags of the installed rco_audit.pc
# (pkg-config --cflags --libs rco_audit).
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc WORKING_DIRECTORY ${WORK_DIR})
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}")
  endif()
endfunction()
if(NOT DEFINED SHARED)
  set(SHARED OFF)
endif()
# Unoptimized: these tests check packaging, and -O0 builds the library in half the time.
set(BUILD_TYPE Debug)
set(extra)
set(prefix ${WORK_DIR}/prefix)
if(MODE STREQUAL "find_package")
  run(${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR}/lib -G ${GENERATOR} -DCMAKE_BUILD_TYPE=${BUILD_TYPE}
      -DRCO_BUILD_TESTS=OFF -DRCO_BUILD_TOOLS=${SHARED} -DRCO_BUILD_BENCH=OFF -DRCO_INSTALL=ON
      -DBUILD_SHARED_LIBS=${SHARED} -DCMAKE_INSTALL_PREFIX=${prefix} -DCMAKE_INSTALL_LIBDIR=lib)
  run(${CMAKE_COMMAND} --build ${WORK_DIR}/lib -j 2)
  run(${CMAKE_COMMAND} --install ${WORK_DIR}/lib)
  set(extra -DCMAKE_PREFIX_PATH=${prefix})
  # The installed library is the kind asked for.
  if(SHARED)
    file(GLOB libs ${prefix}/lib/librco_audit.so.0*)
    file(GLOB static_libs ${prefix}/lib/librco_audit.a)
  else()
    file(GLOB libs ${prefix}/lib/librco_audit.a)
    file(GLOB static_libs ${prefix}/lib/librco_audit.so*)
  endif()
  if(NOT libs OR static_libs)
    message(FATAL_ERROR "SHARED=${SHARED}: unexpected libraries in ${prefix}/lib: ${libs} ${static_libs}")
  endif()
  foreach(schema rco-record-1.schema.json rco-audit-report-1.schema.json rco-audit-diff-1.schema.json
                 rco-tailoring-1.schema.json)
    if(NOT EXISTS ${prefix}/share/rco_audit/schema/${schema})
      message(FATAL_ERROR "${schema} is not installed")
    endif()
  endforeach()
endif()
run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/consumer -B ${WORK_DIR}/build -G ${GENERATOR}
    -DCMAKE_BUILD_TYPE=${BUILD_TYPE} -DRCO_CONSUMER_MODE=${MODE} -DRCO_SOURCE_DIR=${SOURCE_DIR} ${extra})
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build -j 2)
run(${WORK_DIR}/build/consumer)

if(SHARED AND MODE STREQUAL "find_package")
  # With the command line come its bash completion script and (with help2man) its manual page.
  if(NOT EXISTS ${prefix}/share/bash-completion/completions/rco-audit)
    message(FATAL_ERROR "the bash completion script is not installed")
  endif()
  find_program(HELP2MAN help2man)
  if(HELP2MAN AND NOT EXISTS ${prefix}/share/man/man1/rco-audit.1)
    message(FATAL_ERROR "the manual page is not installed")
  endif()
  # The installed command line finds the installed shared library (its RPATH), from any directory.
  execute_process(COMMAND ${prefix}/bin/rco-audit check ${SOURCE_DIR}/examples/harbor-recovery-community.json
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err WORKING_DIRECTORY ${WORK_DIR})
  if(NOT rc EQUAL 0 OR NOT out MATCHES "MEETS THE STANDARDS")
    message(FATAL_ERROR "the installed rco-audit failed (${rc}): ${out}${err}")
  endif()
endif()

if(PKGCONFIG)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env PKG_CONFIG_PATH=${prefix}/lib/pkgconfig
                          pkg-config --cflags --libs rco_audit
                  RESULT_VARIABLE rc OUTPUT_VARIABLE flags ERROR_VARIABLE err OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "pkg-config --cflags --libs rco_audit failed (${rc}): ${err}")
  endif()
  message(STATUS "pkg-config --cflags --libs rco_audit: ${flags}")
  if(NOT flags MATCHES "-lrco_audit" OR NOT flags MATCHES "-I[^ ]*include")
    message(FATAL_ERROR "unexpected pkg-config flags: ${flags}")
  endif()
  separate_arguments(flags UNIX_COMMAND "${flags}")
  run(${CXX} -std=c++20 ${SOURCE_DIR}/tests/consumer/main.cpp ${flags} -o ${WORK_DIR}/consumer-pkgconfig)
  run(${CMAKE_COMMAND} -E env LD_LIBRARY_PATH=${prefix}/lib ${WORK_DIR}/consumer-pkgconfig)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env PKG_CONFIG_PATH=${prefix}/lib/pkgconfig
                          pkg-config --modversion rco_audit OUTPUT_VARIABLE version OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT version STREQUAL "${VERSION}")
    message(FATAL_ERROR "pkg-config --modversion rco_audit: '${version}', expected '${VERSION}'")
  endif()
endif()

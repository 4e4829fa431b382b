# The README's library example (built as readme_example from README.md) against the
# command line, run from SOURCE_DIR:
#   * on every example record its JSON report equals `rco-audit check FILE --format json`
#     byte for byte, and its exit code is the CLI's;
#   * a missing file and a malformed record end it with exit code 2 and a located error,
#     without falling through to the audit.
function(run_both file)
  execute_process(COMMAND ${EXAMPLE} ${file} WORKING_DIRECTORY ${SOURCE_DIR}
                  OUTPUT_VARIABLE lib_out ERROR_VARIABLE lib_err RESULT_VARIABLE lib_rc)
  execute_process(COMMAND ${CLI} check ${file} --format json WORKING_DIRECTORY ${SOURCE_DIR}
                  OUTPUT_VARIABLE cli_out ERROR_VARIABLE cli_err RESULT_VARIABLE cli_rc)
  if(NOT lib_rc STREQUAL cli_rc)
    message(FATAL_ERROR "${file}: the README example exits ${lib_rc}, rco-audit ${cli_rc}\n${lib_err}")
  endif()
  if(NOT lib_out STREQUAL cli_out)
    file(WRITE ${WORK_DIR}/library.json "${lib_out}")
    file(WRITE ${WORK_DIR}/cli.json "${cli_out}")
    message(FATAL_ERROR "${file}: the README example's report differs from rco-audit's "
                        "(diff ${WORK_DIR}/library.json ${WORK_DIR}/cli.json)")
  endif()
  string(LENGTH "${lib_out}" n)
  message(STATUS "${file}: identical reports (${n} bytes), exit ${lib_rc}")
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
file(GLOB records RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/examples/*-*.json ${SOURCE_DIR}/examples/*.xml)
list(FILTER records EXCLUDE REGEX "tailoring-|starter-")
list(LENGTH records count)
if(count LESS 6)
  message(FATAL_ERROR "expected the six example records, found: ${records}")
endif()
foreach(file IN LISTS records)
  run_both(${file})
endforeach()

# A failed read stops the program: exit 2, the located error, nothing on standard output.
file(WRITE ${WORK_DIR}/malformed.json "{\"format\": \"rco-record/1\",\n  \"as_of\": 2026\n}\n")
foreach(case "${WORK_DIR}/missing.json|missing.json" "${WORK_DIR}/malformed.json|malformed.json:2:")
  string(REPLACE "|" ";" case "${case}")
  list(GET case 0 file)
  list(GET case 1 expected)
  execute_process(COMMAND ${EXAMPLE} ${file} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  string(FIND "${err}" "${expected}" at)
  if(NOT rc EQUAL 2 OR NOT out STREQUAL "" OR at EQUAL -1)
    message(FATAL_ERROR "${file}: expected exit 2 and an error naming '${expected}', got exit ${rc}\n"
                        "stdout: ${out}\nstderr: ${err}")
  endif()
  message(STATUS "${file}: exit 2, ${err}")
endforeach()

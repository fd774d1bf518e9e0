# cmake -DCLANG_FORMAT=... -DROOT=... -P check_style.cmake
# Every .cpp and .h under app/, ui/, models/ and tests/ is run through clang-format in
# dry-run mode; any difference is an error naming the file and line.
file(GLOB_RECURSE files LIST_DIRECTORIES false
     "${ROOT}/app/*.cpp" "${ROOT}/app/*.h" "${ROOT}/ui/*.cpp" "${ROOT}/ui/*.h"
     "${ROOT}/models/*.cpp" "${ROOT}/models/*.h" "${ROOT}/tests/*.cpp" "${ROOT}/tests/*.h")
list(LENGTH files count)
execute_process(COMMAND "${CLANG_FORMAT}" --dry-run -Werror --style=file ${files}
                WORKING_DIRECTORY "${ROOT}" RESULT_VARIABLE rc ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
    message("${out}")
    message(FATAL_ERROR "files differ from .clang-format; run clang-format -i on them")
endif()
message(STATUS "${count} files follow .clang-format")

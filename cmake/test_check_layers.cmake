# The test of cmake/check_layers.cmake (CTest: check_layers_rejects): one temporary src/ tree per
# broken rule must fail the check, and a tree within the rules must pass it.
#   cmake -DWORK=<scratch folder> -P cmake/test_check_layers.cmake
set(CHECK ${CMAKE_CURRENT_LIST_DIR}/check_layers.cmake)

# Writes `include` into src/<layer>/x.hpp of a fresh tree and runs the check; fails this test unless
# the check's verdict is `expect` (PASS or FAIL).
function(expect_check expect layer include)
  set(tree ${WORK}/tree)
  file(REMOVE_RECURSE ${tree})
  file(WRITE ${tree}/${layer}/${ARGN}x.hpp "#pragma once\n#include <vector>\n#include ${include}\n")
  execute_process(COMMAND ${CMAKE_COMMAND} -DSRC=${tree} -P ${CHECK} RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
  if((expect STREQUAL "FAIL") EQUAL (rc EQUAL 0))
    message(FATAL_ERROR "check_layers should ${expect} src/${layer}/${ARGN} including ${include} (exit ${rc})")
  endif()
endfunction()

expect_check(FAIL core [["io/plan_file.hpp"]])
expect_check(FAIL core [["ui/app.hpp"]])
expect_check(FAIL core [["app/cli_files.hpp"]])
expect_check(FAIL core [[<nlohmann/json.hpp>]])
expect_check(FAIL core [[<imgui.h>]])
expect_check(FAIL core [["plan.hpp"]])
expect_check(FAIL io [["ui/document/document.hpp"]])
expect_check(FAIL ui [["app/platform_web.hpp"]] panels/)  # a file in a layer's subfolder is checked too
expect_check(FAIL io [["app/cli_files.hpp"]])
expect_check(FAIL io [[<imgui.h>]])
expect_check(FAIL ui [["app/platform_web.hpp"]])
expect_check(FAIL ui [[<emscripten.h>]])
expect_check(PASS core [["core/plan.hpp"]])
expect_check(FAIL io [[<nlohmann/json.hpp>]])  # only io/json_library.hpp may: it routes the number reading
expect_check(FAIL app [[<nlohmann/json.hpp>]])
expect_check(PASS io [["io/json_library.hpp"]])
expect_check(PASS ui [["io/plan_file.hpp"]])
expect_check(PASS ui [[<imgui_internal.h>]])
expect_check(PASS app [["ui/app.hpp"]])

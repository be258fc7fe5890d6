# The test suites, one CTest test each (`ctest -R NAME` runs one alone; scripts/test, run by
# `make test`, runs every build folder's and adds up the cases). Each build folder registers what
# it builds: build/native unit_native, ui_native, cli, check_layers_rejects; build/wasm unit_wasm,
# browser, firefox; build/sanitize unit_sanitize, ui_sanitize; build/fuzz fuzz (cmake/checks.cmake).
# scripts/run_suite runs a suite and counts its test cases. The node suites use the fixed folders
# their harnesses name (build/native, build/web, dist), as `make test` builds them.
set(RUN_SUITE ${CMAKE_SOURCE_DIR}/scripts/run_suite)
if(EMSCRIPTEN)
  set(SUITE_BUILD wasm)
elseif(FIDUCIA_SANITIZE)
  set(SUITE_BUILD sanitize)
else()
  set(SUITE_BUILD native)
endif()

if(EMSCRIPTEN)
  add_test(NAME unit_wasm COMMAND ${RUN_SUITE} doctest unit_wasm node $<TARGET_FILE:unit_tests>)
else()
  add_test(NAME unit_${SUITE_BUILD} COMMAND ${RUN_SUITE} doctest unit_${SUITE_BUILD} $<TARGET_FILE:unit_tests>)
  add_test(NAME ui_${SUITE_BUILD} COMMAND ${RUN_SUITE} doctest ui_${SUITE_BUILD} $<TARGET_FILE:ui_tests>)
endif()

if(SUITE_BUILD STREQUAL "native")
  file(GLOB CLI_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/e2e/cli*.test.mjs)
  add_test(NAME cli COMMAND ${RUN_SUITE} node cli ${CLI_TESTS} WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  # The share-link decoder is JavaScript: fuzzed under node, not libFuzzer (tests/e2e/fuzz-share-link.test.mjs).
  add_test(NAME fuzz_share_link COMMAND ${RUN_SUITE} node fuzz_share_link ${CMAKE_SOURCE_DIR}/tests/e2e/fuzz-share-link.test.mjs
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  add_test(NAME check_layers_rejects
           COMMAND ${RUN_SUITE} pass check_layers_rejects ${CMAKE_COMMAND} -DWORK=${CMAKE_BINARY_DIR}/check_layers_test
                   -P ${CMAKE_SOURCE_DIR}/cmake/test_check_layers.cmake)
endif()
if(SUITE_BUILD STREQUAL "wasm")
  file(GLOB BROWSER_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/e2e/browser*.test.mjs)
  add_test(NAME browser COMMAND ${RUN_SUITE} node browser ${BROWSER_TESTS} WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(browser PROPERTIES TIMEOUT 3600)  # headless Chromium, some minutes
  # Debian's Firefox ESR over WebDriver BiDi (puppeteer-core), headful on Xvfb: headless Firefox has no WebGL.
  add_test(NAME firefox COMMAND ${RUN_SUITE} node firefox ${CMAKE_SOURCE_DIR}/tests/e2e/firefox.test.mjs
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(firefox PROPERTIES TIMEOUT 900)
endif()

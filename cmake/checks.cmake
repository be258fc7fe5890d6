# Fuzz targets (clang's libFuzzer with ASan + UBSan), built in their own folder by `make fuzz`
# and the short fuzz pass of `make test`: cmake -DFIDUCIA_FUZZ=ON with CXX=clang++.
file(GLOB FUZZ_SOURCES CONFIGURE_DEPENDS tests/fuzz/fuzz_*.cpp)
foreach(source ${FUZZ_SOURCES})
  get_filename_component(name ${source} NAME_WE)
  add_executable(${name} ${source})
  target_link_libraries(${name} PRIVATE fiducia_io)
  target_compile_options(${name} PRIVATE -fsanitize=fuzzer)
  target_link_options(${name} PRIVATE -fsanitize=fuzzer)
endforeach()
# The seeds made from the examples for the targets that read more than one plan (scripts/fuzz).
add_executable(make_seeds tests/fuzz/make_seeds.cpp)
target_link_libraries(make_seeds PRIVATE fiducia_io)

# A short fuzz pass for CTest (cmake/tests.cmake): 60 s over every target; a crash fails it.
add_test(NAME fuzz COMMAND ${CMAKE_SOURCE_DIR}/scripts/run_suite pass fuzz ${CMAKE_SOURCE_DIR}/scripts/fuzz 60
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})

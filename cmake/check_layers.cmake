# The layers of src/, checked at every build: core (the model) includes only itself and the
# standard library; io adds core and nlohmann; ui adds io and Dear ImGui; app may include anything.
# So the model never grows a dependency on files or the UI. Each layer's allowed #include lines are
# one pattern below; any other include fails the build, naming the file and the line.
#   cmake -DSRC=<a src folder> -P cmake/check_layers.cmake   (the build runs it on src/, the test
#   check_layers_rejects on a bad tree)
set(STANDARD [=[<[a-z_]+>]=])  # <vector>, <string_view>: the standard headers, no '.' or '/'
set(ALLOWED_core "^(${STANDARD}|\"core/[^\"]+\")$")
set(ALLOWED_io "^(${STANDARD}|<nlohmann/[^>]+>|\"(core|io)/[^\"]+\")$")
set(ALLOWED_ui "^(${STANDARD}|<nlohmann/[^>]+>|<imgui[a-z_]*\\.h>|\"(core|io|ui)/[^\"]+\")$")

if(NOT SRC)
  message(FATAL_ERROR "check_layers: pass -DSRC=<src folder>")
endif()
set(broken "")
foreach(layer core io ui)
  file(GLOB_RECURSE files ${SRC}/${layer}/*.cpp ${SRC}/${layer}/*.hpp)
  foreach(file ${files})
    file(STRINGS ${file} includes REGEX "^[ \t]*#[ \t]*include")
    foreach(line ${includes})
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*([<\"][^>\"]*[>\"]).*$" "\\1" included "${line}")
      if(NOT included MATCHES "${ALLOWED_${layer}}")
        string(APPEND broken "\n  ${file}: ${line}")
      endif()
    endforeach()
  endforeach()
endforeach()
# nlohmann/json only through io/json_library.hpp, which routes its number reading to json_strtod: a file
# including it directly would compile another definition of the same parser (io/json_library.hpp).
file(GLOB_RECURSE all_files ${SRC}/*.cpp ${SRC}/*.hpp)
foreach(file ${all_files})
  if(file MATCHES "/io/json_library\\.hpp$")
    continue()
  endif()
  file(STRINGS ${file} direct REGEX "^[ \t]*#[ \t]*include[ \t]*<nlohmann/")
  foreach(line ${direct})
    string(APPEND broken "\n  ${file}: ${line} (include \"io/json_library.hpp\" instead)")
  endforeach()
endforeach()
if(broken)
  message(FATAL_ERROR "Includes that break the layers (core < io < ui < app; cmake/check_layers.cmake):${broken}")
endif()

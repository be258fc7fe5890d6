# The browser app: Dear ImGui with its GLFW + WebGL2 backends,
# our panels, fonts subset at build time, the example plans embedded; plus the single-file build.
add_library(imgui_backends STATIC ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui_backends SYSTEM PUBLIC ${IMGUI_DIR}/backends)
target_link_libraries(imgui_backends PUBLIC imgui)
target_compile_options(imgui_backends PRIVATE -w)


file(GLOB EXAMPLE_PLANS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/assets/examples/*.json)
set(WEB_LINK_FLAGS
  -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1
  -sDYNAMIC_EXECUTION=0 -sMINIFY_HTML=0 -sENVIRONMENT=web
  -sEXPORTED_RUNTIME_METHODS=ccall,UTF8ToString,stringToUTF8,lengthBytesUTF8,FS,addRunDependency,removeRunDependency
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free
  # Chrome compiles wasm lazily, a function at its first call: binaryen's habit of inlining every
  # function that has one caller made the frame loop one 80 KB function holding every panel, all
  # compiled (and tiered up) before the first frame. Only small single-caller functions are inlined.
  -sBINARYEN_EXTRA_PASSES=--one-caller-inline-max-function-size=200
  # ImGui needs no WebGL extension; enabling each one is a round trip to the GPU process.
  -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0
  # SHELL: keeps CMake from merging the repeated option names.
  "SHELL:--js-library ${CMAKE_SOURCE_DIR}/web/library_fiducia.js"
  "SHELL:--embed-file ${FONT_DIR}@/fonts"
  "SHELL:--embed-file ${CMAKE_SOURCE_DIR}/assets/examples@/examples"
  "SHELL:--pre-js ${CMAKE_SOURCE_DIR}/web/share_link.js"
  "SHELL:--pre-js ${CMAKE_SOURCE_DIR}/web/autosave_store.js"
  "SHELL:--pre-js ${CMAKE_SOURCE_DIR}/web/workers.js"
  # Before GLFW's listeners: the text agent, touch and the accessibility mirror (README, "Input").
  "SHELL:--pre-js ${CMAKE_SOURCE_DIR}/web/input_layer.js")
set(WEB_DEPENDS ${CMAKE_SOURCE_DIR}/web/shell.html ${CMAKE_SOURCE_DIR}/web/library_fiducia.js ${CMAKE_SOURCE_DIR}/web/share_link.js ${CMAKE_SOURCE_DIR}/web/input_layer.js
                ${CMAKE_SOURCE_DIR}/web/autosave_store.js ${CMAKE_SOURCE_DIR}/web/workers.js
                ${CMAKE_SOURCE_DIR}/web/sw.js
                ${EXAMPLE_PLANS} ${FONT_FILES} ${TRANSLATIONS})

file(GLOB APP_WEB_SOURCES CONFIGURE_DEPENDS src/app/main_web.cpp src/app/web_api.cpp src/app/platform_web.cpp src/app/web_input.cpp
     src/app/web_work.cpp)

# build/web/index.html + .js + .wasm, served by `make run`.
add_executable(app ${APP_WEB_SOURCES})
target_link_libraries(app PRIVATE fiducia_ui imgui_backends)
target_link_options(app PRIVATE ${WEB_LINK_FLAGS} "SHELL:--shell-file ${CMAKE_SOURCE_DIR}/web/shell.html")
set_target_properties(app PROPERTIES OUTPUT_NAME index SUFFIX .html RUNTIME_OUTPUT_DIRECTORY ${WEB_OUT}
                      LINK_DEPENDS "${WEB_DEPENDS}")
add_dependencies(app fonts)
# The CJK font and the translations beside the page, fetched only when needed (PlatformWeb::
# cjk_font_ready, translation_ready): 350 KB less wasm for everyone to compile before the first frame.
add_custom_command(TARGET app POST_BUILD
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${CJK_FONT} ${WEB_OUT}/fonts/ui-cjk.ttf
  COMMAND ${CMAKE_COMMAND} -E make_directory ${WEB_OUT}/i18n
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${TRANSLATIONS} ${WEB_OUT}/i18n VERBATIM)
# The service worker, stamped with this build's fingerprint (web/sw.js, cmake/stamp_sw.cmake).
add_custom_command(TARGET app POST_BUILD COMMAND ${CMAKE_COMMAND} -DSOURCE=${CMAKE_SOURCE_DIR}/web/sw.js
                   -DDIR=${WEB_OUT} -P ${CMAKE_SOURCE_DIR}/cmake/stamp_sw.cmake VERBATIM)

# dist/fiducia.html: one self-contained file that opens from file:// (a USB stick), offline.
# Its wasm is inline, so its shell names no wasm file for the page to compile early.
file(READ ${CMAKE_SOURCE_DIR}/web/shell.html SHELL_HTML)
string(REPLACE "name=\"fiducia-wasm\" content=\"index.wasm\"" "name=\"fiducia-wasm\" content=\"\"" SHELL_HTML "${SHELL_HTML}")
string(REPLACE "name=\"fiducia-i18n\" content=\"i18n/\"" "name=\"fiducia-i18n\" content=\"\"" SHELL_HTML "${SHELL_HTML}")
string(REGEX REPLACE "<link rel=\"preload\" href=\"index.js\"[^>]*>" "" SHELL_HTML "${SHELL_HTML}")
file(CONFIGURE OUTPUT ${CMAKE_BINARY_DIR}/shell-single.html CONTENT "${SHELL_HTML}" @ONLY)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/shell.html)
add_executable(app_single ${APP_WEB_SOURCES})
target_link_libraries(app_single PRIVATE fiducia_ui imgui_backends)
# The single file carries the CJK font and the translations too (no second file to fetch from
# file://); the font is added to the atlas only when needed.
target_link_options(app_single PRIVATE ${WEB_LINK_FLAGS} -sSINGLE_FILE=1 "SHELL:--shell-file ${CMAKE_BINARY_DIR}/shell-single.html"
  "SHELL:--embed-file ${CJK_FONT}@/fonts/ui-cjk.ttf" "SHELL:--embed-file ${CMAKE_SOURCE_DIR}/assets/i18n@/i18n")
set_target_properties(app_single PROPERTIES OUTPUT_NAME fiducia SUFFIX .html
                      RUNTIME_OUTPUT_DIRECTORY ${CMAKE_SOURCE_DIR}/dist
                      LINK_DEPENDS "${WEB_DEPENDS};${CMAKE_BINARY_DIR}/shell-single.html")
add_dependencies(app_single fonts)

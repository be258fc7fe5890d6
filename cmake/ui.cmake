# Dear ImGui (from .deps, fetched by scripts/bootstrap) and our panels: built for the browser and,
# natively, for the panel tests under ImGui's null backend (no window, no GPU).
set(IMGUI_DIR ${CMAKE_SOURCE_DIR}/.deps/imgui)
if(NOT EXISTS ${IMGUI_DIR}/imgui.cpp)
  message(FATAL_ERROR "Dear ImGui sources missing in ${IMGUI_DIR}: run scripts/bootstrap")
endif()

add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp ${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/misc/cpp)
target_include_directories(imgui PUBLIC ${CMAKE_SOURCE_DIR}/src)
target_compile_options(imgui PRIVATE -w)
# The test-engine hooks feed the widget locator (window.fiducia.locate, duplicate-id checks);
# the user config keeps asserts on and reported (src/ui/platform/imgui_config.hpp).
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_ENABLE_TEST_ENGINE
                                        IMGUI_USER_CONFIG="ui/platform/imgui_config.hpp")

# Fonts: Noto Sans (Debian's fonts-noto-core), subset to Latin so the page stays light.
set(FONT_DIR ${CMAKE_BINARY_DIR}/fonts)
set(LATIN_UNICODES "U+0020-007E,U+00A0-017F,U+0192,U+02C6-02DD,U+2010-2027,U+2030-203A,U+20AC,U+2122,U+2190-2195,U+2212,U+2260,U+2264,U+2265,U+25B2-25BC,U+2713,U+2715")
foreach(face Regular Bold)
  add_custom_command(OUTPUT ${FONT_DIR}/ui-${face}.ttf
    COMMAND ${CMAKE_COMMAND} -E make_directory ${FONT_DIR}
    COMMAND pyftsubset /usr/share/fonts/truetype/noto/NotoSans-${face}.ttf --unicodes=${LATIN_UNICODES}
            --layout-features= --no-hinting --desubroutinize --output-file=${FONT_DIR}/ui-${face}.ttf
    DEPENDS /usr/share/fonts/truetype/noto/NotoSans-${face}.ttf VERBATIM)
  list(APPEND FONT_FILES ${FONT_DIR}/ui-${face}.ttf)
endforeach()
# CJK: WenQuanYi Micro Hei (Debian's fonts-wqy-microhei, TrueType outlines that stb_truetype reads),
# subset to GB2312 level 1 + the Chinese translation's characters. Loaded only when Chinese is
# chosen or a plan holds CJK text; "简体中文" (the language menu) is a 2 KB subset of its own.
set(CJK_SOURCE /usr/share/fonts/truetype/wqy/wqy-microhei.ttc)
set(CJK_FONT ${CMAKE_BINARY_DIR}/fonts-cjk/ui-cjk.ttf)
add_custom_command(OUTPUT ${CJK_FONT}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/fonts-cjk
  COMMAND python3 ${CMAKE_SOURCE_DIR}/scripts/cjk_text.py ${CMAKE_SOURCE_DIR}/assets/i18n/zh.json ${CMAKE_BINARY_DIR}/fonts-cjk/cjk.txt
  COMMAND pyftsubset ${CJK_SOURCE} --font-number=0 --text-file=${CMAKE_BINARY_DIR}/fonts-cjk/cjk.txt
          --layout-features= --no-hinting --desubroutinize --drop-tables+=FFTM --output-file=${CJK_FONT}
  DEPENDS ${CJK_SOURCE} ${CMAKE_SOURCE_DIR}/assets/i18n/zh.json ${CMAKE_SOURCE_DIR}/scripts/cjk_text.py VERBATIM)
add_custom_command(OUTPUT ${FONT_DIR}/ui-cjk-names.ttf
  COMMAND ${CMAKE_COMMAND} -E make_directory ${FONT_DIR}
  COMMAND pyftsubset ${CJK_SOURCE} --font-number=0 --text=简体中文 --layout-features= --no-hinting
          --drop-tables+=FFTM --output-file=${FONT_DIR}/ui-cjk-names.ttf
  DEPENDS ${CJK_SOURCE} VERBATIM)
list(APPEND FONT_FILES ${FONT_DIR}/ui-cjk-names.ttf)
add_custom_target(fonts DEPENDS ${FONT_FILES} ${CJK_FONT})

file(GLOB_RECURSE UI_SOURCES CONFIGURE_DEPENDS src/ui/*.cpp)
add_library(fiducia_ui STATIC ${UI_SOURCES})
target_link_libraries(fiducia_ui PUBLIC fiducia_io imgui)

# Every panel drawn for every example plan, natively; a failed IM_ASSERT fails the test.
file(GLOB UI_TEST_SOURCES CONFIGURE_DEPENDS tests/ui/*.cpp)
if(UI_TEST_SOURCES AND NOT EMSCRIPTEN)
  add_executable(ui_tests ${UI_TEST_SOURCES})
  target_link_libraries(ui_tests PRIVATE fiducia_ui)
  target_compile_definitions(ui_tests PRIVATE FIDUCIA_SOURCE_DIR="${CMAKE_SOURCE_DIR}" FIDUCIA_CJK_FONT="${CJK_FONT}"
                                            FIDUCIA_FONT_DIR="${FONT_DIR}"
                                            DOCTEST_CONFIG_NO_EXCEPTIONS_BUT_WITH_ALL_ASSERTS)
  add_dependencies(ui_tests fonts)
endif()

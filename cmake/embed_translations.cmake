# Writes a C++ file holding every translation file (assets/i18n/<code>.json) as a string, for the
# command-line tool's `report --language` (it runs natively and under node with no files beside it).
# Usage: cmake -DDIR=assets/i18n -DOUT=build/.../cli_translations.cpp -P cmake/embed_translations.cmake
file(GLOB files ${DIR}/*.json)
list(SORT files)
set(body "// Made by cmake/embed_translations.cmake from assets/i18n; do not edit.\n#include \"app/cli_translations.hpp\"\n\nnamespace fiducia::cli {\n\nconst std::vector<EmbeddedTranslation>& embedded_translations() {\n    static const std::vector<EmbeddedTranslation> all = {\n")
foreach(f ${files})
  get_filename_component(code ${f} NAME_WE)
  file(READ ${f} text)
  string(APPEND body "        {\"${code}\", R\"fiducia_i18n(${text})fiducia_i18n\"},\n")
endforeach()
string(APPEND body "    };\n    return all;\n}\n\n}  // namespace fiducia::cli\n")
file(WRITE ${OUT}.new "${body}")
file(COPY_FILE ${OUT}.new ${OUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUT}.new)

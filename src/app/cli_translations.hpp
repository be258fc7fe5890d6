// The translation files (assets/i18n/<code>.json), compiled into the command-line tool by
// cmake/embed_translations.cmake, so `fiducia report --language it` needs no file beside it.
#pragma once

#include <string_view>
#include <vector>

namespace fiducia::cli {

struct EmbeddedTranslation {
    std::string_view code;  // "it", as the file is named
    std::string_view json;  // the file's text
};
const std::vector<EmbeddedTranslation>& embedded_translations();  // sorted by code

}  // namespace fiducia::cli

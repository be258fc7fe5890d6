// Every string a person reads goes through tr(): the English text is the key, so a string that is
// not translated yet still reads, and a test lists the ones each language is missing.
#pragma once

namespace fiducia::ui {

const char* tr(const char* english);  // the text in the chosen language (English until one is chosen)

}  // namespace fiducia::ui

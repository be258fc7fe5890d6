// The doctest runner of the panel tests (ImGui's null backend: no window, no GPU).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

// Dear ImGui build configuration (IMGUI_USER_CONFIG). Its asserts stay on in release builds and are
// reported, not fatal: a broken Begin/End pairing is a bug the panel tests must hear about.
#pragma once

void fiducia_imgui_assert(const char* expression, const char* file, int line);
#define IM_ASSERT(_EXPR) ((_EXPR) ? (void)0 : fiducia_imgui_assert(#_EXPR, __FILE__, __LINE__))

// Text beyond the Basic Multilingual Plane (an emoji typed on a phone, rarer CJK) stays itself when
// edited; with 16-bit characters ImGui would store U+FFFD in the plan instead.
#define IMGUI_USE_WCHAR32

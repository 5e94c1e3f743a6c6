#pragma once
// The replacements, as the linker's --wrap names them: __wrap_f is called in place of f, and
// __real_f is the C library's own f (the wasm link provides it; the native tests define it).
#include <cstddef>

extern "C" {
double __wrap_strtod(const char* text, char** end);
unsigned long long __wrap_strtoull(const char* text, char** end, int base);
long long __wrap_strtoll(const char* text, char** end, int base);
int __wrap_memcmp(const void* left, const void* right, std::size_t n);

double __real_strtod(const char* text, char** end);
unsigned long long __real_strtoull(const char* text, char** end, int base);
long long __real_strtoll(const char* text, char** end, int base);
}

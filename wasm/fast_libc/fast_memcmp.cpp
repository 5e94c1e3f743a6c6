// memcmp for the wasm build only, linked with -Wl,--wrap=memcmp (wasm/fast_libc/CMakeLists.txt).
//
// Why: musl's memcmp compares one byte per loop turn, where glibc's (the native build's)
// compares 16 or 32 at once; string comparisons (sorting ids with a shared prefix, key
// lookups) spent about 2.5 % of loading a document in it. This one compares 8 bytes per
// turn and returns what musl returns: the difference of the first differing bytes, as
// unsigned chars.
#include <cstddef>
#include <cstdint>
#include <cstring>

extern "C" int __wrap_memcmp(const void* left, const void* right, std::size_t n) {
  auto* l = static_cast<const unsigned char*>(left);
  auto* r = static_cast<const unsigned char*>(right);
  for (; n >= 8; l += 8, r += 8, n -= 8) {
    std::uint64_t a, b;
    std::memcpy(&a, l, 8); // unaligned 8-byte loads: one i64.load each in wasm
    std::memcpy(&b, r, 8);
    if (a != b) break;
  }
  for (; n; --n, ++l, ++r)
    if (*l != *r) return *l - *r;
  return 0;
}

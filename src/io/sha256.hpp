// SHA-256 (FIPS 180-4), written here so a plan's content hash needs no third-party code. Used for
// the "base" a copy records: the hash of the canonical text of the version it was opened from.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace fiducia::io {

class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    std::array<std::uint8_t, 32> finish();  // the digest; the object is spent afterwards

private:
    void block(const std::uint8_t* p);
    std::array<std::uint32_t, 8> h_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t length_ = 0;  // bytes hashed so far
};

// The digest of `bytes` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace fiducia::io

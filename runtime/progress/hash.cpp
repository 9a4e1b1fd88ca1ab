// progress/hash.cpp — SHA-256 and CRC-32 from their specifications (FIPS 180-4; IEEE 802.3).
#include "progress/hash.h"

#include <cstring>

namespace sandyq::progress {
namespace {

constexpr uint32_t kK[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

inline uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

void compress(uint32_t h[8], const uint8_t block[64]) {
    uint32_t w[64];
    for (int i = 0; i < 16; ++i) {
        w[i] = (uint32_t(block[4 * i]) << 24) | (uint32_t(block[4 * i + 1]) << 16) |
               (uint32_t(block[4 * i + 2]) << 8) | uint32_t(block[4 * i + 3]);
    }
    for (int i = 16; i < 64; ++i) {
        const uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        const uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; ++i) {
        const uint32_t s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
        const uint32_t ch = (e & f) ^ (~e & g);
        const uint32_t t1 = hh + s1 + ch + kK[i] + w[i];
        const uint32_t s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
        const uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
        const uint32_t t2 = s0 + maj;
        hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

struct CrcTable {
    uint32_t t[256];
    CrcTable() {
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
    }
};

}  // namespace

std::array<uint8_t, 32> sha256(std::string_view bytes) {
    uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                     0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
    size_t n = bytes.size();
    const uint64_t bit_len = uint64_t(n) * 8;
    while (n >= 64) {
        compress(h, p);
        p += 64;
        n -= 64;
    }
    uint8_t tail[128] = {};
    std::memcpy(tail, p, n);
    tail[n] = 0x80;
    const size_t tail_len = n + 1 + 8 <= 64 ? 64 : 128;
    for (int i = 0; i < 8; ++i) tail[tail_len - 1 - i] = uint8_t(bit_len >> (8 * i));
    compress(h, tail);
    if (tail_len == 128) compress(h, tail + 64);
    std::array<uint8_t, 32> out{};
    for (int i = 0; i < 8; ++i) {
        out[4 * i] = uint8_t(h[i] >> 24);
        out[4 * i + 1] = uint8_t(h[i] >> 16);
        out[4 * i + 2] = uint8_t(h[i] >> 8);
        out[4 * i + 3] = uint8_t(h[i]);
    }
    return out;
}

std::string toHex(std::string_view bytes) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        out.push_back(digits[c >> 4]);
        out.push_back(digits[c & 15]);
    }
    return out;
}

std::string sha256Hex(std::string_view bytes) {
    const auto d = sha256(bytes);
    return toHex(std::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
}

uint32_t crc32(std::string_view bytes, uint32_t crc) {
    static const CrcTable table;
    crc = ~crc;
    for (unsigned char c : bytes) crc = table.t[(crc ^ c) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

PinHash hashPin(std::string_view pin, std::string_view salt, uint32_t iterations) {
    if (iterations == 0) iterations = 1;
    std::string buf(salt);
    buf += pin;
    auto d = sha256(buf);
    for (uint32_t i = 1; i < iterations; ++i) {
        std::string round(reinterpret_cast<const char*>(d.data()), d.size());
        round += salt;
        d = sha256(round);
    }
    PinHash out;
    out.salt_hex = toHex(salt);
    out.hash_hex = toHex(std::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
    out.iterations = iterations;
    return out;
}

namespace {
bool fromHex(std::string_view hex, std::string& out) {
    if (hex.size() % 2) return false;
    const auto val = [](char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    };
    out.clear();
    for (size_t i = 0; i < hex.size(); i += 2) {
        const int hi = val(hex[i]), lo = val(hex[i + 1]);
        if (hi < 0 || lo < 0) return false;
        out.push_back(char(hi * 16 + lo));
    }
    return true;
}
}  // namespace

bool checkPin(const PinHash& stored, std::string_view pin) {
    if (stored.empty() || stored.iterations == 0 || stored.iterations > kMaxPinIterations) return false;
    std::string salt;
    if (!fromHex(stored.salt_hex, salt)) return false;
    const PinHash h = hashPin(pin, salt, stored.iterations);
    if (h.hash_hex.size() != stored.hash_hex.size()) return false;
    unsigned diff = 0;
    for (size_t i = 0; i < h.hash_hex.size(); ++i) diff |= unsigned(h.hash_hex[i] ^ stored.hash_hex[i]);
    return diff == 0;
}

std::string picturePinText(const std::vector<uint8_t>& pictures) {
    std::string s = "pictures:";
    for (uint8_t p : pictures) {
        s += std::to_string(p);
        s += ',';
    }
    return s;
}

}  // namespace sandyq::progress

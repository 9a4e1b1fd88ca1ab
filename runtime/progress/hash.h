// progress/hash.h — integrity and PIN hashing for progress data: SHA-256 (FIPS 180-4) and
// CRC-32 (IEEE 802.3, as zlib's crc32), written from their specifications so the wasm build needs
// no extra library. Depends on: the standard library only. Pure functions; no errors.
// SHA-256 here is for integrity (backup checksums) and for not storing PINs in plain text; a PIN
// of a few digits can be brute-forced from its hash — it keeps out a curious pupil, not an attacker.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "progress/types.h"

namespace sandyq::progress {

std::array<uint8_t, 32> sha256(std::string_view bytes);
std::string sha256Hex(std::string_view bytes);  // 64 lowercase hex digits
uint32_t crc32(std::string_view bytes, uint32_t crc = 0);
std::string toHex(std::string_view bytes);

// PINs: salt (any bytes, e.g. 16 random ones from the platform) + `iterations` rounds of SHA-256.
PinHash hashPin(std::string_view pin, std::string_view salt, uint32_t iterations = kPinIterations);
bool checkPin(const PinHash& stored, std::string_view pin);  // constant-time compare; false if empty
// A picture PIN (3–4 picture indices 0..kPictureCount-1) as the text hashPin() receives.
std::string picturePinText(const std::vector<uint8_t>& pictures);

}  // namespace sandyq::progress

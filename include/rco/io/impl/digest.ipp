#pragma once

#include "rco/io/digest.hpp"

// The SHA256_* functions are deprecated in OpenSSL 3 in favour of EVP, but EVP's first
// digest loads the default provider and its configuration: more work than auditing a
// record (see the README's Benchmark section). These hash directly.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include <stdexcept>

namespace rco::io {

std::string sha256_hex(std::string_view bytes) {
    unsigned char md[SHA256_DIGEST_LENGTH];
    constexpr unsigned int len = SHA256_DIGEST_LENGTH;
    SHA256_CTX ctx;
    if (SHA256_Init(&ctx) != 1 || SHA256_Update(&ctx, bytes.data(), bytes.size()) != 1 || SHA256_Final(md, &ctx) != 1)
        throw std::runtime_error("SHA-256 digest failed");
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(len * 2);
    for (unsigned int i = 0; i < len; ++i) {
        out += hex[md[i] >> 4];
        out += hex[md[i] & 0xF];
    }
    return out;
}

} // namespace rco::io

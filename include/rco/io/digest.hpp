// SHA-256 digests (OpenSSL libcrypto) for report provenance.
#pragma once

#include <string>
#include <string_view>

namespace rco::io {

/// Lower-case hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

} // namespace rco::io

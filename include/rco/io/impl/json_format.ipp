#pragma once

#include "rco/io/json_format.hpp"

#include "rco/io/json_record.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/stream_parser.hpp>

#include <charconv>
#include <cstdint>
#include <cstring>

namespace rco::io {

namespace {
void pretty(const boost::json::value& v, std::string& out, int indent) {
    auto newline = [&](int level) {
        out += '\n';
        out.append(static_cast<std::size_t>(level) * 2, ' ');
    };
    if (v.is_object()) {
        const auto& o = v.get_object();
        if (o.empty()) {
            out += "{}";
            return;
        }
        out += '{';
        bool first = true;
        for (const auto& kv : o) {
            if (!first)
                out += ',';
            first = false;
            newline(indent + 1);
            append_json_string(out, kv.key());
            out += ": ";
            pretty(kv.value(), out, indent + 1);
        }
        newline(indent);
        out += '}';
    } else if (v.is_array()) {
        const auto& a = v.get_array();
        if (a.empty()) {
            out += "[]";
            return;
        }
        bool scalars = true;
        for (const auto& e : a)
            scalars = scalars && !e.is_object() && !e.is_array();
        out += '[';
        if (scalars && a.size() <= 12) {
            // short lists of words or numbers stay on one line
            for (std::size_t i = 0; i < a.size(); ++i) {
                out += i ? ", " : "";
                out += boost::json::serialize(a[i]);
            }
            out += ']';
            return;
        }
        for (std::size_t i = 0; i < a.size(); ++i) {
            out += i ? "," : "";
            newline(indent + 1);
            pretty(a[i], out, indent + 1);
        }
        newline(indent);
        out += ']';
    } else {
        out += boost::json::serialize(v);
    }
}
} // namespace

std::optional<boost::json::value> parse_json(std::string_view text, const std::string& file,
                                             std::vector<diagnostic>& diags, std::string_view expected) {
    auto fail = [&](std::size_t offset, std::string why) {
        auto [l, c] = line_column(text, offset);
        if (!expected.empty())
            why += "; expected " + std::string(expected);
        diags.push_back({severity::error, file, l, c, "", std::move(why)});
        return std::nullopt;
    };
    const std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0; // a byte order mark, as some editors write
    if (text.find_first_not_of(" \t\r\n", start) == std::string_view::npos)
        return fail(0, "the file is empty");
    boost::json::parse_options opts;
    opts.max_depth = 64;
    boost::json::stream_parser parser({}, opts);
    boost::system::error_code ec;
    const auto body = text.substr(start);
    const std::size_t used = parser.write_some(body.data(), body.size(), ec);
    if (!ec && used < body.size())
        return fail(start + used, "unexpected text after the end of the JSON value");
    if (!ec)
        parser.finish(ec);
    if (ec)
        return fail(start + used,
                    ec == boost::json::error::too_deep     ? "the JSON nests deeper than 64 levels"
                    : ec == boost::json::error::incomplete ? "malformed JSON: it ends too early (a bracket, brace or "
                                                             "quote is not closed)"
                    : text.find('\0') != std::string_view::npos
                        ? "this is not a text file (it contains NUL bytes)"
                        : "malformed JSON (" + ec.message() + ")");
    return parser.release();
}

void append_json_string(std::string& out, std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    std::size_t run = 0; // start of the bytes not yet copied
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n; ++i) {
        // Eight bytes at a time while none needs escaping (a control character, " or \).
        while (i + 8 <= n) {
            std::uint64_t x;
            std::memcpy(&x, text.data() + i, 8);
            constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
            const auto zero_byte = [&](std::uint64_t v) { return (v - ones) & ~v & highs; };
            const std::uint64_t control = (x - ones * 0x20) & ~x & highs; // a byte below 0x20
            if (control | zero_byte(x ^ (ones * '"')) | zero_byte(x ^ (ones * '\\')))
                break;
            i += 8;
        }
        if (i >= n)
            break;
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(text.data() + run, i - run);
        run = i + 1;
        out += '\\';
        switch (c) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '\b': out += 'b'; break;
        case '\t': out += 't'; break;
        case '\n': out += 'n'; break;
        case '\f': out += 'f'; break;
        case '\r': out += 'r'; break;
        default:
            out += "u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    out.append(text.data() + run, text.size() - run);
    out += '"';
}

void json_writer::value(std::int64_t n) {
    element();
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    out_.append(buf, r.ptr);
}

void json_writer::strings(const std::vector<std::string>& items) {
    if (items.empty()) {
        element();
        out_ += "[]";
        return;
    }
    if (items.size() <= 12) { // as pretty_json: a short list of scalars stays on one line
        element();
        out_ += '[';
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i)
                out_ += ", ";
            append_json_string(out_, items[i]);
        }
        out_ += ']';
        return;
    }
    begin_array();
    for (const auto& s : items)
        value(s);
    end_array();
}

std::string pretty_json(const boost::json::value& v) {
    std::string out;
    pretty(v, out, 0);
    out += '\n';
    return out;
}

} // namespace rco::io

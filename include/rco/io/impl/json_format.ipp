#pragma once

#include "rco/io/json_format.hpp"

#include "rco/io/json_record.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/stream_parser.hpp>

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
            out += boost::json::serialize(boost::json::value(kv.key()));
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
                                             std::vector<diagnostic>& diags) {
    boost::json::parse_options opts;
    opts.max_depth = 64;
    boost::json::stream_parser parser({}, opts);
    boost::system::error_code ec;
    const std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    const auto body = text.substr(start);
    std::size_t used = parser.write_some(body.data(), body.size(), ec);
    if (!ec && used < body.size())
        ec = boost::json::error::extra_data;
    if (!ec)
        parser.finish(ec);
    if (ec) {
        auto [l, c] = line_column(text, start + used);
        diags.push_back({severity::error, file, l, c, "", "malformed JSON (" + ec.message() + ")"});
        return std::nullopt;
    }
    return parser.release();
}

std::string pretty_json(const boost::json::value& v) {
    std::string out;
    pretty(v, out, 0);
    out += '\n';
    return out;
}

} // namespace rco::io

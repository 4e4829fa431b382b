#pragma once

#include "rco/io/json_format.hpp"

#include <boost/json/serialize.hpp>

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

std::string pretty_json(const boost::json::value& v) {
    std::string out;
    pretty(v, out, 0);
    out += '\n';
    return out;
}

} // namespace rco::io

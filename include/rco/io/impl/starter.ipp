#pragma once

#include "rco/io/catalog_json.hpp"
#include "rco/io/json_format.hpp"
#include "rco/io/json_record.hpp"
#include "rco/io/starter.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <type_traits>

namespace rco::io {

namespace starter_detail {

namespace json = boost::json;

constexpr message_def example_values{"reader.example_values",
                                     "the record still holds the example's values ({fields}); replace them with your "
                                     "organization's before relying on the audit"};

template <record_struct S>
json::object blank_object();

/// A blank value of a field of type T: an object of blank fields for a section, null (read
/// as absent, so the checks ask for it) for a value or a list. An empty list or a list
/// holding a blank entry would be judged: no board members, one service of no kind.
template <class T>
json::value blank_value() {
    if constexpr (record_struct<T>)
        return blank_object<T>();
    else
        return nullptr;
}

template <record_struct S>
json::object blank_object() {
    json::object o;
    S s{};
    S::fields(s, [&](const char* name, auto& field) {
        using F = std::remove_cvref_t<decltype(field)>;
        o[name] = blank_value<typename F::value_type>();
    });
    return o;
}

} // namespace starter_detail

std::string blank_record(date as_of) {
    auto root = starter_detail::blank_object<record>();
    root["format"] = record_format_id;
    root["as_of"] = format_date(as_of);
    root.erase("provenance"); // written by import-990, not by people
    return pretty_json(root);
}

std::vector<diagnostic> template_warnings(const record& rec, std::string_view file_name) {
    // The examples are read (once) only for a record bearing one of their names: a real
    // organization's record costs a comparison or two.
    if (!rec.organization || !rec.organization->name ||
        std::find(example_organization_names.begin(), example_organization_names.end(), *rec.organization->name) ==
            example_organization_names.end())
        return {};
    static const std::vector<organization> examples = [] { // each language's example's
        std::vector<organization> out;
        for (const auto text : starter_records())
            if (auto r = read_record_json(text, "starter-record.json"); r.ok() && r.record->organization)
                out.push_back(*r.record->organization);
        return out;
    }();
    const auto example = std::find_if(examples.begin(), examples.end(),
                                      [&](const organization& e) { return e.name == rec.organization->name; });
    if (example == examples.end())
        return {};
    std::vector<std::string> kept{"/organization/name"};
    const auto& o = *rec.organization;
    const auto& e = *example;
    auto same = [&](const auto& a, const auto& b, const char* pointer) {
        if (a && a == b)
            kept.emplace_back(pointer);
    };
    same(o.ein, e.ein, "/organization/ein");
    same(o.mission, e.mission, "/organization/mission");
    same(o.vision, e.vision, "/organization/vision");
    same(o.service_area, e.service_area, "/organization/service_area");
    if (o.website && e.website)
        same(o.website->url, e.website->url, "/organization/website/url");
    message_arg fields{"fields", std::move(kept)};
    fields.style = list_style::commas;
    return {make_diagnostic(severity::warning, std::string(file_name), "/organization/name",
                            {&starter_detail::example_values, {std::move(fields)}})};
}

} // namespace rco::io

// The languages of the gettext catalogs compiled in (po/*.po -> <lang>.mo, embedded by
// cmake/embed.cmake), read from memory by rco/gettext.hpp.
#include "rco/i18n.hpp"

#include "rco/gettext.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <memory>
#include <span>
#include <stdexcept>
#include <utility>

namespace rco::detail {
std::span<const std::pair<std::string_view, std::string_view>> embedded_files() noexcept;
} // namespace rco::detail

namespace rco::i18n {

namespace {

// How a language writes numbers, dates and lists: entries of its catalog like any other,
// so a new language brings its own. The English here is what a catalog without them gets.
constexpr rco::message_def number_group_separator{"format.number.group_separator", ","};
constexpr rco::message_def number_decimal_separator{"format.number.decimal_separator", "."};
constexpr rco::message_def dollars_pattern{"format.dollars", "${amount}"};
constexpr rco::message_def date_pattern{"format.date", "{year}-{mm}-{dd}"};
constexpr rco::message_def list_and{"format.list.and", " and "};
constexpr rco::message_def list_or{"format.list.or", " or "};
constexpr rco::message_def list_separator{"format.list.separator", ", "};
constexpr rco::message_def month_1{"format.month.1", "January"};
constexpr rco::message_def month_2{"format.month.2", "February"};
constexpr rco::message_def month_3{"format.month.3", "March"};
constexpr rco::message_def month_4{"format.month.4", "April"};
constexpr rco::message_def month_5{"format.month.5", "May"};
constexpr rco::message_def month_6{"format.month.6", "June"};
constexpr rco::message_def month_7{"format.month.7", "July"};
constexpr rco::message_def month_8{"format.month.8", "August"};
constexpr rco::message_def month_9{"format.month.9", "September"};
constexpr rco::message_def month_10{"format.month.10", "October"};
constexpr rco::message_def month_11{"format.month.11", "November"};
constexpr rco::message_def month_12{"format.month.12", "December"};
constexpr std::array<const rco::message_def*, 12> months{&month_1, &month_2, &month_3,  &month_4,
                                                         &month_5, &month_6, &month_7,  &month_8,
                                                         &month_9, &month_10, &month_11, &month_12};

char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// The primary subtag of a BCP 47 tag in lower case ("es" of "ES-mx"), or "" when the tag
/// is malformed: 2 or 3 letters, then subtags of 1 to 8 letters or digits after '-' or '_'.
std::string primary_subtag(std::string_view tag) {
    std::string primary;
    std::size_t i = 0;
    for (; i < tag.size() && tag[i] != '-' && tag[i] != '_'; ++i) {
        char c = lower(tag[i]);
        if (c < 'a' || c > 'z')
            return {};
        primary += c;
    }
    if (primary.size() < 2 || primary.size() > 3)
        return {};
    while (i < tag.size()) {
        std::size_t start = ++i;
        for (; i < tag.size() && tag[i] != '-' && tag[i] != '_'; ++i) {
            char c = lower(tag[i]);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
                return {};
        }
        if (i - start < 1 || i - start > 8)
            return {};
    }
    return primary;
}

/// The first letters of `s` in lower case, with í and ó as i and o (for Spanish's "e"
/// for "y" before an i sound and "u" for "o" before an o sound).
std::string first_letters(std::string_view s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < s.size() && out.size() < n;) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out += lower(static_cast<char>(c));
            ++i;
        } else if (c == 0xC3 && i + 1 < s.size()) {
            unsigned char d = static_cast<unsigned char>(s[i + 1]);
            if (d == 0xAD || d == 0x8D) // í Í
                out += 'i';
            else if (d == 0xB3 || d == 0x93) // ó Ó
                out += 'o';
            else
                out += '?';
            i += 2;
        } else {
            out += '?';
            ++i;
        }
    }
    return out;
}

/// Spanish writes "y" as "e" before a word sounding i- ("i", "hi", but not "hie", "hia":
/// "agua y hielo") and "o" as "u" before a word sounding o- ("o", "ho").
std::string_view spanish_conjunction(std::string_view conj, std::string_view next) {
    std::string f = first_letters(next, 3);
    auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
    if (conj == " y ") {
        bool i_sound = (f.size() >= 1 && f[0] == 'i' && !(f.size() >= 2 && vowel(f[1]))) ||
                       (f.size() >= 2 && f[0] == 'h' && f[1] == 'i' && !(f.size() >= 3 && vowel(f[2])));
        if (i_sound)
            return " e ";
    } else if (conj == " o ") {
        if ((!f.empty() && f[0] == 'o') || (f.size() >= 2 && f[0] == 'h' && f[1] == 'o'))
            return " u ";
    }
    return conj;
}

/// A language of a gettext catalog: its .mo bytes (rco/gettext.hpp).
class catalog_language final : public message_language {
public:
    catalog_language(std::string tag, std::string_view mo) : tag_(std::move(tag)), catalog_(mo) {
        group_separator_ = pattern(number_group_separator, 0);
        decimal_separator_ = pattern(number_decimal_separator, 0);
        dollars_ = pattern(dollars_pattern, 0);
        date_ = pattern(date_pattern, 0);
        and_ = pattern(list_and, 0);
        or_ = pattern(list_or, 0);
        separator_ = pattern(list_separator, 0);
        for (std::size_t m = 0; m < months.size(); ++m)
            months_[m] = pattern(*months[m], 0);
    }

    std::string_view tag() const noexcept override { return tag_; }

    /// The translation of `english` filed under `context`, or nullptr.
    const char* find(std::string_view context, std::string_view english) const {
        const std::string* t = catalog_.find(context, english);
        return t ? t->c_str() : nullptr;
    }

    std::string pattern(const message_def& def, std::int64_t n) const override {
        if (def.other.empty()) {
            const std::string* t = catalog_.find(def.id, def.one);
            return std::string(t ? std::string_view(*t) : def.one);
        }
        const auto k = static_cast<std::uint64_t>(std::clamp<std::int64_t>(n, 0, std::numeric_limits<int>::max()));
        const std::string* t = catalog_.find(def.id, def.one, k);
        return std::string(t ? std::string_view(*t) : n == 1 ? def.one : def.other);
    }

    /// A count in running text: digits grouped from five digits on ("2025", "1250",
    /// "12.500"), as the RAE writes them.
    void append_number(std::string& out, std::int64_t n) const override { append_grouped(out, n, 5); }

    /// A grouped number from four digits on ("1.250", as issue 11 asks); dollars (an amount
    /// in cents) by "format.dollars", grouped, with the cents, if any, after the decimal
    /// separator: "$1.234,50".
    void append_styled_number(std::string& out, std::int64_t n, number_style style) const override {
        if (style == number_style::plain) {
            append_number(out, n);
            return;
        }
        if (style == number_style::grouped) {
            append_grouped(out, n, 4);
            return;
        }
        const std::uint64_t m = n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
        std::string amount;
        append_grouped(amount, static_cast<std::int64_t>(m / 100), 4);
        if (const auto cents = m % 100; cents != 0)
            amount += decimal_separator_ + (cents < 10 ? "0" : "") + std::to_string(cents);
        if (n < 0)
            out += '-';
        const std::size_t at = dollars_.find("{amount}");
        if (at == std::string::npos) {
            out += amount;
            return;
        }
        out.append(dollars_, 0, at);
        out += amount;
        out.append(dollars_, at + 8);
    }

    void append_date(std::string& out, rco::date d) const override {
        const int year = static_cast<int>(d.year());
        const unsigned month = static_cast<unsigned>(d.month()), day = static_cast<unsigned>(d.day());
        auto two = [](unsigned v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
        std::string_view p = date_;
        while (!p.empty()) {
            std::size_t open = p.find('{');
            std::size_t close = open == std::string_view::npos ? open : p.find('}', open);
            if (close == std::string_view::npos) {
                out += p;
                break;
            }
            out += p.substr(0, open);
            const std::string_view name = p.substr(open + 1, close - open - 1);
            if (name == "year")
                out += std::to_string(year);
            else if (name == "mm")
                out += two(month);
            else if (name == "dd")
                out += two(day);
            else if (name == "day")
                out += std::to_string(day);
            else if (name == "month" && month >= 1 && month <= 12)
                out += months_[month - 1];
            else
                out += p.substr(open, close - open + 1);
            p.remove_prefix(close + 1);
        }
    }

    void append_list(std::string& out, const std::vector<std::string>& items, list_style style) const override {
        std::string_view sep = separator_, last = and_;
        if (style == list_style::or_)
            last = or_;
        else if (style == list_style::semicolons)
            sep = last = "; ";
        else if (style == list_style::commas)
            last = ", ";
        else if (style == list_style::sentences)
            sep = last = " ";
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i > 0 && i + 1 == items.size())
                out += tag_ == "es" ? spanish_conjunction(last, items[i]) : last;
            else if (i > 0)
                out += sep;
            out += items[i];
        }
    }

private:
    /// `n` with its digits in groups of three when it has at least `min_digits` digits.
    void append_grouped(std::string& out, std::int64_t n, std::size_t min_digits) const {
        const std::uint64_t u = n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
        const std::string digits = std::to_string(u);
        if (n < 0)
            out += '-';
        for (std::size_t i = 0; i < digits.size(); ++i) {
            if (i > 0 && digits.size() >= min_digits && (digits.size() - i) % 3 == 0)
                out += group_separator_;
            out += digits[i];
        }
    }

    std::string tag_;
    gettext::catalog catalog_;
    std::string group_separator_, decimal_separator_, dollars_, date_, and_, or_, separator_;
    std::array<std::string, 12> months_;
};

/// Every compiled-in language but English, by primary tag; built on first use.
const std::map<std::string, std::unique_ptr<catalog_language>, std::less<>>& catalog_languages() {
    static const auto all = [] {
        std::map<std::string, std::unique_ptr<catalog_language>, std::less<>> m;
        for (const auto& [name, bytes] : rco::detail::embedded_files()) {
            if (name.size() > 3 && name.ends_with(".mo")) {
                std::string tag(name.substr(0, name.size() - 3));
                m.emplace(tag, std::make_unique<catalog_language>(tag, bytes));
            }
        }
        return m;
    }();
    return all;
}

std::string_view field(const message_language& lang, std::string_view id, std::string_view name,
                       std::string_view english) {
    if (!dynamic_cast<const catalog_language*>(&lang))
        return english; // English: no context to build
    std::string context(id);
    context += '.';
    context += name;
    return text(lang, context, english);
}

} // namespace

std::vector<std::string_view> languages() {
    std::vector<std::string_view> out{"en"};
    for (const auto& [tag, lang] : catalog_languages())
        out.push_back(lang->tag());
    std::sort(out.begin(), out.end());
    return out;
}

std::unique_ptr<message_language> load(std::string_view tag, std::string_view mo) {
    std::string primary = primary_subtag(tag);
    if (primary.empty())
        throw std::invalid_argument("not a language tag: '" + std::string(tag) + "'");
    return std::make_unique<catalog_language>(std::move(primary), mo);
}

const message_language* find(std::string_view tag) {
    const std::string primary = primary_subtag(tag);
    if (primary.empty())
        return nullptr;
    if (primary == "en")
        return &english();
    const auto& all = catalog_languages();
    if (auto it = all.find(primary); it != all.end())
        return it->second.get();
    return nullptr;
}

std::string_view text(const message_language& lang, std::string_view context, std::string_view english) {
    if (const auto* c = dynamic_cast<const catalog_language*>(&lang))
        if (const char* t = c->find(context, english))
            return t;
    return english;
}

std::string_view title(const message_language& lang, const check_info& c) { return field(lang, c.id, "title", c.title); }
std::string_view question(const message_language& lang, const check_info& c) {
    return field(lang, c.id, "question", c.question);
}
std::string_view rationale(const message_language& lang, const check_info& c) {
    return field(lang, c.id, "rationale", c.rationale);
}
std::string_view remediation(const message_language& lang, const check_info& c) {
    return field(lang, c.id, "remediation", c.remediation);
}
std::string_view evidence(const message_language& lang, const check_info& c, std::size_t i) {
    return field(lang, c.id, "evidence." + std::to_string(i), c.evidence.at(i));
}
std::string_view description(const message_language& lang, const check_info& c, const parameter_spec& p) {
    return field(lang, c.id, "parameter." + p.name, p.description);
}
std::string_view title(const message_language& lang, const standard_info& s) {
    return field(lang, "standard." + std::to_string(s.number), "title", s.title);
}
std::string_view summary(const message_language& lang, const standard_info& s) {
    return field(lang, "standard." + std::to_string(s.number), "summary", s.summary);
}
std::string_view title(const message_language& lang, const profile& p) {
    return field(lang, "profile." + p.name, "title", p.title);
}
std::string_view description(const message_language& lang, const profile& p) {
    return field(lang, "profile." + p.name, "description", p.description);
}
std::string_view title(const message_language& lang, const outcome_band& b) {
    return field(lang, "accreditation.band." + b.name, "title", b.title);
}

} // namespace rco::i18n

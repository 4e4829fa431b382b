#pragma once

#include "rco/gettext.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rco::gettext {

// ---- Plural-Forms rules -------------------------------------------------------------

/// Recursive descent over the C expression, in C's precedence (lowest first):
///   cond := or ('?' cond ':' cond)?      or := and ('||' and)*     and := eq ('&&' eq)*
///   eq := rel (('=='|'!=') rel)*         rel := add (('<'|'<='|'>'|'>=') add)*
///   add := mul (('+'|'-') mul)*          mul := unary (('*'|'/'|'%') unary)*
///   unary := '!' unary | 'n' | number | '(' cond ')'
class rule_parser {
  public:
    static constexpr std::size_t max_length = 200;
    static constexpr int max_depth = 32;

    rule_parser(std::string_view text, plural_rule& rule) : s_(text), rule_(rule) {}

    void parse() {
        if (s_.size() > max_length)
            fail("longer than 200 bytes");
        rule_.nodes_.clear();
        cond(0);
        skip();
        if (i_ != s_.size())
            fail("unexpected '" + std::string(1, s_[i_]) + "'");
    }

  private:
    using op = plural_rule::op;

    [[noreturn]] void fail(const std::string& why) const {
        throw format_error("Plural-Forms: " + why + " at byte " + std::to_string(i_ + 1));
    }
    void skip() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r'))
            ++i_;
    }
    bool eat(std::string_view t) {
        skip();
        if (s_.substr(i_, t.size()) != t)
            return false;
        i_ += t.size();
        return true;
    }
    std::uint32_t add_node(op kind, std::uint32_t a = 0, std::uint32_t b = 0, std::uint32_t c = 0,
                           std::uint64_t value = 0) {
        rule_.nodes_.push_back({kind, value, a, b, c});
        return static_cast<std::uint32_t>(rule_.nodes_.size() - 1);
    }
    void enter(int depth) const {
        if (depth > max_depth)
            fail("nested too deeply");
    }

    std::uint32_t cond(int depth) {
        enter(depth);
        const auto test = binary_or(depth);
        if (!eat("?"))
            return test;
        const auto yes = cond(depth + 1);
        if (!eat(":"))
            fail("expected ':'");
        const auto no = cond(depth + 1);
        return add_node(op::cond, test, yes, no);
    }
    std::uint32_t binary_or(int depth) {
        auto left = binary_and(depth);
        while (eat("||"))
            left = add_node(op::or_, left, binary_and(depth));
        return left;
    }
    std::uint32_t binary_and(int depth) {
        auto left = equality(depth);
        while (eat("&&"))
            left = add_node(op::and_, left, equality(depth));
        return left;
    }
    std::uint32_t equality(int depth) {
        auto left = relation(depth);
        for (;;) {
            if (eat("=="))
                left = add_node(op::eq, left, relation(depth));
            else if (eat("!="))
                left = add_node(op::ne, left, relation(depth));
            else
                return left;
        }
    }
    std::uint32_t relation(int depth) {
        auto left = additive(depth);
        for (;;) {
            if (eat("<="))
                left = add_node(op::le, left, additive(depth));
            else if (eat(">="))
                left = add_node(op::ge, left, additive(depth));
            else if (eat("<"))
                left = add_node(op::lt, left, additive(depth));
            else if (eat(">"))
                left = add_node(op::gt, left, additive(depth));
            else
                return left;
        }
    }
    std::uint32_t additive(int depth) {
        auto left = multiplicative(depth);
        for (;;) {
            if (eat("+"))
                left = add_node(op::add, left, multiplicative(depth));
            else if (eat("-"))
                left = add_node(op::sub, left, multiplicative(depth));
            else
                return left;
        }
    }
    std::uint32_t multiplicative(int depth) {
        auto left = unary(depth);
        for (;;) {
            if (eat("*"))
                left = add_node(op::mul, left, unary(depth));
            else if (eat("/"))
                left = add_node(op::div, left, unary(depth));
            else if (eat("%"))
                left = add_node(op::mod, left, unary(depth));
            else
                return left;
        }
    }
    std::uint32_t unary(int depth) {
        enter(depth);
        skip();
        if (i_ >= s_.size())
            fail("unexpected end");
        const char c = s_[i_];
        if (c == '!' && s_.substr(i_, 2) != "!=") {
            ++i_;
            return add_node(op::not_, unary(depth + 1));
        }
        if (c == 'n') {
            ++i_;
            return add_node(op::n);
        }
        if (c >= '0' && c <= '9') {
            std::uint64_t v = 0;
            for (; i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9'; ++i_) {
                if (v > (UINT64_MAX - 9) / 10)
                    fail("number too large");
                v = v * 10 + static_cast<std::uint64_t>(s_[i_] - '0');
            }
            return add_node(op::number, 0, 0, 0, v);
        }
        if (c == '(') {
            ++i_;
            const auto inner = cond(depth + 1);
            if (!eat(")"))
                fail("expected ')'");
            return inner;
        }
        fail("unexpected '" + std::string(1, c) + "'");
    }

    std::string_view s_;
    std::size_t i_ = 0;
    plural_rule& rule_;
};

plural_rule::plural_rule() : plural_rule("n != 1") {}

plural_rule::plural_rule(std::string_view expression) {
    rule_parser(expression, *this).parse();
}

std::uint64_t plural_rule::form(std::uint64_t n) const noexcept {
    if (nodes_.empty())
        return 0;
    // Operands precede their operations, so a pass in order evaluates the whole tree
    // without recursion (both branches of ?: are evaluated; neither has side effects).
    std::vector<std::uint64_t> v(nodes_.size());
    for (std::size_t k = 0; k < nodes_.size(); ++k) {
        const node& x = nodes_[k];
        const std::uint64_t a = x.kind == op::number || x.kind == op::n ? 0 : v[x.a];
        const std::uint64_t b = x.b < k ? v[x.b] : 0;
        switch (x.kind) {
        case op::n: v[k] = n; break;
        case op::number: v[k] = x.value; break;
        case op::not_: v[k] = a == 0; break;
        case op::mul: v[k] = a * b; break;
        case op::div: v[k] = b == 0 ? 0 : a / b; break;
        case op::mod: v[k] = b == 0 ? 0 : a % b; break;
        case op::add: v[k] = a + b; break;
        case op::sub: v[k] = a - b; break;
        case op::lt: v[k] = a < b; break;
        case op::le: v[k] = a <= b; break;
        case op::gt: v[k] = a > b; break;
        case op::ge: v[k] = a >= b; break;
        case op::eq: v[k] = a == b; break;
        case op::ne: v[k] = a != b; break;
        case op::and_: v[k] = a != 0 && b != 0; break;
        case op::or_: v[k] = a != 0 || b != 0; break;
        case op::cond: v[k] = a != 0 ? b : v[x.c]; break;
        }
    }
    return v.back();
}

// ---- .mo catalogs -------------------------------------------------------------------

namespace {

/// The .mo bytes, read as 32-bit words in the file's byte order, every read checked.
class mo_bytes {
  public:
    explicit mo_bytes(std::string_view b) : b_(b) {
        if (b_.size() < 28)
            throw format_error("not a gettext catalog (shorter than its header)");
        const std::uint32_t magic = word_le(0);
        if (magic == 0x950412deU)
            big_ = false;
        else if (magic == 0xde120495U)
            big_ = true;
        else
            throw format_error("not a gettext catalog (no .mo magic number)");
    }
    std::uint32_t word(std::uint64_t at) const {
        if (at + 4 > b_.size())
            throw format_error("a table runs past the end of the catalog");
        const std::uint32_t le = word_le(static_cast<std::size_t>(at));
        return big_ ? __builtin_bswap32(le) : le;
    }
    /// The string of table entry `k` of the table at `table`.
    std::string_view string(std::uint32_t table, std::uint32_t k) const {
        const std::uint64_t at = std::uint64_t{table} + std::uint64_t{k} * 8;
        const std::uint64_t length = word(at), offset = word(at + 4);
        if (offset + length > b_.size())
            throw format_error("a string runs past the end of the catalog");
        return b_.substr(static_cast<std::size_t>(offset), static_cast<std::size_t>(length));
    }
    std::size_t size() const noexcept { return b_.size(); }

  private:
    std::uint32_t word_le(std::size_t at) const {
        const auto* p = reinterpret_cast<const unsigned char*>(b_.data() + at);
        return std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 | std::uint32_t{p[3]} << 24;
    }
    std::string_view b_;
    bool big_ = false;
};

/// The `plural=` expression of a catalog header's Plural-Forms line, or empty.
std::string_view plural_expression(std::string_view header) {
    for (std::size_t at = 0; at < header.size();) {
        const auto end = std::min(header.find('\n', at), header.size());
        const auto line = header.substr(at, end - at);
        at = end + 1;
        if (!line.starts_with("Plural-Forms:"))
            continue;
        const auto p = line.find("plural=");
        if (p == std::string_view::npos)
            throw format_error("Plural-Forms without plural=");
        auto expr = line.substr(p + 7);
        return expr.substr(0, std::min(expr.find(';'), expr.size()));
    }
    return {};
}

} // namespace

catalog::catalog(std::string_view mo) {
    const mo_bytes b(mo);
    const std::uint32_t revision = b.word(4);
    if ((revision >> 16) > 1)
        throw format_error("a gettext catalog of an unknown revision");
    const std::uint32_t count = b.word(8), originals = b.word(12), translations = b.word(16);
    // Each entry takes 8 bytes in each table: a count beyond that cannot be true.
    if (std::uint64_t{count} * 8 > b.size())
        throw format_error("a gettext catalog claiming more entries than it has bytes");
    entries_.reserve(count);
    for (std::uint32_t k = 0; k < count; ++k) {
        const std::string_view original = b.string(originals, k);
        const std::string_view translation = b.string(translations, k);
        const std::string_view singular = original.substr(0, std::min(original.find('\0'), original.size()));
        if (singular.empty()) { // the header
            if (const auto expr = plural_expression(translation); !expr.empty())
                rule_ = plural_rule(expr);
            continue;
        }
        std::vector<std::string> forms;
        for (std::size_t at = 0; at <= translation.size();) {
            const auto end = std::min(translation.find('\0', at), translation.size());
            forms.emplace_back(translation.substr(at, end - at));
            at = end + 1;
        }
        entries_.emplace(std::string(singular), std::move(forms));
    }
}

const std::vector<std::string>* catalog::entry(std::string_view context, std::string_view english) const {
    thread_local std::string key; // one buffer per thread: a look-up allocates nothing once it has grown
    key.assign(context);
    if (!context.empty())
        key += '\x04';
    key.append(english);
    const auto it = entries_.find(std::string_view(key));
    return it == entries_.end() ? nullptr : &it->second;
}

const std::string* catalog::find(std::string_view context, std::string_view english) const {
    const auto* forms = entry(context, english);
    return forms && !forms->front().empty() ? &forms->front() : nullptr;
}

const std::string* catalog::find(std::string_view context, std::string_view english, std::uint64_t n) const {
    const auto* forms = entry(context, english);
    if (!forms)
        return nullptr;
    const std::uint64_t k = rule_.form(n);
    return k < forms->size() && !(*forms)[k].empty() ? &(*forms)[k] : nullptr;
}

} // namespace rco::gettext

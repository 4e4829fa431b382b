#include "rco/io/xml_record.hpp"

#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <set>
#include <type_traits>

using namespace rco;

namespace {

const std::string open_root = R"(<rco-record xmlns="urn:rco-audit:rco-record:1" format="rco-record/1">)";

/// A record document around `body`, all on the first line unless `body` breaks it.
std::string doc(std::string_view body) {
    return open_root + std::string(body) + "</rco-record>";
}

io::read_result read(std::string_view text) {
    return io::read_record_xml(text, "rec.xml");
}

const diagnostic& first_error(const io::read_result& r) {
    for (const auto& d : r.diagnostics)
        if (d.severity == severity::error)
            return d;
    throw std::runtime_error("no error");
}

std::string all_messages(const io::read_result& r) {
    std::string out;
    for (const auto& d : r.diagnostics)
        out += format_diagnostic(d) + "\n";
    return out;
}

const char* const xml_examples[] = {"harbor-recovery-community", "riverbend-emerging-rco",
                                    "northfield-wellness-collective"};

record read_json_example(const std::string& base) {
    auto r = io::read_record_json(test::slurp(test::source_dir() / "examples" / (base + ".json")), base + ".json");
    if (!r.ok())
        throw std::runtime_error("example " + base + " has errors");
    return *r.record;
}

template <class T> struct is_vector : std::false_type {};
template <class T> struct is_vector<std::vector<T>> : std::true_type {};

/// Every list field of the model, found by walking the field tables.
template <record_struct T> void collect_list_fields(std::set<std::string>& lists) {
    T t{};
    T::fields(t, [&](const char* name, auto& field) {
        using F = typename std::remove_cvref_t<decltype(field)>::value_type;
        if constexpr (is_vector<F>::value) {
            lists.insert(name);
            if constexpr (record_struct<typename F::value_type>)
                collect_list_fields<typename F::value_type>(lists);
        } else if constexpr (record_struct<F>) {
            collect_list_fields<F>(lists);
        }
    });
}

/// Fills every field of the model, with two entries per list and text that XML
/// must escape, so that a round trip covers the whole format.
struct filler {
    std::string name;
    void operator()(std::string& s) const {
        s = name + " <&> \"q\" 'a' ]]> \r\n\ttab \xC3\xA9 \xF0\x9F\x98\x80 end";
    }
    void operator()(bool& b) const { b = true; }
    void operator()(std::int64_t& i) const { i = 2024; } // in every number's range (a year, seats, days)
    void operator()(money& m) const { m.cents = 123405; }
    void operator()(date& d) const { d = *parse_date("2024-02-29"); }
    template <record_enum E> void operator()(E& e) const { e = std::end(enum_names<E>::table)[-1].first; }
    template <class T> void operator()(std::vector<T>& v) const {
        v.resize(2);
        for (auto& x : v)
            (*this)(x);
    }
    template <record_struct T> void operator()(T& s) const {
        T::fields(s, [](const char* n, auto& f) {
            f.emplace();
            filler{n}(*f);
        });
    }
};

record every_field_record() {
    record r;
    filler{"record"}(r);
    r.format = std::string(record_format_id);
    for (auto& d : *r.documents)
        d.sha256 = std::string(64, 'a');
    return r;
}

/// The element names in XML text written by write_record_xml.
std::set<std::string> element_names(std::string_view xml) {
    std::set<std::string> names;
    for (std::size_t i = xml.find('<'); i != std::string_view::npos; i = xml.find('<', i + 1)) {
        const auto end = xml.find_first_of(" />", i + 1);
        const auto name = xml.substr(i + 1, end - i - 1);
        if (!name.empty() && name[0] != '?' && name[0] != '/')
            names.insert(std::string(name));
    }
    return names;
}

audit_result audit_example(const record& rec) {
    return audit(io::builtin_catalog(), "national", rec, *rec.as_of);
}

} // namespace

BOOST_AUTO_TEST_SUITE(xml_record)

BOOST_AUTO_TEST_CASE(every_list_field_has_an_item_element_name) {
    std::set<std::string> lists;
    collect_list_fields<record>(lists);
    BOOST_TEST(lists.size() >= 20u);
    for (const auto& l : lists)
        BOOST_TEST_CONTEXT(l) {
            BOOST_TEST(!io::xml_item_name(l).empty());
            BOOST_TEST(io::xml_item_name(l) != l);
        }
    BOOST_TEST(io::xml_item_name("members") == "member");
    BOOST_TEST(io::xml_item_name("eligibility") == "value");
    BOOST_TEST(io::xml_item_name("name").empty());
}

BOOST_AUTO_TEST_CASE(every_field_survives_a_write_and_a_read) {
    const auto rec = every_field_record();
    const auto xml = io::write_record_xml(rec);
    auto back = read(xml);
    BOOST_TEST_INFO(all_messages(back));
    BOOST_TEST(back.ok());
    for (const auto& d : back.diagnostics) // only warnings about values (counts beside members, ids, words)
        BOOST_TEST((d.message.find("unknown element") == std::string::npos &&
                    d.message.find("unknown attribute") == std::string::npos));
    BOOST_REQUIRE(back.record);
    BOOST_TEST(io::write_record_json(*back.record) == io::write_record_json(rec));
    BOOST_TEST(io::write_record_xml(*back.record) == xml);
    // The text that needed escaping, escaped.
    BOOST_TEST(xml.find("<mission>mission &lt;&amp;&gt; \"q\" 'a' ]]&gt; &#13;\n\ttab") != std::string::npos);
    BOOST_TEST(xml.find("<annual_expense>1234.05</annual_expense>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(control_characters_are_written_escaped_and_refused_when_read) {
    // A record built in code may hold a control character; the writer still writes
    // well-formed XML, and the reader refuses the text at the field, as the JSON reader does.
    record rec;
    rec.format = "rco-record/1";
    rec.organization.emplace().name = "Acme\x07\x1B[2J";
    const auto xml = io::write_record_xml(rec);
    BOOST_TEST(xml.find("Acme&#7;&#27;[2J") != std::string::npos);
    auto back = read(xml);
    BOOST_TEST(!back.ok());
    BOOST_REQUIRE(back.diagnostics.size() == 1u);
    BOOST_TEST(back.diagnostics[0].pointer == "/organization/name");
    BOOST_TEST(back.diagnostics[0].message.find("control character U+0007 (BEL) in the text") == 0u);
    BOOST_TEST(back.diagnostics[0].line == 4u);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_and_raw_controls_are_located_at_their_field) {
    struct bad_case {
        std::string bytes, message;
    };
    const bad_case cases[] = {
        {"\xC0\xAF", "invalid UTF-8: an overlong encoding (bytes C0 AF)"},
        {"\xED\xA0\x80", "invalid UTF-8: an encoded UTF-16 surrogate (bytes ED A0 80)"},
        {"\xF4\x90\x80\x80", "invalid UTF-8: a code point above U+10FFFF (bytes F4 90 80 80)"},
        {"\xE2\x82", "invalid UTF-8: a truncated sequence (bytes E2 82)"},
        {"\x1B", "control character U+001B (ESC) in the text"},
        {"&#x1B;", "control character U+001B (ESC) in the text"},
        {"\xC2\x9B", "control character U+009B (CSI) in the text"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.message) {
            auto r = read(doc("\n<organization>\n<name>Acme " + c.bytes + "</name></organization>"));
            BOOST_TEST(!r.ok());
            BOOST_TEST_INFO(all_messages(r));
            BOOST_REQUIRE(r.diagnostics.size() == 1u);
            BOOST_TEST(r.diagnostics[0].message.find(c.message) == 0u);
            BOOST_TEST(r.diagnostics[0].pointer == "/organization/name");
            BOOST_TEST(r.diagnostics[0].line == 3u);
            BOOST_TEST(r.diagnostics[0].column == 1u);
        }
    }
    // Outside any field that is read (here a comment), at the byte itself.
    auto r = read(doc("\n<!-- \xC0\xAF -->"));
    BOOST_REQUIRE(r.diagnostics.size() == 1u);
    BOOST_TEST(r.diagnostics[0].message.find("invalid UTF-8: an overlong encoding (bytes C0 AF)") == 0u);
    BOOST_TEST(r.diagnostics[0].line == 2u);
    BOOST_TEST(r.diagnostics[0].column == 6u);
}

BOOST_AUTO_TEST_CASE(unknown_elements_are_located_in_one_pass_and_capped) {
    std::string body;
    for (int i = 0; i < 5000; ++i)
        body += "\n<x" + std::to_string(i) + "/>";
    auto r = read(doc(body));
    BOOST_TEST(r.ok()); // warnings only
    BOOST_REQUIRE(r.diagnostics.size() == 1001u);
    BOOST_TEST(r.diagnostics[999].line == 1001u);
    BOOST_TEST(r.diagnostics[999].column == 1u);
    BOOST_TEST(r.diagnostics[1000].message ==
               "and 4,000 more problems in this file, not listed (only the first 1000 are)");
}

BOOST_AUTO_TEST_CASE(the_xsd_declares_every_element_the_writer_writes) {
    const auto xsd = test::slurp(test::source_dir() / "schema/rco-record-1.xsd");
    BOOST_TEST(xsd.find("targetNamespace=\"urn:rco-audit:rco-record:1\"") != std::string::npos);
    const auto names = element_names(io::write_record_xml(every_field_record()));
    BOOST_TEST(names.size() >= 100u);
    for (const auto& n : names)
        BOOST_TEST_CONTEXT(n) {
            BOOST_TEST(xsd.find("<xs:element name=\"" + n + "\"") != std::string::npos);
        }
}

BOOST_AUTO_TEST_CASE(examples_round_trip_json_xml_json) {
    for (const char* base :
         {"harbor-recovery-community", "riverbend-emerging-rco", "northfield-wellness-collective", "starter-record",
          "starter-record.es"}) {
        BOOST_TEST_CONTEXT(base) {
            const auto rec = read_json_example(base);
            auto back = read(io::write_record_xml(rec));
            BOOST_TEST_INFO(all_messages(back));
            BOOST_TEST(back.ok());
            BOOST_TEST(back.diagnostics.empty());
            BOOST_REQUIRE(back.record);
            BOOST_TEST(io::write_record_json(*back.record) == io::write_record_json(rec));
        }
    }
}

BOOST_AUTO_TEST_CASE(committed_xml_examples_are_the_writers_output) {
    for (const std::string base : xml_examples) {
        BOOST_TEST_CONTEXT(base) {
            const auto committed = test::slurp(test::source_dir() / "examples" / (base + ".xml"));
            BOOST_TEST(committed == io::write_record_xml(read_json_example(base)));
        }
    }
}

BOOST_AUTO_TEST_CASE(json_and_xml_examples_give_identical_audits) {
    const auto dir = test::source_dir() / "examples";
    for (const std::string base : xml_examples) {
        BOOST_TEST_CONTEXT(base) {
            auto j = io::read_record_json(test::slurp(dir / (base + ".json")), base + ".json");
            auto x = io::read_record_xml(test::slurp(dir / (base + ".xml")), base + ".xml");
            BOOST_TEST_INFO(all_messages(x));
            BOOST_REQUIRE(j.ok());
            BOOST_REQUIRE(x.ok());
            BOOST_TEST(x.diagnostics.empty());
            // Document paths are relative to the record file, in either form.
            io::load_document_texts(*j.record, dir, base + ".json", j.diagnostics);
            io::load_document_texts(*x.record, dir, base + ".xml", x.diagnostics);
            BOOST_TEST(j.diagnostics.empty());
            BOOST_TEST(x.diagnostics.empty());
            report::report_info info;
            info.organization_name = *j.record->organization->name;
            BOOST_TEST(report::write_json(audit_example(*x.record), info) ==
                       report::write_json(audit_example(*j.record), info));
        }
    }
}

BOOST_AUTO_TEST_CASE(harbor_reads_a_document_text_from_a_file_beside_the_xml_record) {
    const auto dir = test::source_dir() / "examples";
    auto x = io::read_record_xml(test::slurp(dir / "harbor-recovery-community.xml"), "harbor.xml");
    BOOST_REQUIRE(x.ok());
    const auto& docs = *x.record->documents;
    auto it = std::find_if(docs.begin(), docs.end(), [](const document& d) { return d.path.has_value(); });
    BOOST_REQUIRE(it != docs.end());
    BOOST_TEST(*it->path == "texts/harbor-welcome.txt");
    io::load_document_texts(*x.record, dir, "harbor.xml", x.diagnostics);
    BOOST_TEST(x.diagnostics.empty());
    BOOST_TEST((*x.record->documents)[static_cast<std::size_t>(it - docs.begin())].text.has_value());
}

BOOST_AUTO_TEST_CASE(writer_output_shape) {
    record r;
    r.format = "rco-record/1";
    r.as_of = parse_date("2026-06-30");
    r.board.emplace().meetings.emplace();
    r.board->counts.emplace();
    r.services.emplace().emplace_back().annual_expense = money{150};
    BOOST_TEST(io::write_record_xml(r) == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                          "<rco-record xmlns=\"urn:rco-audit:rco-record:1\" format=\"rco-record/1\">\n"
                                          "  <as_of>2026-06-30</as_of>\n"
                                          "  <board>\n"
                                          "    <counts/>\n"
                                          "    <meetings/>\n"
                                          "  </board>\n"
                                          "  <services>\n"
                                          "    <service>\n"
                                          "      <annual_expense>1.50</annual_expense>\n"
                                          "    </service>\n"
                                          "  </services>\n"
                                          "</rco-record>\n");
    // Present but empty stays present and empty.
    auto back = read(io::write_record_xml(r));
    BOOST_REQUIRE(back.ok());
    BOOST_TEST(back.record->board->meetings->empty());
    BOOST_TEST(back.record->board->counts.has_value());
    BOOST_TEST(!back.record->board->members.has_value());
    BOOST_TEST(back.record->services->at(0).annual_expense->cents == 150);
}

BOOST_AUTO_TEST_CASE(typed_values_text_cdata_and_whitespace) {
    auto r = read("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n" + open_root + "\r\n" +
                  R"(<as_of> 2026-06-30 </as_of>
  <organization>
    <name>  Two  spaces  </name>
    <legal_status>
      501c3_pending
    </legal_status>
    <autonomy><area>budget</area><!-- a comment --><area>programs</area></autonomy>
    <mission><![CDATA[Peers & <allies>]]> together &amp; &#x1F600;</mission>
    <vision>line one
line two&#13;</vision>
  </organization>
  <board>
    <members><member><id>b1</id><voting> true </voting><recovery_identity>family</recovery_identity></member></members>
    <meetings/>
  </board>
  <services><service><name>S</name><annual_expense>1234.5</annual_expense></service>
            <service><annual_expense>+0.005</annual_expense></service></services>
  <volunteers><count_12m>+7</count_12m></volunteers>
</rco-record>)");
    BOOST_TEST_INFO(all_messages(r));
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r.diagnostics.empty());
    const auto& rec = *r.record;
    BOOST_TEST(*rec.format == "rco-record/1");
    BOOST_TEST(format_date(*rec.as_of) == "2026-06-30");
    BOOST_TEST(*rec.organization->name == "  Two  spaces  "); // text is kept exactly
    BOOST_TEST((rec.organization->legal_status == legal_status::exempt_501c3_pending));
    BOOST_TEST(rec.organization->autonomy->size() == 2u);
    BOOST_TEST(*rec.organization->mission == "Peers & <allies> together & \xF0\x9F\x98\x80");
    BOOST_TEST(*rec.organization->vision == "line one\nline two\r"); // CR LF read as LF; &#13; is a CR
    BOOST_TEST((rec.board->members->at(0).recovery_identity == recovery_identity::family));
    BOOST_TEST(*rec.board->members->at(0).voting);
    BOOST_TEST(rec.board->meetings->empty());
    BOOST_TEST(!rec.board->counts.has_value());
    BOOST_TEST(rec.services->at(0).annual_expense->cents == 123450);
    BOOST_TEST(rec.services->at(1).annual_expense->cents == 1); // half a cent rounds up
    BOOST_TEST(*rec.volunteers->count_12m == 7);
}

BOOST_AUTO_TEST_CASE(namespace_prefixes_and_foreign_attributes) {
    auto r = read(R"(<r:rco-record xmlns:r="urn:rco-audit:rco-record:1" format="rco-record/1"
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
        xsi:schemaLocation="urn:rco-audit:rco-record:1 rco-record-1.xsd">
      <r:as_of xml:lang="en">2026-06-30</r:as_of>
      <x:note xmlns:x="urn:example:notes">ours</x:note>
    </r:rco-record>)");
    BOOST_TEST_INFO(all_messages(r));
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(format_date(*r.record->as_of) == "2026-06-30");
    BOOST_REQUIRE(r.diagnostics.size() == 1u); // only the foreign element
    BOOST_TEST((r.diagnostics[0].severity == severity::warning));
    BOOST_TEST(r.diagnostics[0].message.find("element <x:note> in namespace \"urn:example:notes\" is ignored") == 0u);
    BOOST_TEST(r.diagnostics[0].line == 5u);
    BOOST_TEST(r.diagnostics[0].column == 7u);
}

BOOST_AUTO_TEST_CASE(malformed_xml_gives_line_and_column) {
    auto r = read(open_root + "\n  <as_of>2026-06-30</as_f>\n</rco-record>");
    BOOST_TEST(!r.ok());
    BOOST_TEST(!r.record.has_value());
    const auto& e = first_error(r);
    BOOST_TEST(e.file == "rec.xml");
    BOOST_TEST(e.line == 2u);
    BOOST_TEST(e.column == 20u);
    BOOST_TEST(e.message == "malformed XML (the end tag </as_f> does not match the element it closes); expected an "
                            "rco-record/1 XML document");
}

BOOST_AUTO_TEST_CASE(wrong_value_names_element_path_pointer_line_and_column) {
    // Columns count code points: "Zoë" is 3 columns, 4 bytes.
    auto r = read(open_root + R"(
<board>
  <members>
    <member><id>b1</id><voting>true</voting></member>
    <member><id>b2</id></member>
    <member><name>Zoë</name><voting>yes</voting></member>
  </members>
</board>
</rco-record>)");
    BOOST_TEST(!r.ok());
    BOOST_REQUIRE(r.diagnostics.size() == 1u);
    const auto& e = r.diagnostics[0];
    BOOST_TEST(e.pointer == "/board/members/2/voting");
    // A board member's field: the value is not quoted without --show-names.
    BOOST_TEST(e.message == "expected true or false, got a value not shown here (it may identify a board member; "
                            "--show-names shows it) (element /rco-record/board/members/member[3]/voting)");
    BOOST_TEST(e.line == 6u);
    BOOST_TEST(e.column == 29u);
    BOOST_TEST(format_diagnostic(e) == "rec.xml:6:29: error: expected true or false, got a value not shown here (it "
                                       "may identify a board member; --show-names shows it) (element "
                                       "/rco-record/board/members/member[3]/voting) (at /board/members/2/voting)");
    // Like JSON, a failed read hands out no half-read record.
    BOOST_TEST(!r.record.has_value());
    BOOST_CHECK_THROW((void)r.record->board, std::bad_optional_access);
}

BOOST_AUTO_TEST_CASE(invalid_enum_and_date) {
    auto r = read(doc("<as_of>June 2026</as_of><organization><legal_status>nonprofit</legal_status></organization>"));
    BOOST_TEST(!r.ok());
    BOOST_REQUIRE(r.diagnostics.size() == 2u);
    BOOST_TEST(r.diagnostics[0].pointer == "/as_of");
    BOOST_TEST(r.diagnostics[0].message ==
               "expected a date as YYYY-MM-DD (e.g. 2026-06-30), got \"June 2026\" (element /rco-record/as_of)");
    BOOST_TEST(r.diagnostics[0].column == 70u);
    BOOST_TEST(r.diagnostics[1].pointer == "/organization/legal_status");
    BOOST_TEST(r.diagnostics[1].message.find("expected one of 501c3, 501c3_pending, fiscally_sponsored") == 0u);
    BOOST_TEST(r.diagnostics[1].message.find("got \"nonprofit\" (element /rco-record/organization/legal_status)") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_elements_and_attributes_are_warnings) {
    auto r = read(doc(R"(<organisation/><board><members><member id="x"><id>b1</id><votng>true</votng></member>)"
                      R"(<memeber/></members></board><format>rco-record/1</format>)"));
    BOOST_TEST_INFO(all_messages(r));
    BOOST_TEST(r.ok());
    BOOST_REQUIRE(r.diagnostics.size() == 5u);
    for (const auto& d : r.diagnostics)
        BOOST_TEST((d.severity == severity::warning));
    BOOST_TEST(r.diagnostics[0].pointer == "/organisation");
    BOOST_TEST(r.diagnostics[0].message == "unknown element <organisation> is ignored; did you mean <organization>? "
                                           "(element /rco-record/organisation)");
    BOOST_TEST(r.diagnostics[0].unknown);
    BOOST_TEST(r.diagnostics[1].pointer == "/board/members/0");
    // A board member's attribute: its value is not quoted without --show-names.
    BOOST_TEST(r.diagnostics[1].message.find("unknown attribute id=a value not shown here (it may identify a board "
                                             "member; --show-names shows it) on <member> is ignored") == 0u);
    BOOST_TEST(r.diagnostics[2].pointer == "/board/members/0/votng");
    BOOST_TEST(r.diagnostics[2].message.find("unknown element <votng>") == 0u);
    BOOST_TEST(r.diagnostics[2].message.find("(element /rco-record/board/members/member[1]/votng)") !=
               std::string::npos);
    BOOST_TEST(r.diagnostics[3].pointer == "/board/members");
    BOOST_TEST(r.diagnostics[3].message.find("unknown element <memeber> in <members> is ignored (expected <member> "
                                             "elements)") == 0u);
    BOOST_TEST(r.diagnostics[4].pointer == "/format");
    BOOST_TEST(r.diagnostics[4].message.find("the format is the format attribute of <rco-record>") !=
               std::string::npos);
    BOOST_TEST(r.record->board->members->size() == 1u);
}

BOOST_AUTO_TEST_CASE(doctype_and_entities_are_rejected_never_expanded) {
    const std::string xxe = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n" + open_root +
                            "<organization><name>&x;</name></organization></rco-record>";
    auto r = read(xxe);
    BOOST_TEST(!r.ok());
    BOOST_TEST(!r.record.has_value());
    BOOST_REQUIRE(r.diagnostics.size() == 1u);
    BOOST_TEST(r.diagnostics[0].message.find("DTDs and entity declarations are not accepted") == 0u);
    BOOST_TEST(r.diagnostics[0].line == 1u);
    BOOST_TEST(r.diagnostics[0].column == 1u);

    std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
    for (int i = 1; i < 10; ++i) {
        laughs += " <!ENTITY lol" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k)
            laughs += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
        laughs += "\">\n";
    }
    laughs += "]>\n" + doc("<organization><name>&lol9;</name></organization>");
    r = read(laughs);
    BOOST_TEST(!r.ok());
    BOOST_REQUIRE(r.diagnostics.size() == 1u);
    BOOST_TEST(r.diagnostics[0].message.find("DTDs and entity declarations are not accepted (found <!DOCTYPE)") == 0u);
    BOOST_TEST(r.diagnostics[0].line == 2u);

    // An entity used without any declaration is an error too, not literal text.
    r = read(doc("<organization>\n<name>&xxe;</name></organization>"));
    BOOST_TEST(!r.ok());
    BOOST_TEST(first_error(r).message.find("undeclared entity &xxe;") == 0u);
    BOOST_TEST(first_error(r).line == 2u);
    BOOST_TEST(first_error(r).column == 7u);
}

BOOST_AUTO_TEST_CASE(truncated_xml_is_an_error_at_every_cut) {
    const auto full = test::slurp(test::source_dir() / "examples/harbor-recovery-community.xml");
    auto r = read(std::string_view(full).substr(0, full.size() / 2));
    BOOST_TEST(!r.ok());
    BOOST_TEST(first_error(r).message.find("the XML ends too early") == 0u);
    for (std::size_t cut = 0; cut + 1 < full.size(); cut += 37) {
        BOOST_TEST_CONTEXT("cut at " << cut) {
            auto t = read(std::string_view(full).substr(0, cut));
            BOOST_TEST(!t.ok());
            BOOST_TEST(!t.diagnostics.empty());
            BOOST_TEST(t.diagnostics.front().line >= 1u);
        }
    }
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_an_error_not_a_crash) {
    constexpr int depth = 100000;
    std::string deep = doc("<organization>");
    deep.resize(deep.size() - std::string("</rco-record>").size());
    deep.reserve(deep.size() + depth * 7 + 64);
    for (int i = 0; i < depth; ++i)
        deep += "<x>";
    const std::string unclosed = deep;
    for (int i = 0; i < depth; ++i)
        deep += "</x>";
    deep += "</organization></rco-record>";
    for (const std::string* text : {static_cast<const std::string*>(&deep), &unclosed}) {
        auto r = read(*text);
        BOOST_TEST(!r.ok());
        BOOST_REQUIRE(!r.diagnostics.empty());
        BOOST_TEST(r.diagnostics[0].message.find("the XML nests deeper than 64 levels") == 0u);
        BOOST_TEST(r.diagnostics[0].line == 1u);
    }
    // Just under the limit is read, with the unknown element reported once.
    std::string ok = doc("<organization>");
    ok.resize(ok.size() - std::string("</rco-record>").size());
    for (int i = 0; i < 62; ++i)
        ok += "<x>";
    for (int i = 0; i < 62; ++i)
        ok += "</x>";
    ok += "</organization></rco-record>";
    auto r = read(ok);
    BOOST_TEST(r.ok());
    BOOST_TEST(r.diagnostics.size() == 1u);
}

BOOST_AUTO_TEST_CASE(bad_inputs_are_errors_never_crashes) {
    struct bad_case {
        std::string text, expect;
    };
    const bad_case cases[] = {
        {"", "the file is empty"},
        {"   \n ", "the file is empty"},
        {std::string("\x89PNG\r\n\x1a\n\0\0\0", 11), "not a text file"},
        {"\xff\xfe<\0r\0", "UTF-16"},
        {"<rco-record>\xc3\x28</rco-record>", "invalid UTF-8: a truncated sequence (byte C3)"},
        {"garbage", "unexpected text before the root element"},
        {"{\"format\":\"rco-record/1\"}", "looks like JSON"},
        {"<other/>", "expected an rco-record element"},
        {"<rco-record format=\"rco-record/1\"/>", "expected an rco-record element"},
        {"<rco-record xmlns=\"urn:example\" format=\"rco-record/1\"/>", "expected an rco-record element"},
        {"<rco-record xmlns=\"urn:rco-audit:rco-record:1\" format=\"rco-record/2\"/>",
         "expected format=\"rco-record/1\""},
        {"<rco-record xmlns=\"urn:rco-audit:rco-record:1\"/>", "missing format=\"rco-record/1\""},
        {doc("") + "<rco-record/>", "a second root element"},
        {doc("") + "trailing", "unexpected text after the end of the root element"},
        {open_root + "<as_of>2026-06-30", "the XML ends too early"},
        {open_root + "<as_of>2026-06-30</as_of", "the XML ends too early"},
        {open_root + "<as_of a=\"2026", "the XML ends too early"},
        {open_root + "<!-- a comment", "the XML ends too early"},
        {doc("<volunteers><count_12m>1e400</count_12m></volunteers>"), "expected a whole number, got \"1e400\""},
        {doc("<volunteers><count_12m>123456789012345678901234567890</count_12m></volunteers>"), "too large"},
        {doc("<volunteers><count_12m>-3</count_12m></volunteers>"), "0 or more"},
        {doc("<volunteers><count_12m>2.5</count_12m></volunteers>"), "whole number"},
        {doc("<volunteers><count_12m/></volunteers>"), "expected a whole number, got an empty element"},
        {doc("<services><service><annual_expense>1e300</annual_expense></service></services>"),
         "expected an amount in dollars (a number)"},
        {doc("<services><service><annual_expense>99999999999999999</annual_expense></service></services>"),
         "which is too large"},
        {doc("<services><service><annual_expense>1000000000000.01</annual_expense></service></services>"),
         "from $0 to $1,000,000,000,000, got $1,000,000,000,000.01"},
        {doc("<services><service><annual_expense>-5</annual_expense></service></services>"), "0 or more"},
        {doc("<board><counts><voting>10001</voting></counts></board>"), "from 0 to 10,000, got 10,001"},
        {doc("<services>Recovery coaching</services>"), "expected a list of <service> elements, got text"},
        {doc("<organization>Harbor</organization>"), "expected child elements for the fields of <organization>"},
        {doc("<organization><name><first>A</first></name></organization>"),
         "expected text, got an element with child elements (<first>)"},
        {doc("<organization><name>A</name><name>B</name></organization>"), "<name> is given more than once"},
        {doc("<p:organization/>"), "namespace prefix \"p\" of <p:organization> is not declared"},
        {doc("<organization><name>a & b</name></organization>"), "a '&' that does not start"},
        {doc("<organization><name>&#0;</name></organization>"), "which XML cannot carry"},
        {doc("<organization><name>&#xD800;</name></organization>"), "which XML cannot carry"},
        {doc("<organization><name>\x07</name></organization>"), "control character U+0007 (BEL) in the text"},
        {doc("<organization><name>&#7;</name></organization>"), "control character U+0007 (BEL) in the text"},
        {doc("<!-- \x07 -->"), "control character U+0007 (BEL) is not allowed in XML"},
        {doc("<organization><name>x ]]> y</name></organization>"), "']]>' in text"},
        {doc("<organization><name>1 < 2</name></organization>"), "a '<' that does not start a tag"},
        {"<rco-record xmlns=\"urn:rco-audit:rco-record:1\" format=\"a<b\"/>", "'<' in an attribute value"},
        {"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + doc(""), "reads UTF-8 only"},
        {doc("") + "<?xml version=\"1.0\"?>", "must be at the very start"},
        {doc("<documents><document><id>d</id><sha256>abc</sha256></document></documents>"),
         "expected 64 hexadecimal digits"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.expect) {
            auto r = read(c.text);
            BOOST_TEST(!r.ok());
            bool found = false;
            for (const auto& d : r.diagnostics)
                found = found || (d.severity == severity::error && d.message.find(c.expect) != std::string::npos &&
                                  d.file == "rec.xml" && d.line >= 1u);
            BOOST_TEST_INFO(all_messages(r));
            BOOST_TEST(found);
        }
    }
}

BOOST_AUTO_TEST_CASE(consistency_warnings_point_at_elements) {
    auto r = read(open_root + "\n<board><members/>\n  <counts><voting>3</voting></counts></board>\n"
                              "<bylaws><document>doc-missing</document></bylaws>\n"
                              "<documents><document><id>d</id></document></documents></rco-record>");
    BOOST_TEST_INFO(all_messages(r));
    BOOST_TEST(r.ok());
    BOOST_REQUIRE(r.diagnostics.size() == 2u);
    BOOST_TEST(r.diagnostics[0].pointer == "/board/counts");
    BOOST_TEST(r.diagnostics[0].message.find("both board.members and board.counts are given") == 0u);
    BOOST_TEST(r.diagnostics[0].message.find("(element /rco-record/board/counts)") != std::string::npos);
    BOOST_TEST(r.diagnostics[0].line == 3u);
    BOOST_TEST(r.diagnostics[0].column == 3u);
    BOOST_TEST(r.diagnostics[1].pointer == "/bylaws/document");
    BOOST_TEST(r.diagnostics[1].message.find("evidence id \"doc-missing\"") == 0u);
    BOOST_TEST(r.diagnostics[1].line == 4u);
    BOOST_TEST(r.diagnostics[1].column == 9u);
}

BOOST_AUTO_TEST_SUITE_END()

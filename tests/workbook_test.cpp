#include "rco/i18n.hpp"
#include "rco/io/workbook.hpp"

#include <boost/test/unit_test.hpp>

#include "support.hpp"
#include "zip_support.hpp"

#include <map>

using namespace rco;

namespace {

using test::make_zip;
using test::unzip;

const std::string ns = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
                       R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";

/// True when a comments part of the unzipped workbook holds `text` (a field's help on its header).
bool has_comment(const std::map<std::string, std::string>& parts, std::string_view text) {
    for (const auto& [name, data] : parts)
        if (name.find("comments") != std::string::npos && data.find(text) != std::string::npos)
            return true;
    return false;
}

/// A worksheet part from rows of raw <c> elements.
std::string sheet_xml(const std::vector<std::string>& rows) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet " + ns + "><sheetData>";
    for (const auto& r : rows)
        out += r;
    return out + "</sheetData></worksheet>";
}

std::string istr(const std::string& ref, const std::string& text) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}
std::string num(const std::string& ref, const std::string& v) { return "<c r=\"" + ref + "\"><v>" + v + "</v></c>"; }
std::string row(int r, const std::string& cells) {
    return "<row r=\"" + std::to_string(r) + "\">" + cells + "</row>";
}

/// A minimal workbook as a spreadsheet program writes it: the Record sheet with the
/// format (unless `sheets` starts with its own, in English or Spanish), then `sheets` (name, worksheet XML), shared strings and the date system.
std::string make_workbook(const std::vector<std::pair<std::string, std::string>>& sheets,
                     const std::vector<std::string>& shared = {}, bool date1904 = false,
                     std::vector<std::pair<std::string, std::string>> extra = {}) {
    std::vector<std::pair<std::string, std::string>> all;
    if (sheets.empty() || (sheets.front().first != "Record" && sheets.front().first != "Expediente"))
        all.push_back({"Record", sheet_xml({row(1, istr("A1", "Field") + istr("B1", "Value")),
                                            row(2, istr("A2", "format") + istr("B2", "rco-record/1"))})});
    all.insert(all.end(), sheets.begin(), sheets.end());
    std::string types = R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>)";
    std::string rels = R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)";
    std::string book = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook " + ns + ">" +
                       (date1904 ? "<workbookPr date1904=\"1\"/>" : "") + "<sheets>";
    std::string brels = R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
    std::vector<std::pair<std::string, std::string>> files = {{"[Content_Types].xml", types}, {"_rels/.rels", rels}};
    for (std::size_t i = 0; i < all.size(); ++i) {
        const auto id = std::to_string(i + 1);
        book += "<sheet name=\"" + all[i].first + "\" sheetId=\"" + id + "\" r:id=\"rId" + id + "\"/>";
        brels += "<Relationship Id=\"rId" + id +
                 "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                 "Target=\"worksheets/sheet" + id + ".xml\"/>";
        files.push_back({"xl/worksheets/sheet" + id + ".xml", all[i].second});
    }
    book += "</sheets></workbook>";
    if (!shared.empty()) {
        brels += R"(<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)";
        std::string sst = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst " + ns + ">";
        for (const auto& s : shared)
            sst += s;
        files.push_back({"xl/sharedStrings.xml", sst + "</sst>"});
    }
    brels += "</Relationships>";
    files.push_back({"xl/workbook.xml", book});
    files.push_back({"xl/_rels/workbook.xml.rels", brels});
    files.insert(files.end(), extra.begin(), extra.end());
    return make_zip(files);
}

io::read_result read(const std::string& bytes) { return io::read_record_xlsx(bytes, "my-rco.xlsx"); }

const message_language& spanish() {
    const auto* es = i18n::find("es");
    BOOST_REQUIRE(es != nullptr);
    return *es;
}

std::string all_messages(const io::read_result& r) {
    std::string out;
    for (const auto& d : r.diagnostics)
        out += format_diagnostic(d) + "\n";
    return out;
}

const char* const examples[] = {"harbor-recovery-community", "riverbend-emerging-rco",
                                "northfield-wellness-collective", "starter-record", "starter-record.es"};

record example(const std::string& base) {
    auto r = io::read_record_json(test::slurp(test::source_dir() / "examples" / (base + ".json")), base + ".json");
    BOOST_REQUIRE(r.ok());
    return *r.record;
}

std::string audit_json(const record& rec) {
    return report::write_json(audit(io::builtin_catalog(), "national", rec, *rec.as_of), test::report_info_for());
}

} // namespace

BOOST_AUTO_TEST_SUITE(workbook)

BOOST_AUTO_TEST_CASE(every_example_round_trips_to_the_same_record_and_audit) {
    for (const auto* base : examples) {
        BOOST_TEST_CONTEXT(base) {
            const auto rec = example(base);
            auto written = io::write_record_xlsx(rec);
            BOOST_REQUIRE(written.ok());
            BOOST_TEST(io::looks_like_workbook(written.bytes));
            BOOST_TEST((io::detect_input(written.bytes) == io::input_kind::workbook));
            auto back = read(written.bytes);
            BOOST_TEST_REQUIRE(back.ok(), all_messages(back));
            BOOST_TEST(io::write_record_json(*back.record) == io::write_record_json(rec));
            BOOST_TEST(audit_json(*back.record) == audit_json(rec));
            // read_record finds the workbook by its content.
            BOOST_TEST(io::read_record(written.bytes, "x").ok());
        }
    }
}

BOOST_AUTO_TEST_CASE(blank_workbook_reads_as_a_record_with_only_its_format) {
    auto blank = io::blank_workbook();
    BOOST_REQUIRE(blank.ok());
    auto r = read(blank.bytes);
    BOOST_TEST_REQUIRE(r.ok(), all_messages(r));
    BOOST_TEST(io::write_record_json(*r.record) == "{\n  \"format\": \"rco-record/1\"\n}\n");
    BOOST_TEST(r.diagnostics.empty(), all_messages(r));
}

BOOST_AUTO_TEST_CASE(blank_workbook_has_sheets_drop_downs_dates_counts_and_help) {
    const auto parts = unzip(io::blank_workbook().bytes);
    const auto& book = parts.at("xl/workbook.xml");
    for (const char* name : {"Start here", "Record", "Organization", "Board", "Board members", "Board meetings",
                             "Services", "Peer workers", "Input events", "Decisions", "Policies", "Grievances",
                             "Documents"})
        BOOST_TEST(book.find("name=\"" + std::string(name) + "\"") != std::string::npos, name);
    // Sheets in order: 1 Start here, 2 Record, 3 Organization, 4 Filings, 5 Board, 6 Board members.
    const auto& members = parts.at("xl/worksheets/sheet6.xml");
    BOOST_TEST(members.find("<pane ySplit=\"1\"") != std::string::npos); // frozen header
    BOOST_TEST(members.find("<formula1>\"yes,no\"</formula1>") != std::string::npos);
    BOOST_TEST(members.find("<formula1>\"chair,vice_chair,secretary,treasurer,none\"</formula1>") !=
               std::string::npos);
    BOOST_TEST(members.find("<formula1>\"personal,family,ally,none,undisclosed\"</formula1>") != std::string::npos);
    BOOST_TEST(members.find("type=\"date\"") != std::string::npos);
    const auto& board = parts.at("xl/worksheets/sheet5.xml");
    BOOST_TEST(board.find("type=\"whole\"") != std::string::npos); // counts.voting
    // Help: schema descriptions in the help column (shared strings) and header comments.
    const auto& sst = parts.at("xl/sharedStrings.xml");
    BOOST_TEST(sst.find("Stable identifier of the seat or member") == std::string::npos); // a comment, not a cell
    BOOST_TEST(sst.find("Number of seated voting members. A whole number.") != std::string::npos);
    BOOST_TEST(has_comment(parts, "Stable identifier of the seat or member"));
    BOOST_TEST(sst.find("identified by ids (b01, p01, ...), never by names") != std::string::npos); // the privacy rule on the Start sheet
    // Date cells carry a date format.
    BOOST_TEST(parts.at("xl/styles.xml").find("formatCode=\"yyyy-mm-dd\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(cells_of_every_kind_as_spreadsheet_programs_write_them) {
    // Columns in any order, an empty row in the middle, shared strings with rich text
    // runs, inline strings, booleans, numbers, a formula's cached value, date serials
    // and ISO text dates.
    const std::vector<std::string> shared = {
        "<si><t>attested</t></si>", "<si><t>id</t></si>", "<si><t>voting</t></si>",
        "<si><r><t>b</t></r><r><rPr><b/></rPr><t>01</t></r><rPh><t>X</t></rPh></si>", "<si><t>seat</t></si>",
        "<si><t>filled</t></si>"};
    auto members = sheet_xml({
        row(1, "<c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
               "<c r=\"D1\" t=\"s\"><v>4</v></c>"),
        row(2, num("A2", "46022") + "<c r=\"B2\" t=\"s\"><v>3</v></c><c r=\"C2\" t=\"b\"><v>1</v></c>"
                   "<c r=\"D2\" t=\"s\"><v>5</v></c>"),
        row(3, ""),
        row(5, istr("A5", " 2025-07-01 ") + istr("B5", "b02") +
                   "<c r=\"C5\" t=\"str\"><f>IF(1,\"no\",\"yes\")</f><v>no</v></c>" + istr("D5", "vacant")),
        row(6, istr("A6", "2025-08-01") + num("B6", "103") + istr("C6", "Yes")),
    });
    auto r = read(make_workbook({{"Board members", members}}, shared));
    BOOST_TEST_REQUIRE(r.ok(), all_messages(r));
    const auto& m = *r.record->board->members;
    BOOST_TEST_REQUIRE(m.size() == 3u);
    BOOST_TEST(*m[0].id == "b01");
    BOOST_TEST(*m[0].voting == true);
    BOOST_TEST(*m[0].seat == seat_state::filled);
    BOOST_TEST(format_date(*m[0].attested) == "2025-12-31"); // serial 46022 in the 1900 system
    BOOST_TEST(*m[1].id == "b02");
    BOOST_TEST(*m[1].voting == false);
    BOOST_TEST(*m[1].seat == seat_state::vacant);
    BOOST_TEST(format_date(*m[1].attested) == "2025-07-01");
    BOOST_TEST(*m[2].id == "103"); // a number typed in a text column is its digits
    BOOST_TEST(*m[2].voting == true);
}

BOOST_AUTO_TEST_CASE(date_systems_1900_and_1904) {
    auto rec = [](bool d1904, const std::string& serial) {
        auto sheet = sheet_xml({row(1, istr("A1", "Field") + istr("B1", "Value")),
                                row(2, istr("A2", "format") + istr("B2", "rco-record/1")),
                                row(3, istr("A3", "as_of") + num("B3", serial))});
        return read(make_workbook({{"Record", sheet}}, {}, d1904));
    };
    auto a = rec(false, "46203");
    BOOST_TEST_REQUIRE(a.record.has_value(), all_messages(a));
    BOOST_TEST(format_date(*a.record->as_of) == "2026-06-30");
    auto b = rec(true, "44741");
    BOOST_TEST_REQUIRE(b.record.has_value(), all_messages(b));
    BOOST_TEST(format_date(*b.record->as_of) == "2026-06-30");
    auto early = rec(false, "59"); // before the fictitious 1900-02-29
    BOOST_TEST(format_date(*early.record->as_of) == "1900-02-28");
    auto bug = rec(false, "60");
    BOOST_TEST(!bug.ok());
    BOOST_TEST(all_messages(bug).find("Record!B3: expected a real date") != std::string::npos, all_messages(bug));
    // A sheet given twice (names match without regard to case and spaces) is an error.
    auto twice = read(make_workbook({{"record ", sheet_xml({})}}));
    BOOST_TEST(!twice.ok());
    BOOST_TEST(all_messages(twice).find("sheet \"record \" repeats the sheet Record") != std::string::npos,
               all_messages(twice));
}

BOOST_AUTO_TEST_CASE(errors_name_file_sheet_cell_and_pointer) {
    std::vector<std::string> rows = {row(1, istr("A1", "id") + istr("B1", "voting") + istr("C1", "attested"))};
    for (int i = 2; i <= 6; ++i)
        rows.push_back(row(i, istr("A" + std::to_string(i), "b0" + std::to_string(i)) +
                                  istr("B" + std::to_string(i), "yes")));
    rows.push_back(row(7, istr("A7", "jane-doe") + istr("B7", "maybe") + istr("C7", "June 31st")));
    auto r = read(make_workbook({{"Board members", sheet_xml(rows)}}));
    BOOST_TEST(!r.ok());
    BOOST_TEST((!r.record || has_errors(r.diagnostics)));
    const auto text = all_messages(r);
    BOOST_TEST(text.find("my-rco.xlsx: error: 'Board members'!B7: expected yes or no (at "
                         "/board/members/5/voting)") != std::string::npos,
               text);
    BOOST_TEST(text.find("'Board members'!C7: expected a date") != std::string::npos, text);
    BOOST_TEST(text.find("(at /board/members/5/attested)") != std::string::npos, text);
    // Board members' cells are private: their values are never quoted.
    BOOST_TEST(text.find("maybe") == std::string::npos, text);
    BOOST_TEST(text.find("June") == std::string::npos, text);
    BOOST_TEST(text.find("jane") == std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(other_sheets_quote_what_they_got) {
    auto org = sheet_xml({row(1, istr("A1", "Field") + istr("B1", "Value") + istr("C1", "Help")),
                          row(2, istr("A2", "legal_status") + istr("B2", "nonprofit")),
                          row(3, istr("A3", "founded") + istr("B3", "June 31st")),
                          row(4, istr("A4", "formation_year") + istr("B4", "twelve")),
                          row(5, istr("A5", "fiscal_sponsor.name") + istr("B5", "Acme")),
                          row(6, istr("A6", "website.get_involved") + "<c r=\"B6\" t=\"e\"><v>#REF!</v></c>")});
    auto r = read(make_workbook({{"Organization", org}}));
    const auto text = all_messages(r);
    BOOST_TEST(text.find("Organization!B2: expected one of 501c3, 501c3_pending") != std::string::npos, text);
    BOOST_TEST(text.find("got \"nonprofit\" (at /organization/legal_status)") != std::string::npos, text);
    BOOST_TEST(text.find("Organization!B3: expected a date: a date cell, or text as YYYY-MM-DD (e.g. 2026-06-30), "
                         "got \"June 31st\" (at /organization/founded)") != std::string::npos,
               text);
    BOOST_TEST(text.find("Organization!B4: expected a whole number, got \"twelve\" (at "
                         "/organization/formation_year)") != std::string::npos,
               text);
    BOOST_TEST(text.find("Organization!B6: the cell shows the error \"#REF!\"") != std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(unknown_headers_labels_and_sheets_are_warnings_with_their_cell) {
    auto services = sheet_xml({row(1, istr("A1", "name") + istr("B1", "eligibilty") + istr("C1", "Category")),
                               row(2, istr("A2", "Peer coaching") + istr("B2", "open") + istr("C2", "sud_recovery"))});
    auto bylaws = sheet_xml({row(1, istr("A1", "Field") + istr("B1", "Value")),
                             row(2, istr("A2", "adoptd") + istr("B2", "2020-01-01"))});
    auto r = read(make_workbook({{"Services", services}, {"Bylaws", bylaws}, {"My notes", sheet_xml({})}}));
    BOOST_TEST_REQUIRE(r.ok(), all_messages(r));
    const auto text = all_messages(r);
    BOOST_TEST(text.find("warning: Services!B1: unknown column \"eligibilty\" is ignored") != std::string::npos,
               text);
    BOOST_TEST(text.find("warning: Bylaws!A2: unknown field \"adoptd\" is ignored") != std::string::npos, text);
    BOOST_TEST(text.find("warning: sheet \"My notes\" is not part of an rco-record/1 workbook") != std::string::npos,
               text);
    const auto& s = (*r.record->services)[0];
    BOOST_TEST(*s.name == "Peer coaching");
    BOOST_TEST(*s.category == service_category::sud_recovery); // headers match without regard to case
    BOOST_TEST(!s.eligibility.has_value());
}

BOOST_AUTO_TEST_CASE(lists_in_a_cell_and_empty_lists) {
    auto peers = sheet_xml({row(1, istr("A1", "id") + istr("B1", "supervision_sessions")),
                            row(2, istr("A2", "p01") + istr("B2", "2026-01-05; 2026-02-02 ;2026-03-02")),
                            row(3, istr("A3", "p02") + istr("B3", "(none)")),
                            row(4, istr("A4", "p03") + num("B4", "46203"))});
    auto pathways = sheet_xml({row(1, istr("A1", "Field") + istr("B1", "Value")),
                               row(2, istr("A2", "supported") + istr("B2", "mutual aid;; 12-step; medication"))});
    auto grievances = sheet_xml({row(1, istr("A1", "received") + istr("B1", "resolved")), row(2, istr("A2", "(none)"))});
    auto r = read(make_workbook({{"Peer workers", peers}, {"Pathways", pathways}, {"Grievances", grievances}}));
    BOOST_TEST_REQUIRE(r.ok(), all_messages(r));
    const auto& p = *r.record->peer_workers;
    BOOST_TEST_REQUIRE(p.size() == 3u);
    BOOST_TEST_REQUIRE(p[0].supervision_sessions->size() == 3u);
    BOOST_TEST(format_date((*p[0].supervision_sessions)[2]) == "2026-03-02");
    BOOST_TEST(p[1].supervision_sessions->empty());
    BOOST_TEST_REQUIRE(p[2].supervision_sessions->size() == 1u);
    BOOST_TEST(format_date((*p[2].supervision_sessions)[0]) == "2026-06-30");
    const auto& supported = *r.record->pathways->supported;
    BOOST_TEST_REQUIRE(supported.size() == 2u);
    BOOST_TEST(supported[0] == "mutual aid; 12-step");
    BOOST_TEST(supported[1] == "medication");
    BOOST_TEST_REQUIRE(r.record->grievances.has_value());
    BOOST_TEST(r.record->grievances->empty());
}

BOOST_AUTO_TEST_CASE(a_bad_date_in_a_peer_workers_list_is_located_and_not_quoted) {
    auto peers = sheet_xml({row(1, istr("A1", "id") + istr("B1", "supervision_sessions")),
                            row(2, istr("A2", "p-secret") + istr("B2", "2026-01-05; 2026-02-31"))});
    auto r = read(make_workbook({{"Peer workers", peers}}));
    const auto text = all_messages(r);
    BOOST_TEST(!r.ok());
    BOOST_TEST(text.find("'Peer workers'!B2: expected a date") != std::string::npos, text);
    BOOST_TEST(text.find("(at /peer_workers/0/supervision_sessions/1)") != std::string::npos, text);
    BOOST_TEST(text.find("2026-02-31") == std::string::npos, text);
    BOOST_TEST(text.find("p-secret") == std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(text_survives_exactly_control_characters_escapes_and_formulas) {
    auto rec = example("riverbend-emerging-rco");
    rec.organization->mission = "ctl\x01" "bell\x07 cr\r lf\n tab\t lit _x0041_ _x005F_ end  ";
    rec.organization->vision = "=1+2";
    rec.organization->founded = date{std::chrono::year{1850}, std::chrono::May, std::chrono::day{1}};
    auto w = io::write_record_xlsx(rec);
    BOOST_REQUIRE(w.ok());
    auto back = read(w.bytes);
    BOOST_TEST_REQUIRE(back.ok(), all_messages(back));
    BOOST_TEST(io::write_record_json(*back.record) == io::write_record_json(rec));
    rec.organization->website = website{};
    w = io::write_record_xlsx(rec);
    BOOST_REQUIRE(w.ok());
    BOOST_TEST_REQUIRE(w.diagnostics.size() == 1u);
    BOOST_TEST(w.diagnostics[0].pointer == "/organization/website");
    BOOST_TEST((w.diagnostics[0].severity == severity::warning));
}

BOOST_AUTO_TEST_CASE(writer_refuses_what_a_cell_cannot_hold_exactly) {
    auto rec = example("riverbend-emerging-rco");
    rec.volunteers = volunteers{};
    rec.volunteers->roles = std::vector<std::string>{"intake", " padded"};
    auto w = io::write_record_xlsx(rec);
    BOOST_TEST(!w.ok());
    BOOST_TEST(w.bytes.empty());
    BOOST_TEST_REQUIRE(!w.diagnostics.empty());
    BOOST_TEST(w.diagnostics[0].pointer == "/volunteers/roles/1");
    // Said in the language of the messages, whatever the workbook's.
    BOOST_TEST(format_diagnostic(w.diagnostics[0], spanish()) ==
               "<input>: error: un elemento de una lista en una celda no puede estar vacío, ser \"(none)\", empezar ni "
               "terminar con un espacio ni contener un salto de línea; no se puede escribir exactamente (en "
               "/volunteers/roles/1)");
    rec.volunteers->roles = std::vector<std::string>{"a;b", "c"};
    rec.organization->mission = std::string(40000, 'x');
    w = io::write_record_xlsx(rec, spanish());
    BOOST_TEST(!w.ok());
    BOOST_TEST(w.diagnostics[0].pointer == "/organization/mission");
    BOOST_TEST(w.diagnostics[0].message ==
               "text of 40000 characters does not fit in a spreadsheet cell (at most 32,767)");
    BOOST_TEST(format_diagnostic(w.diagnostics[0], spanish()) ==
               "<input>: error: un texto de 40.000 caracteres no cabe en una celda de una hoja de cálculo (como mucho "
               "32.767) (en /organization/mission)");
    rec.organization->mission = "";
    w = io::write_record_xlsx(rec);
    BOOST_TEST_REQUIRE(w.ok());
    auto back = read(w.bytes);
    BOOST_TEST_REQUIRE(back.ok(), all_messages(back));
    BOOST_TEST(io::write_record_json(*back.record) == io::write_record_json(rec)); // "a;b" and "" survive
}

// Hostile and broken files: refused with one clear error, no record, no crash.
BOOST_AUTO_TEST_CASE(hostile_workbooks_are_refused) {
    auto refused = [](const std::string& bytes, const std::string& words) {
        auto r = read(bytes);
        BOOST_TEST(!r.record.has_value());
        BOOST_TEST_REQUIRE(r.diagnostics.size() == 1u);
        BOOST_TEST(r.diagnostics[0].message.find(words) != std::string::npos, r.diagnostics[0].message);
    };
    const auto good = make_workbook({});
    BOOST_TEST(read(good).ok());
    // Truncated and corrupt zips.
    refused(good.substr(0, good.size() / 2), "truncated or corrupt");
    refused(std::string("PK\x03\x04", 4) + std::string(100, 'x'), "truncated or corrupt");
    // Encrypted workbooks and old .xls files are OLE compound files.
    refused(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'), "encrypted");
    // Macros.
    refused(make_workbook({}, {}, false, {{"xl/vbaProject.bin", "macro"}}), "macros");
    // A zip bomb: 40 MiB of zeros compressed to a few KiB.
    refused(make_workbook({{"Bylaws", std::string(40u << 20, ' ') + sheet_xml({})}}), "larger than");
    auto bomb = make_workbook({{"Bylaws", std::string(3u << 20, ' ') + sheet_xml({})}});
    refused(bomb, "zip bomb");
    // DTDs and entities in sheet XML.
    refused(make_workbook({{"Bylaws", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><worksheet " + ns +
                                    "><sheetData/></worksheet>"}}),
            "DTD");
    // Absurd dimensions.
    refused(make_workbook({{"Bylaws", sheet_xml({row(1, istr("A1048577", "x"))})}}), "beyond the grid");
    refused(make_workbook({{"Bylaws", sheet_xml({"<row r=\"2000000\"/>"})}}), "row number beyond");
    // Not UTF-8.
    refused(make_workbook({{"Bylaws", sheet_xml({row(1, istr("A1", "Field\xC3"))})}}), "not valid UTF-8");
    // Not a workbook at all.
    refused(make_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}}), "OpenDocument");
    refused(make_zip({{"a.txt", "hello"}}), "no [Content_Types].xml");
}

BOOST_AUTO_TEST_CASE(hostile_workbooks_are_refused_in_the_language_of_the_messages) {
    auto in_spanish = [](const std::string& bytes) {
        auto r = read(bytes);
        BOOST_TEST(!r.record.has_value());
        BOOST_TEST_REQUIRE(r.diagnostics.size() == 1u);
        BOOST_TEST(render(r.diagnostics[0].text) == r.diagnostics[0].message); // the English is the message's
        return format_diagnostic(r.diagnostics[0], spanish());
    };
    BOOST_TEST(in_spanish(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0')) ==
               "my-rco.xlsx: error: rechazado: el libro de cálculo está cifrado o protegido con contraseña, o es un "
               "archivo antiguo de Excel 97-2003 (.xls); guárdelo como libro de Excel (.xlsx) sin contraseña");
    BOOST_TEST(in_spanish(make_workbook({{"Bylaws", sheet_xml({"<row r=\"2000000\"/>"})}})) ==
               "my-rco.xlsx: error: rechazado: la hoja \"Bylaws\" tiene un número de fila mayor que 1.048.576 (o uno "
               "mal formado)");
    BOOST_TEST(in_spanish(make_workbook({{"Bylaws", std::string(40u << 20, ' ') + sheet_xml({})}})) ==
               "my-rco.xlsx: error: rechazado: xl/worksheets/sheet2.xml es más grande de lo que lee esta herramienta "
               "(32 MiB por parte, 64 MiB en total)");
    BOOST_TEST(in_spanish(make_workbook({}, {}, false, {{"xl/vbaProject.bin", "macro"}})) ==
               "my-rco.xlsx: error: rechazado: el libro de cálculo contiene macros (vbaProject.bin); guárdelo como "
               "libro de Excel normal (.xlsx), sin macros");
    auto other = make_zip({{"[Content_Types].xml", "<Types/>"},
                           {"xl/workbook.xml", "<workbook " + ns + "><sheets><sheet name=\"Sheet1\" r:id=\"rId1\"/></sheets></workbook>"}});
    BOOST_TEST(in_spanish(other) ==
               "my-rco.xlsx: error: no es un libro de cálculo rco-record/1: ninguna de sus hojas es del expediente "
               "(Expediente, Organización, Integrantes de la junta, ...); empiece por el libro de cálculo que escribe "
               "`rco-audit init mi-rco.xlsx --lang es`");
    const auto english = read(other);
    BOOST_TEST(english.diagnostics.at(0).message ==
               "not an rco-record/1 workbook: none of its sheets is one of the record's (Record, Organization, Board "
               "members, ...); start from the workbook `rco-audit init my-rco.xlsx` writes");
}

BOOST_AUTO_TEST_CASE(a_workbook_without_record_sheets_is_an_error) {
    auto r = read(make_workbook({}) /* has Record */);
    BOOST_TEST(r.ok());
    auto other = make_zip({{"[Content_Types].xml", "<Types/>"},
                           {"xl/workbook.xml", "<workbook " + ns + "><sheets><sheet name=\"Sheet1\" r:id=\"rId1\"/></sheets></workbook>"}});
    auto o = read(other);
    BOOST_TEST(!o.record.has_value());
    BOOST_TEST(all_messages(o).find("not an rco-record/1 workbook") != std::string::npos, all_messages(o));
}

BOOST_AUTO_TEST_CASE(cell_messages_in_spanish_keep_the_sheet_cell_and_pointer) {
    auto org = sheet_xml({row(1, istr("A1", "Field") + istr("B1", "Value") + istr("C1", "Help")),
                          row(2, istr("A2", "legal_status") + istr("B2", "nonprofit")),
                          row(3, istr("A3", "formation_year") + istr("B3", "twelve")),
                          row(4, istr("A4", "misson") + istr("B4", "x"))});
    std::vector<std::string> rows = {row(1, istr("A1", "id") + istr("B1", "voting"))};
    rows.push_back(row(2, istr("A2", "b01") + istr("B2", "maybe")));
    auto r = read(make_workbook({{"Organization", org}, {"Board members", sheet_xml(rows)}, {"Notas", sheet_xml({})}}));
    const auto* es = i18n::find("es");
    BOOST_REQUIRE(es != nullptr);
    std::string text;
    for (const auto& d : r.diagnostics) {
        text += format_diagnostic(d, *es) + "\n";
        BOOST_TEST(render(d.text) == d.message); // the English is the message's
    }
    for (const char* expected :
         {"my-rco.xlsx: error: Organization!B2: se esperaba uno de estos valores: 501c3, 501c3_pending, "
          "fiscally_sponsored, other_501c, for_profit, government, unincorporated u other, pero se encontró "
          "\"nonprofit\" (en /organization/legal_status)\n",
          "my-rco.xlsx: error: Organization!B3: se esperaba un número entero, pero se encontró \"twelve\" "
          "(en /organization/formation_year)\n",
          "my-rco.xlsx: advertencia: Organization!A4: se ignora el campo desconocido \"misson\"; ¿quiso decir "
          "\"mission\"? (en /organization)\n",
          "my-rco.xlsx: error: 'Board members'!B2: se esperaba sí o no (en /board/members/0/voting)\n",
          "my-rco.xlsx: advertencia: se ignora la hoja \"Notas\": no forma parte de un libro de cálculo rco-record/1\n"})
        BOOST_TEST(text.find(expected) != std::string::npos, expected << "\nnot in\n" << text);
    BOOST_TEST(text.find("maybe") == std::string::npos, text);
}

/// The number of characters of UTF-8 text.
std::size_t chars(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

BOOST_AUTO_TEST_CASE(blank_workbook_in_spanish_has_spanish_sheets_headers_help_and_yes_no) {
    const auto blank = io::blank_workbook(spanish());
    BOOST_REQUIRE(blank.ok());
    const auto parts = unzip(blank.bytes);
    const auto& book = parts.at("xl/workbook.xml");
    for (const char* name : {"Empiece aquí", "Expediente", "Organización", "Declaraciones", "Junta directiva",
                             "Integrantes de la junta", "Reuniones de la junta", "Servicios",
                             "Especialistas entre pares", "Eventos de consulta", "Políticas", "Quejas",
                             "Documentos", "Procedencia"})
        BOOST_TEST(book.find("name=\"" + std::string(name) + "\"") != std::string::npos, name);
    BOOST_TEST(book.find("name=\"Board members\"") == std::string::npos);
    BOOST_TEST(io::start_sheet_name(spanish()) == "Empiece aquí");
    BOOST_TEST(parts.at("docProps/core.xml").find("<dc:title>Expediente de una RCO (rco-record/1)</dc:title>") !=
               std::string::npos);
    const auto& sst = parts.at("xl/sharedStrings.xml");
    for (const char* text : {"<t>Campo</t>", "<t>Valor</t>", "<t>Ayuda</t>",
                             // a help text: the schema's description translated, then how to fill the cell
                             "<t>Número de integrantes con derecho a voto en funciones. Un número entero.</t>",
                             "Vías de recuperación que se apoyan o a las que se deriva, en minúsculas con guiones "
                             "bajos. Varios valores separados por",
                             "sí cuando los estatutos exigen que la junta esté dirigida por la comunidad de "
                             "recuperación",
                             "Libro de cálculo del expediente de una RCO (rco-record/1)",
                             "nunca con su nombre"})
        BOOST_TEST(sst.find(text) != std::string::npos, text);
    // Field labels and a list's words are the record's, the same in every language.
    BOOST_TEST(sst.find("<t>fiscal_sponsor.name</t>") != std::string::npos);
    BOOST_TEST(sst.find("Number of seated voting members") == std::string::npos);
    // Sheets in order: 1 Empiece aquí, 2 Expediente, 3 Organización, 4 Declaraciones, 5 Junta directiva,
    // 6 Integrantes de la junta.
    const auto& members = parts.at("xl/worksheets/sheet6.xml");
    BOOST_TEST(members.find("<formula1>\"sí,no\"</formula1>") != std::string::npos);
    // Every data check of the English workbook is there (a title over Excel's 32 characters loses it).
    const auto english_members = unzip(io::blank_workbook().bytes).at("xl/worksheets/sheet6.xml");
    auto count = [](const std::string& xml) {
        std::size_t n = 0;
        for (auto at = xml.find("<dataValidation "); at != std::string::npos; at = xml.find("<dataValidation ", at + 1))
            ++n;
        return n;
    };
    BOOST_TEST(count(members) == count(english_members));
    BOOST_TEST(count(members) >= 5u);
    BOOST_TEST(members.find("errorTitle=\"Palabra no aceptada\"") != std::string::npos);
    BOOST_TEST(members.find("<formula1>\"personal,family,ally,none,undisclosed\"</formula1>") != std::string::npos);
    BOOST_TEST(has_comment(parts, "Identificador estable del puesto o de la persona, p. ej. b01."));
    // It reads back as the English blank workbook does: the format alone, nothing to say.
    auto r = read(blank.bytes);
    BOOST_TEST_REQUIRE(r.ok(), all_messages(r));
    BOOST_TEST(io::write_record_json(*r.record) == "{\n  \"format\": \"rco-record/1\"\n}\n");
    BOOST_TEST(r.diagnostics.empty(), all_messages(r));
}

BOOST_AUTO_TEST_CASE(every_example_in_spanish_reads_back_to_the_record_the_english_workbook_holds) {
    for (const auto* base : examples) {
        BOOST_TEST_CONTEXT(base) {
            const auto rec = example(base);
            auto written = io::write_record_xlsx(rec, spanish());
            BOOST_REQUIRE(written.ok());
            BOOST_TEST(written.bytes != io::write_record_xlsx(rec).bytes);
            auto back = read(written.bytes);
            BOOST_TEST_REQUIRE(back.ok(), all_messages(back));
            BOOST_TEST(back.diagnostics.empty(), all_messages(back));
            BOOST_TEST(io::write_record_json(*back.record) == io::write_record_json(rec));
        }
    }
}

BOOST_AUTO_TEST_CASE(sheet_names_of_every_language_are_valid_excel_names) {
    for (auto tag : i18n::languages()) {
        const auto* lang = i18n::find(tag);
        BOOST_REQUIRE(lang != nullptr);
        const auto parts = unzip(io::blank_workbook(*lang).bytes);
        const auto& book = parts.at("xl/workbook.xml");
        std::vector<std::string> names;
        for (auto at = book.find("<sheet name=\""); at != std::string::npos; at = book.find("<sheet name=\"", at + 1)) {
            const auto from = at + 13;
            names.push_back(book.substr(from, book.find('"', from) - from));
        }
        BOOST_TEST(names.size() == 21u);
        for (const auto& n : names) {
            BOOST_TEST_CONTEXT(tag << ": " << n) {
                BOOST_TEST(chars(n) <= 31u);
                BOOST_TEST(!n.empty());
                BOOST_TEST(n.find_first_of("[]:*?/\\") == std::string::npos);
                BOOST_TEST(n.front() != '\'');
                BOOST_TEST(std::count(names.begin(), names.end(), n) == 1);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(the_reader_takes_sheets_headers_and_yes_no_in_either_language) {
    // A workbook filled in by hand: Spanish sheet names and headers, yes/no words of both
    // languages in any case, with or without the accent.
    auto org = sheet_xml({row(1, istr("A1", "Campo") + istr("B1", "Valor") + istr("C1", "Ayuda")),
                          row(2, istr("A2", "name") + istr("B2", "Harbor")),
                          row(3, istr("A3", "website.get_involved") + istr("B3", "Sí"))});
    std::vector<std::string> rows = {row(1, istr("A1", "id") + istr("B1", "voting") + istr("C1", "employed_by_org"))};
    const char* words[][2] = {{"sí", "no"}, {"SI", "No"}, {"si", "NO"}, {"SÍ", "yes"}, {"Yes", "false"}};
    for (int i = 0; i < 5; ++i)
        rows.push_back(row(i + 2, istr("A" + std::to_string(i + 2), "b0" + std::to_string(i + 1)) +
                                      istr("B" + std::to_string(i + 2), words[i][0]) +
                                      istr("C" + std::to_string(i + 2), words[i][1])));
    rows.push_back(row(7, istr("A7", "b06") + istr("B7", "quizás")));
    auto r = read(make_workbook({{"Expediente", sheet_xml({row(1, istr("A1", "campo") + istr("B1", "VALOR")),
                                                           row(2, istr("A2", "format") + istr("B2", "rco-record/1")),
                                                           row(3, istr("A3", "as_of") + istr("B3", "2026-06-30"))})},
                                 {"Organización", org},
                                 {"integrantes de la junta", sheet_xml(rows)},
                                 {"Empiece aquí", sheet_xml({})}}));
    BOOST_REQUIRE(r.record.has_value());
    const auto json = io::write_record_json(*r.record);
    BOOST_TEST(json.find("\"as_of\": \"2026-06-30\"") != std::string::npos, json);
    BOOST_TEST(json.find("\"get_involved\": true") != std::string::npos, json);
    const auto& members = r.record->board->members.value();
    BOOST_REQUIRE(members.size() == 6u);
    const bool voting[] = {true, true, true, true, true};
    const bool employed[] = {false, false, false, true, false};
    for (std::size_t i = 0; i < 5; ++i) {
        BOOST_TEST(members[i].voting.value() == voting[i], i);
        BOOST_TEST(members[i].employed_by_org.value() == employed[i], i);
    }
    // Errors name the sheet as the workbook names it. The start sheet is skipped in either language.
    const auto text = all_messages(r);
    BOOST_TEST(text.find("my-rco.xlsx: error: 'integrantes de la junta'!B7: expected yes or no "
                         "(at /board/members/5/voting)") != std::string::npos,
               text);
    BOOST_TEST(text.find("quizás") == std::string::npos, text);
    BOOST_TEST(text.find("Empiece") == std::string::npos, text);
    std::string in_spanish;
    for (const auto& d : r.diagnostics)
        in_spanish += format_diagnostic(d, spanish()) + "\n";
    BOOST_TEST(in_spanish.find("my-rco.xlsx: error: 'integrantes de la junta'!B7: se esperaba sí o no "
                               "(en /board/members/5/voting)\n") != std::string::npos,
               in_spanish);
    BOOST_TEST(r.diagnostics.size() == 1u, text);
}

BOOST_AUTO_TEST_CASE(a_spanish_workbook_without_its_format_is_placed_on_its_own_record_sheet) {
    auto org = sheet_xml({row(1, istr("A1", "Campo") + istr("B1", "Valor")), row(2, istr("A2", "name") + istr("B2", "X"))});
    auto bytes = make_workbook({{"Record", sheet_xml({})}, {"Organización", org}});
    // make_workbook always gives a Record sheet; rename it as a Spanish workbook has it.
    auto parts = unzip(bytes);
    auto& book = parts["xl/workbook.xml"];
    book.replace(book.find("name=\"Record\""), 13, "name=\"Expediente\"");
    std::vector<std::pair<std::string, std::string>> files(parts.begin(), parts.end());
    auto r = read(make_zip(files));
    BOOST_TEST(all_messages(r).find("my-rco.xlsx: error: Expediente!B2: missing the format rco-record/1 (the format "
                                    "row of the Expediente sheet)") != std::string::npos,
               all_messages(r));
    // A sheet without its header row: the header words as the workbook's language has them.
    BOOST_TEST(all_messages(r).find("my-rco.xlsx: error: Expediente!A1: expected a header row with the columns "
                                    "Campo and Valor (as rco-audit writes the sheet); the sheet is not read") !=
                   std::string::npos,
               all_messages(r));
    // A value without a field, and an unknown field, name the Field column as the sheet heads it.
    auto en = read(make_workbook({{"Organization", sheet_xml({row(1, istr("A1", "FIELD") + istr("B1", "Value")),
                                                              row(2, istr("B2", "x")),
                                                              row(3, istr("A3", "zzzz") + istr("B3", "y"))})}}));
    BOOST_TEST(all_messages(en).find("Organization!B2: a value without a field name in the FIELD column is ignored") !=
                   std::string::npos,
               all_messages(en));
    BOOST_TEST(all_messages(en).find("Organization!A3: unknown field \"zzzz\" is ignored (the FIELD column names the "
                                     "fields; check its spelling)") != std::string::npos,
               all_messages(en));
}

BOOST_AUTO_TEST_SUITE_END()

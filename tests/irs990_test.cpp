#include "rco/io/irs990.hpp"

#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <algorithm>
#include <filesystem>

// Failure messages print optionals ("(absent)" when empty) and the record's enums by their
// record spelling (support.hpp's enum printer is ambiguous with Boost's own catch-all).
namespace boost::test_tools::tt_detail {
template <class T>
    requires rco::record_enum<T>
struct print_log_value<T> {
    void operator()(std::ostream& os, const T& v) { os << rco::to_string(v); }
};
template <class T>
struct print_log_value<std::optional<T>> {
    void operator()(std::ostream& os, const std::optional<T>& v) {
        if (v)
            print_log_value<T>()(os, *v);
        else
            os << "(absent)";
    }
};
} // namespace boost::test_tools::tt_detail

using namespace rco;

namespace {

constexpr std::optional<bool> Y{true}, N{false}, A{}; // a Part VI answer: yes, no, absent

/// One return of tests/data/irs990, with the values read from the XML by hand (grep and
/// xmllint on the elements named in design/irs990-fields.md), not from the importer.
struct expected_return {
    const char* file;
    const char* name;
    const char* ein;
    filing_form form;
    std::int64_t tax_year;
    std::optional<legal_status> status;
    std::optional<std::int64_t> voting, independent;
    std::optional<bool> decisions, minutes, conflict_of_interest, whistleblower, retention; // 7b, 8a, 12a, 13, 14
    const char* mission_prefix;
    const char* state;
    const char* website; // as a URL (the return gives a bare host); nullptr: none (no element, or "N/A")
    std::optional<std::int64_t> formation_year; // header item L
};

constexpr auto f990 = filing_form::f990;
constexpr auto ez = filing_form::f990_ez;
constexpr auto c3 = legal_status::exempt_501c3;
constexpr auto other_c = legal_status::other_501c;
constexpr std::optional<std::int64_t> none{};

// clang-format off
const expected_return corpus[] = {
    // G1 (2008v2.7): Filer/Name, ReturnType, TaxYear, Organization501c typeOf501cOrganization="6", flags 1/0.
    {"200931393493000150_public.xml", "Greater Richmond Technology Council", "54-1599550", f990, 2008, other_c,
     47, 0, N, Y, Y, N, N, "The organization's mission is to serve", "VA", "https://www.richtech.com", 1995},
    // 2013v3.0: G2 names with the G1 shared types (BusinessNameLine1); 12a = 0.
    {"201401349349302815_public.xml", "SLEEPY HOLLOW CEMETERY HISTORIC FUND INC", "20-0400774", f990, 2013, c3,
     15, 0, N, Y, N, N, N, "PRESERVATION OF THE SLEEPY HOLLOW CEMETERY.", "NY", nullptr, 2003},
    {"201500089349200000_public.xml", "Transformational Opportunities Inc", "45-3658221", ez, 2014, c3,
     none, none, A, A, A, A, A, "Educational & religious services", "MN", "https://topportunities.org", none},
    {"201500429349300330_public.xml", "CORONA DEL MAR WATER POLO FOUNDATION", "30-0004725", f990, 2013, c3,
     4, 4, N, Y, Y, N, N, "THE FOUNDATION HAS BEEN ORGANIZED TO FOSTER", "CA", nullptr, 2000},
    {"201541349349307794_public.xml", "VOICE OF SAN DIEGO", "20-1585919", f990, 2014, c3,
     5, 5, N, Y, Y, Y, Y, "TO CONSISTENTLY DELIVER GROUND-BREAKING", "CA", "https://voiceofsandiego.org", 2004},
    {"201600089349200000_public.xml", "FAIRFIELD COUNTY BASEBALL COMPLEX", "31-1224642", ez, 2015, c3,
     none, none, A, A, A, A, A, "BUILD- MAINTAIN COMMUNITY BASEBALL FIELD", "OH", nullptr, none},
    {"201800099349200510_public.xml", "HARTVILLE ELEMENTARY PARENT-TEACHER ORGANIZATION", "20-4982165", ez, 2016, c3,
     none, none, A, A, A, A, A, "SUPPORT HARTVILLE ELEMENTARY SCHOOL", "OH", nullptr, none},
    // Flags as true/false.
    {"201900099349300620_public.xml", "ENCORE CAST PERFORMING ARTS INC", "27-0909836", f990, 2017, c3,
     11, 11, N, Y, N, N, N, "PROVIDE AN AVENUE FOR CREATIVITY", "FL", "https://www.encorecentral.org", 2012},
    {"202000089349300010_public.xml", "CASA SUPPORT COUNCIL FOR PIMA COUNTY IN", "83-0410169", f990, 2018, c3,
     13, 13, N, Y, N, N, N, "PROVIDE EMOTIONAL AND PHYSICAL SUPPORT", "AZ", "https://www.pimacountycasa.org", 2007},
    {"202200079349301550_public.xml", "Montague Catholic Social Ministries", "04-3274078", f990, 2020, c3,
     6, 6, N, Y, N, N, N, "To strengthen families through outreach", "MA", nullptr, 1995},
    {"202300129349200500_public.xml", "UNDEFEATED COURAGE", "81-1795570", ez, 2021, c3,
     none, none, A, A, A, A, A, "SUPPORT FOR CRISIS PREGNANCY", "PA", "https://www.undefeatedcourage.org", none},
    // 2024v5.2, the newest schema seen; no FormationYr.
    {"202600219349300420_public.xml", "SHARON FIRE DEPARTMENT INC", "06-0996545", f990, 2024, c3,
     4, 4, N, Y, N, N, N, "TO PROVIDE VOLUNTEER FIRE AND AMBULANCE", "CT", "https://sharonfiredept.org", none},
    {"jsfenfen-990-xml-admin_ascension.xml", "Ascension Health", "31-1662309", f990, 2014, c3,
     5, 2, Y, Y, Y, Y, Y, "Rooted in the loving ministry of Jesus", "MO", "https://www.ascensionhealth.org", 1999},
    {"jsfenfen-990-xml-admin_asu_foundation.xml", "Arizona State University Foundation For A New American University",
     "86-6051042", f990, 2014, c3,
     20, 18, N, Y, Y, Y, Y, "To ensure the success of Arizona State", "AZ", "https://www.asufoundation.org", 1955},
    // Domicile DE differs from the filer's NY address: the domicile wins.
    {"jsfenfen-990-xml-admin_icahn_loan.xml", "FOUNDATION FOR A GREATER OPPORTUNITY C/O ICAHN ASSOCIATES HOLDING LLC",
     "13-3913393", f990, 2014, c3,
     7, 2, N, Y, Y, Y, Y, "TO PROVIDE FINANCIAL AND OTHER FORMS", "DE", nullptr, 1996},
    {"jsfenfen-990-xml-admin_propublica.xml", "PRO PUBLICA INC", "14-2007220", f990, 2015, c3,
     10, 9, N, Y, Y, Y, Y, "PRO PUBLICA IS AN INDEPENDENT", "DE", "https://www.propublica.org", 2007},
    {"jsfenfen-990-xml-admin_red_cross.xml", "American National Red Cross & Its Constituent Chapters and Branches",
     "53-0196605", f990, 2014, c3,
     16, 15, N, Y, Y, Y, Y, "THE AMERICAN RED CROSS PREVENTS", "DC", "https://www.redcross.org", 1900},
    {"jsfenfen-990-xml-admin_stanford.xml", "THE BOARD OF TRUSTEES OF THE LELAND STANFORD JUNIOR UNIVERSITY",
     "94-1156365", f990, 2014, c3,
     38, 35, N, Y, Y, Y, Y, "STANFORD UNIVERSITY IS ONE OF A SELECT", "CA", "https://www.stanford.edu", 1885},
    // 501(c)(5): Organization501cInd organization501cTypeTxt="5".
    {"jsfenfen-990-xml-admin_union.xml", "ENGINEERS UNION LOCAL 444 IUE-CWA AFL-CIO", "23-7036033", f990, 2014, other_c,
     6, 6, Y, Y, N, N, N, "LABOR UNION", "NY", nullptr, 1969},
    {"rhit_causa-community-development_990_2022v5.0.xml", "CAUSA COMMUNITY DEVELOPMENT INC", "74-2465160", f990, 2022,
     c3, 7, 4, Y, Y, Y, Y, Y, "CAUSA COMMUNITY DEVELOPMENT, INC., AN ARIZONA", "AZ", nullptr, 1987},
    {"rhit_ed-block-courage-award-fdn_990_2022v5.0.xml", "ED BLOCK COURAGE AWARD FOUNDATION INC", "52-1465729", f990,
     2022, c3, 13, 13, N, Y, Y, N, N, "THE ED BLOCK COURAGE AWARD FOUNDATION", "MD", "https://www.edblock.org", 1986},
    {"rhit_greater-niles-senior-center_990_2021v4.0.xml", "GREATER NILES SENIOR CENTER INC", "38-2074062", f990, 2021,
     c3, 18, 18, N, Y, Y, N, Y, "THE CENTER SERVES AS AN ADVISORY COUNCIL", "MI", "https://nilesseniorcenter.org", 1973},
    {"rhit_grow-your-own-illinois_990_2022v5.0.xml", "GROW YOUR OWN ILLINOIS", "20-8324406", f990, 2022, c3,
     8, 8, N, Y, Y, Y, Y, "GYO'S MISSION IS TO SUPPORT", "IL", "https://www.growyourownteachers.org", 2007},
    {"rhit_helping-others-to-live_990_2021v4.0.xml", "HELPING OTHERS TO LIVE INC", "11-3705864", f990, 2021, c3,
     3, 3, N, Y, Y, N, N, "We are an organization whose mission", "PA", nullptr, 2021},
    {"rhit_isaiahs-place_990_2022v5.0.xml", "ISAIAH'S PLACE", "01-0779327", f990, 2022, c3,
     7, 7, N, Y, N, Y, Y, "WE AIM TO CONNECT, NURTURE, AND RESTORE", "OH", nullptr, 2002},
    {"rhit_mind-body-soul-childrens-society_990EZ_2022v5.0.xml", "MIND BODY SOUL CHILDREN'S SOCIETY INC",
     "85-1348032", ez, 2022, c3,
     none, none, A, A, A, A, A, "MIND, BODY, SOUL CHILDREN'S SOCIETY INC WAS FORMED", "NY", nullptr, none},
    // 501(c)(6).
    {"rhit_ramsey-county-bar-assn_990_2022v5.0.xml", "RAMSEY COUNTY BAR ASSOCIATION", "41-6024778", f990, 2022,
     other_c, 18, 18, Y, Y, Y, Y, Y, "TO PROVIDE LEGAL EDUCATION TO ITS MEMBERS", "MN", "https://www.ramseybar.org", 1884},
    {"rhit_wesley-biblical-seminary_990_2022v5.0.xml", "WESLEY BIBLICAL SEMINARY", "64-0579585", f990, 2022, c3,
     18, 18, N, Y, Y, N, N, "WESLEY BIBLICAL SEMINARY IS A MULTI-DENOMINATIONAL", "MS", "https://www.wbs.edu", 1975},
};
// clang-format on

constexpr const char* private_foundation = "jsfenfen-990-xml-admin_jnj_patient_assistance.xml";

std::filesystem::path corpus_dir() { return test::source_dir() / "tests/data/irs990"; }

io::read_result import_file(const std::string& name) {
    return io::import_990(test::slurp(corpus_dir() / name), name);
}

const provenance* find_provenance(const record& r, std::string_view pointer) {
    if (!r.provenance)
        return nullptr;
    for (const auto& p : *r.provenance)
        if (p.pointer == pointer)
            return &p;
    return nullptr;
}

std::string xpath_at(const record& r, std::string_view pointer) {
    const auto* p = find_provenance(r, pointer);
    return p && p->xpath ? *p->xpath : std::string("(none)");
}

const diagnostic& first_error(const io::read_result& r) {
    for (const auto& d : r.diagnostics)
        if (d.severity == severity::error)
            return d;
    throw std::runtime_error("no error");
}

/// A small G2 (2022v5.0) return of form `type`; `body` is the inside of <IRS990> (of
/// <IRS990EZ> for type 990EZ). The body's first line is line 16.
std::string g2_return(std::string_view body, std::string_view type = "990") {
    std::string out = R"(<?xml version="1.0" encoding="utf-8"?>
<Return xmlns="http://www.irs.gov/efile" returnVersion="2022v5.0">
  <ReturnHeader binaryAttachmentCnt="0">
    <ReturnTypeCd>)";
    out += type;
    out += R"(</ReturnTypeCd>
    <TaxPeriodBeginDt>2022-07-01</TaxPeriodBeginDt>
    <Filer>
      <EIN>411234567</EIN>
      <BusinessName><BusinessNameLine1Txt>HARBOR RECOVERY COMMUNITY</BusinessNameLine1Txt></BusinessName>
      <USAddress><AddressLine1Txt>1 MAIN ST</AddressLine1Txt><CityNm>MINNEAPOLIS</CityNm>
        <StateAbbreviationCd>MN</StateAbbreviationCd><ZIPCd>55401</ZIPCd></USAddress>
    </Filer>
)";
    out += R"(    <TaxYr>2022</TaxYr>
  </ReturnHeader>
  <ReturnData documentCnt="1">
)";
    const std::string form_el = type == "990EZ" ? "IRS990EZ" : "IRS990";
    out += "    <" + form_el + ">\n";
    out += body;
    out += "\n    </" + form_el + ">\n  </ReturnData>\n</Return>\n";
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(irs990)

BOOST_AUTO_TEST_CASE(the_table_covers_every_return_of_the_corpus) {
    std::vector<std::string> on_disk, in_table;
    for (const auto& e : std::filesystem::directory_iterator(corpus_dir()))
        if (e.path().extension() == ".xml")
            on_disk.push_back(e.path().filename().string());
    for (const auto& row : corpus)
        in_table.emplace_back(row.file);
    in_table.emplace_back(private_foundation);
    std::sort(on_disk.begin(), on_disk.end());
    std::sort(in_table.begin(), in_table.end());
    BOOST_TEST(on_disk == in_table, boost::test_tools::per_element());
    BOOST_TEST(on_disk.size() == 29u);
}

BOOST_AUTO_TEST_CASE(imports_every_return_of_the_corpus) {
    for (const auto& row : corpus) {
        BOOST_TEST_CONTEXT(row.file) {
            const auto r = import_file(row.file);
            for (const auto& d : r.diagnostics)
                BOOST_TEST_MESSAGE(format_diagnostic(d));
            BOOST_TEST_REQUIRE(r.ok());
            BOOST_TEST(r.diagnostics.empty());
            const record& rec = *r.record;
            BOOST_TEST(rec.format == std::string(record_format_id));
            BOOST_TEST(!rec.as_of.has_value());
            BOOST_TEST_REQUIRE(rec.organization.has_value());
            const auto& o = *rec.organization;
            BOOST_TEST(o.name == std::string(row.name));
            BOOST_TEST(o.ein == std::string(row.ein));
            BOOST_TEST(o.legal_status == row.status);
            BOOST_TEST(o.state == std::string(row.state));
            BOOST_TEST_REQUIRE(o.mission.has_value());
            BOOST_TEST(o.mission->starts_with(row.mission_prefix), *o.mission);
            if (row.website) {
                BOOST_TEST_REQUIRE(o.website.has_value());
                BOOST_TEST(o.website->url == std::string(row.website));
                BOOST_TEST(!o.website->get_involved.has_value()); // a 990 does not say
            } else {
                BOOST_TEST(!o.website.has_value());
            }
            // A year is not a date: founded stays empty, the year is reported beside the record.
            BOOST_TEST(!o.founded.has_value());
            BOOST_TEST(r.record->organization->formation_year == row.formation_year);
            BOOST_TEST(!o.determination_letter.has_value());
            BOOST_TEST(!o.vision.has_value());

            BOOST_TEST_REQUIRE(rec.filings.has_value());
            BOOST_TEST_REQUIRE(rec.filings->size() == 1u);
            const auto& f = rec.filings->front();
            BOOST_TEST(f.form == row.form);
            BOOST_TEST(f.tax_year == row.tax_year);
            BOOST_TEST(f.voting_members == row.voting);
            BOOST_TEST(f.independent_members == row.independent);
            BOOST_TEST(f.decisions_subject_to_approval == row.decisions);
            BOOST_TEST(f.minutes == row.minutes);
            BOOST_TEST(f.conflict_of_interest_policy == row.conflict_of_interest);
            BOOST_TEST(f.whistleblower_policy == row.whistleblower);
            BOOST_TEST(f.document_retention_policy == row.retention);

            // One provenance entry per imported value, all naming this file.
            BOOST_TEST_REQUIRE(rec.provenance.has_value());
            std::size_t values = 0; // the website counts once, as /organization/website/url
            organization::fields(o, [&](const char*, const auto& m) { values += m.has_value() ? 1 : 0; });
            filing::fields(f, [&](const char*, const auto& m) { values += m.has_value() ? 1 : 0; });
            BOOST_TEST(rec.provenance->size() == values);
            const bool has_object_id = std::string_view(row.file).find("_public.xml") == 18;
            for (const auto& p : *rec.provenance) {
                BOOST_TEST_CONTEXT(p.pointer.value_or("?")) {
                    BOOST_TEST(p.source == std::string(row.file));
                    BOOST_TEST(p.xpath.has_value());
                    BOOST_TEST(p.xpath->starts_with("/Return/"));
                    BOOST_TEST(p.object_id.has_value() == has_object_id);
                    if (has_object_id)
                        BOOST_TEST(*p.object_id == std::string(row.file, 18));
                }
            }
            // The output is a valid record: it reads back without errors and unchanged.
            const auto json = io::write_record_json(rec);
            const auto back = io::read_record_json(json, "imported.json");
            BOOST_TEST(back.ok());
            BOOST_TEST(io::write_record_json(*back.record) == json);
        }
    }
}

BOOST_AUTO_TEST_CASE(private_foundation_returns_are_refused) {
    const auto r = import_file(private_foundation);
    BOOST_TEST(!r.ok());
    BOOST_TEST(!r.record.has_value());
    const auto& e = first_error(r);
    BOOST_TEST(e.message == "Form 990-PF (private foundation) returns are not supported: rco-audit imports Form 990 "
                            "and 990-EZ");
    BOOST_TEST(e.file == private_foundation);
    BOOST_TEST(e.line == 17u); // <ReturnTypeCd>990PF</ReturnTypeCd>
    BOOST_TEST(e.column == 5u);

    const auto t = io::import_990(g2_return("", "990T"), "t.xml");
    BOOST_TEST(first_error(t).message ==
               "Form 990-T (exempt organization business income tax) returns are not supported: rco-audit imports "
               "Form 990 and 990-EZ");
}

BOOST_AUTO_TEST_CASE(both_generations_resolve_to_their_own_element_names) {
    // G1 (2008v2.7).
    const auto g1 = *import_file("200931393493000150_public.xml").record;
    BOOST_TEST(xpath_at(g1, "/organization/name") == "/Return/ReturnHeader/Filer/Name/BusinessNameLine1");
    BOOST_TEST(xpath_at(g1, "/organization/ein") == "/Return/ReturnHeader/Filer/EIN");
    BOOST_TEST(xpath_at(g1, "/organization/legal_status") ==
               "/Return/ReturnData/IRS990/Organization501c/@typeOf501cOrganization");
    BOOST_TEST(xpath_at(g1, "/organization/state") == "/Return/ReturnData/IRS990/StateLegalDomicile");
    BOOST_TEST(xpath_at(g1, "/organization/website/url") == "/Return/ReturnData/IRS990/WebSite");
    BOOST_TEST(xpath_at(g1, "/organization/mission") == "/Return/ReturnData/IRS990/MissionDescription");
    BOOST_TEST(xpath_at(g1, "/filings/0/form") == "/Return/ReturnHeader/ReturnType");
    BOOST_TEST(xpath_at(g1, "/filings/0/tax_year") == "/Return/ReturnHeader/TaxYear");
    BOOST_TEST(xpath_at(g1, "/filings/0/voting_members") ==
               "/Return/ReturnData/IRS990/NbrVotingGoverningBodyMembers");
    BOOST_TEST(xpath_at(g1, "/filings/0/independent_members") ==
               "/Return/ReturnData/IRS990/NumberIndependentVotingMembers");
    BOOST_TEST(xpath_at(g1, "/filings/0/minutes") == "/Return/ReturnData/IRS990/MinutesOfGoverningBody");
    BOOST_TEST(xpath_at(g1, "/filings/0/whistleblower_policy") == "/Return/ReturnData/IRS990/WhistleblowerPolicy");
    BOOST_TEST(xpath_at(g1, "/filings/0/decisions_subject_to_approval") ==
               "/Return/ReturnData/IRS990/DecisionsSubjectToApproval");

    // 2013v3.0: G2 element names, G1 shared name type.
    const auto mixed = *import_file("201401349349302815_public.xml").record;
    BOOST_TEST(xpath_at(mixed, "/organization/name") == "/Return/ReturnHeader/Filer/BusinessName/BusinessNameLine1");
    BOOST_TEST(xpath_at(mixed, "/filings/0/voting_members") ==
               "/Return/ReturnData/IRS990/GoverningBodyVotingMembersCnt");

    // 2014v5.0 (an IRS object id file name): G2 throughout.
    const auto g2 = *import_file("201541349349307794_public.xml").record;
    BOOST_TEST(xpath_at(g2, "/organization/name") == "/Return/ReturnHeader/Filer/BusinessName/BusinessNameLine1Txt");
    BOOST_TEST(xpath_at(g2, "/organization/ein") == "/Return/ReturnHeader/Filer/EIN");
    BOOST_TEST(xpath_at(g2, "/organization/legal_status") == "/Return/ReturnData/IRS990/Organization501c3Ind");
    BOOST_TEST(xpath_at(g2, "/organization/state") == "/Return/ReturnData/IRS990/LegalDomicileStateCd");
    BOOST_TEST(xpath_at(g2, "/organization/mission") == "/Return/ReturnData/IRS990/MissionDesc");
    BOOST_TEST(xpath_at(g2, "/filings/0/form") == "/Return/ReturnHeader/ReturnTypeCd");
    BOOST_TEST(xpath_at(g2, "/filings/0/tax_year") == "/Return/ReturnHeader/TaxYr");
    BOOST_TEST(xpath_at(g2, "/filings/0/whistleblower_policy") == "/Return/ReturnData/IRS990/WhistleblowerPolicyInd");
    BOOST_TEST(xpath_at(g2, "/filings/0/decisions_subject_to_approval") ==
               "/Return/ReturnData/IRS990/DecisionsSubjectToApprovaInd");
    const auto* p = find_provenance(g2, "/organization/ein");
    BOOST_TEST_REQUIRE(p != nullptr);
    BOOST_TEST(p->object_id == std::string("201541349349307794"));
    BOOST_TEST(p->source == std::string("201541349349307794_public.xml"));

    // Two name lines: both are read, as an XPath union.
    const auto two = *import_file("jsfenfen-990-xml-admin_red_cross.xml").record;
    BOOST_TEST(xpath_at(two, "/organization/name") ==
               "/Return/ReturnHeader/Filer/BusinessName/BusinessNameLine1Txt | "
               "/Return/ReturnHeader/Filer/BusinessName/BusinessNameLine2Txt");
    BOOST_TEST(!find_provenance(two, "/organization/name")->object_id.has_value());

    // 501(c)(5) reads the subsection attribute.
    const auto union_rec = *import_file("jsfenfen-990-xml-admin_union.xml").record;
    BOOST_TEST(xpath_at(union_rec, "/organization/legal_status") ==
               "/Return/ReturnData/IRS990/Organization501cInd/@organization501cTypeTxt");
}

BOOST_AUTO_TEST_CASE(form_990_ez_leaves_part_vi_absent) {
    const auto r = import_file("202300129349200500_public.xml");
    BOOST_TEST_REQUIRE(r.ok());
    const auto& f = r.record->filings->front();
    BOOST_TEST(f.form == filing_form::f990_ez);
    BOOST_TEST(f.tax_year == 2021);
    filing::fields(f, [](const char* name, const auto& m) {
        const std::string_view n(name);
        if (n != "form" && n != "tax_year")
            BOOST_TEST(!m.has_value(), name);
    });
    // No provenance under /filings/0 but form and tax year.
    for (const auto& p : *r.record->provenance)
        if (p.pointer->starts_with("/filings/"))
            BOOST_TEST((*p.pointer == "/filings/0/form" || *p.pointer == "/filings/0/tax_year"), *p.pointer);
    BOOST_TEST(xpath_at(*r.record, "/organization/mission") == "/Return/ReturnData/IRS990EZ/PrimaryExemptPurposeTxt");
    BOOST_TEST(xpath_at(*r.record, "/organization/state") ==
               "/Return/ReturnHeader/Filer/USAddress/StateAbbreviationCd");
    BOOST_TEST(xpath_at(*r.record, "/organization/legal_status") ==
               "/Return/ReturnData/IRS990EZ/Organization501c3Ind");

    // Part VI-like elements inside an EZ body are not read either.
    const auto odd = io::import_990(
        g2_return("<Organization501c3Ind>X</Organization501c3Ind><ConflictOfInterestPolicyInd>1</ConflictOfInterestPolicyInd>",
                  "990EZ"),
        "ez.xml");
    BOOST_TEST_REQUIRE(odd.ok());
    BOOST_TEST(!odd.record->filings->front().conflict_of_interest_policy.has_value());
    BOOST_TEST(odd.record->filings->front().form == filing_form::f990_ez);
}

BOOST_AUTO_TEST_CASE(booleans_in_every_encoding) {
    // From the corpus: 1/0 (ProPublica, G1 Richmond), true/false (Red Cross, Encore), X (the 501(c)(3) box).
    BOOST_TEST(import_file("jsfenfen-990-xml-admin_propublica.xml").record->filings->front().minutes == true);
    BOOST_TEST(import_file("201900099349300620_public.xml").record->filings->front().whistleblower_policy == false);

    const auto r = io::import_990(g2_return(R"(
      <Organization501c3Ind>X</Organization501c3Ind>
      <MinutesOfGoverningBodyInd>X</MinutesOfGoverningBodyInd>
      <ConflictOfInterestPolicyInd>true</ConflictOfInterestPolicyInd>
      <WhistleblowerPolicyInd>0</WhistleblowerPolicyInd>
      <DocumentRetentionPolicyInd>false</DocumentRetentionPolicyInd>
      <DecisionsSubjectToApprovaInd>1</DecisionsSubjectToApprovaInd>)"),
                                  "flags.xml");
    BOOST_TEST_REQUIRE(r.ok());
    const auto& f = r.record->filings->front();
    BOOST_TEST(f.minutes == true);
    BOOST_TEST(f.conflict_of_interest_policy == true);
    BOOST_TEST(f.whistleblower_policy == false);
    BOOST_TEST(f.document_retention_policy == false);
    BOOST_TEST(f.decisions_subject_to_approval == true);
    BOOST_TEST(r.record->organization->legal_status == legal_status::exempt_501c3);
    BOOST_TEST(!r.record->provenance->empty());
    BOOST_TEST(!find_provenance(*r.record, "/organization/legal_status")->object_id.has_value());

    // A Part VI flag left out is "not answered": absent, not no. An unchecked 501(c)(3) box
    // is absent too, and then no 501(c) status is known.
    const auto bare = io::import_990(g2_return("<MissionDesc>Peer recovery support.</MissionDesc>"), "bare.xml");
    BOOST_TEST_REQUIRE(bare.ok());
    filing::fields(bare.record->filings->front(), [](const char* name, const auto& m) {
        const std::string_view n(name);
        if (n != "form" && n != "tax_year")
            BOOST_TEST(!m.has_value(), name);
    });
    BOOST_TEST(!bare.record->organization->legal_status.has_value());
    BOOST_TEST(bare.record->organization->mission == std::string("Peer recovery support."));
    BOOST_TEST(bare.record->organization->state == std::string("MN")); // the filer's address

    // A value that is none of the encodings: a warning with its position, and the answer left out.
    const auto odd = io::import_990(g2_return("<WhistleblowerPolicyInd>yes</WhistleblowerPolicyInd>\n"
                                              "<GoverningBodyVotingMembersCnt>nine</GoverningBodyVotingMembersCnt>"),
                                    "odd.xml");
    BOOST_TEST(odd.ok());
    BOOST_TEST_REQUIRE(odd.diagnostics.size() == 2u);
    const auto& w = odd.diagnostics[1]; // in the order of the filing's fields: 1a before 13
    BOOST_TEST(w.severity == severity::warning);
    BOOST_TEST(w.file == "odd.xml");
    BOOST_TEST(w.line == 16u);
    BOOST_TEST(w.column == 1u);
    BOOST_TEST(w.pointer == "/Return/ReturnData/IRS990/WhistleblowerPolicyInd");
    BOOST_TEST(w.message == "expected 1, 0, true or false for Part VI line 13, found \"yes\"; the answer is left out");
    BOOST_TEST(odd.diagnostics[0].line == 17u);
    BOOST_TEST(odd.diagnostics[0].pointer == "/Return/ReturnData/IRS990/GoverningBodyVotingMembersCnt");
    BOOST_TEST(!odd.record->filings->front().whistleblower_policy.has_value());
    BOOST_TEST(!odd.record->filings->front().voting_members.has_value());
    BOOST_TEST(!find_provenance(*odd.record, "/filings/0/whistleblower_policy"));
}

BOOST_AUTO_TEST_CASE(websites_become_urls_and_placeholders_are_dropped) {
    auto url_of = [](std::string_view entry) {
        const auto r = io::import_990(g2_return("<WebsiteAddressTxt>" + std::string(entry) + "</WebsiteAddressTxt>"),
                                      "w.xml");
        BOOST_TEST(r.ok());
        const auto& o = *r.record->organization;
        return o.website ? o.website->url.value_or("(no url)") : std::string("(absent)");
    };
    BOOST_TEST(url_of("WWW.HARBORRECOVERY.ORG") == "https://www.harborrecovery.org");
    BOOST_TEST(url_of("http://Harbor.example/Get-Involved") == "http://harbor.example/Get-Involved");
    BOOST_TEST(url_of("HTTPS://HARBOR.EXAMPLE") == "https://harbor.example");
    BOOST_TEST(url_of("N/A") == "(absent)");
    BOOST_TEST(url_of("none") == "(absent)");
    BOOST_TEST(url_of(" ") == "(absent)");
    BOOST_TEST(url_of("WWW. HARBOR .ORG") == "(absent)");
    const auto bad = io::import_990(g2_return("<WebsiteAddressTxt>WWW. HARBOR .ORG</WebsiteAddressTxt>"), "w.xml");
    BOOST_TEST_REQUIRE(bad.diagnostics.size() == 1u);
    BOOST_TEST(bad.diagnostics[0].message.find("is not a web address") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(part_i_counts_are_the_fallback_for_part_vi) {
    const auto r = io::import_990(g2_return("<VotingMembersGoverningBodyCnt>9</VotingMembersGoverningBodyCnt>\n"
                                            "<VotingMembersIndependentCnt>7</VotingMembersIndependentCnt>\n"
                                            "<IndependentVotingMemberCnt>6</IndependentVotingMemberCnt>"),
                                  "counts.xml");
    BOOST_TEST_REQUIRE(r.ok());
    const auto& f = r.record->filings->front();
    BOOST_TEST(f.voting_members == 9);     // I-3, no VI-1a
    BOOST_TEST(f.independent_members == 6); // VI-1b wins over I-4
    BOOST_TEST(xpath_at(*r.record, "/filings/0/voting_members") ==
               "/Return/ReturnData/IRS990/VotingMembersGoverningBodyCnt");
    BOOST_TEST(xpath_at(*r.record, "/filings/0/independent_members") ==
               "/Return/ReturnData/IRS990/IndependentVotingMemberCnt");
}

BOOST_AUTO_TEST_CASE(bom_and_crlf_change_nothing) {
    // Greater Niles has LF line ends and no BOM; Voice of San Diego has a BOM.
    const std::string name = "rhit_greater-niles-senior-center_990_2021v4.0.xml";
    const std::string lf = test::slurp(corpus_dir() / name);
    BOOST_TEST_REQUIRE(lf.find('\r') == std::string::npos);
    std::string crlf = "\xEF\xBB\xBF";
    for (char c : lf) {
        if (c == '\n')
            crlf += '\r';
        crlf += c;
    }
    const auto a = io::import_990(lf, name);
    const auto b = io::import_990(crlf, name);
    BOOST_TEST_REQUIRE(a.ok());
    BOOST_TEST_REQUIRE(b.ok());
    BOOST_TEST(io::write_record_json(*a.record) == io::write_record_json(*b.record));

    // Line ends inside a value come out as LF; surrounding whitespace is trimmed.
    const auto m = io::import_990(g2_return("<MissionDesc>\r\n  Peer support.\r\nAll pathways.\r\n</MissionDesc>"),
                                  "m.xml");
    BOOST_TEST(m.record->organization->mission == std::string("Peer support.\nAll pathways."));
}

BOOST_AUTO_TEST_CASE(names_are_matched_in_the_irs_namespace) {
    // A prefixed IRS namespace reads the same; an element of another namespace with an IRS
    // local name is ignored.
    const std::string prefixed = R"(<efile:Return xmlns:efile="http://www.irs.gov/efile" xmlns:x="urn:other">
<efile:ReturnHeader><efile:ReturnTypeCd>990</efile:ReturnTypeCd><efile:TaxYr>2023</efile:TaxYr>
<efile:Filer><efile:EIN>411234567</efile:EIN></efile:Filer></efile:ReturnHeader>
<efile:ReturnData><efile:IRS990>
<x:WhistleblowerPolicyInd>1</x:WhistleblowerPolicyInd>
<efile:ConflictOfInterestPolicyInd>1</efile:ConflictOfInterestPolicyInd>
</efile:IRS990></efile:ReturnData></efile:Return>)";
    const auto r = io::import_990(prefixed, "prefixed.xml");
    BOOST_TEST_REQUIRE(r.ok());
    const auto& f = r.record->filings->front();
    BOOST_TEST(f.tax_year == 2023);
    BOOST_TEST(f.conflict_of_interest_policy == true);
    BOOST_TEST(!f.whistleblower_policy.has_value());
    BOOST_TEST(xpath_at(*r.record, "/filings/0/conflict_of_interest_policy") ==
               "/efile:Return/efile:ReturnData/efile:IRS990/efile:ConflictOfInterestPolicyInd");

    // The generic-name trap: Desc under a Part III group is never the mission.
    const auto trap = io::import_990(
        g2_return("<ProgSrvcAccomActy2Grp><Desc>Not the mission</Desc></ProgSrvcAccomActy2Grp>"), "trap.xml");
    BOOST_TEST(!trap.record->organization->mission.has_value());
}

BOOST_AUTO_TEST_CASE(tax_year_falls_back_to_the_period_start) {
    std::string text = g2_return("");
    const auto at = text.find("    <TaxYr>2022</TaxYr>\n");
    text.erase(at, std::string_view("    <TaxYr>2022</TaxYr>\n").size());
    const auto r = io::import_990(text, "noyear.xml");
    BOOST_TEST_REQUIRE(r.ok());
    BOOST_TEST(r.record->filings->front().tax_year == 2022);
    BOOST_TEST(xpath_at(*r.record, "/filings/0/tax_year") == "/Return/ReturnHeader/TaxPeriodBeginDt");
}

BOOST_AUTO_TEST_CASE(bad_input_is_reported_with_its_position) {
    struct bad_case {
        const char* label;
        std::string text;
        std::string message_start;
        std::uint32_t line, column;
    };
    std::string deep = "<Return xmlns=\"http://www.irs.gov/efile\">";
    for (int i = 0; i < 200000; ++i)
        deep += "<a>";
    for (int i = 0; i < 200000; ++i)
        deep += "</a>";
    deep += "</Return>";
    const std::string full = test::slurp(corpus_dir() / "201541349349307794_public.xml");

    const bad_case cases[] = {
        {"empty", "", "not XML: the file is empty", 1, 1},
        {"json", "{\"format\": \"rco-record/1\", \"x\": \"<b>\"}", "not XML", 1, 1},
        {"plain text", "\n\nThis is a PDF, honest", "not XML", 3, 1},
        {"garbage tag", "<Return xmlns=\"http://www.irs.gov/efile\"><ReturnHeader></ReturnData></Return>",
         "not well-formed XML", 1, 58},
        {"other XML", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>",
         "not an IRS e-file return: the root element is <rss>, expected <Return> in the http://www.irs.gov/efile "
         "namespace",
         2, 1},
        {"Return in no namespace", "<Return><ReturnHeader/><ReturnData/></Return>",
         "not an IRS e-file return: the root element is <Return> in no namespace, expected <Return> in the "
         "http://www.irs.gov/efile namespace",
         1, 1},
        {"truncated", full.substr(0, full.size() / 2), "the return is truncated", 0, 0},
        {"no header", "<Return xmlns=\"http://www.irs.gov/efile\">\n  <ReturnData/>\n</Return>",
         "the return has no <ReturnHeader>", 1, 1},
        {"no data",
         "<Return xmlns=\"http://www.irs.gov/efile\"><ReturnHeader><ReturnTypeCd>990</ReturnTypeCd></ReturnHeader>"
         "</Return>",
         "the return has no <ReturnData>", 1, 1},
        {"no form body",
         "<Return xmlns=\"http://www.irs.gov/efile\">\n<ReturnHeader><ReturnTypeCd>990</ReturnTypeCd></ReturnHeader>\n"
         "<ReturnData><IRS990ScheduleO/></ReturnData></Return>",
         "the return is a Form 990 but <ReturnData> has no <IRS990>", 3, 1},
        {"DTD with an entity",
         "<?xml version=\"1.0\"?>\n<!DOCTYPE Return [<!ENTITY name \"ACME\">]>\n"
         "<Return xmlns=\"http://www.irs.gov/efile\">&name;</Return>",
         "DTDs and entity declarations are not accepted", 2, 1},
        {"external DTD", "<!DOCTYPE Return SYSTEM \"http://example.com/evil.dtd\"><Return/>",
         "DTDs and entity declarations are not accepted", 1, 1},
        {"entity outside a DTD", "<!ENTITY x \"y\"><Return/>", "DTDs and entity declarations are not accepted", 1, 1},
        {"deep nesting", deep, "the XML nests elements more than", 1, 0},
        {"two roots", "<Return xmlns=\"http://www.irs.gov/efile\"/>\n<Return/>", "not well-formed XML: a second root",
         2, 1},
        {"other form", g2_return("", "1120POL"), "Form 1120POL returns are not supported", 4, 5},
        {"UTF-16", std::string("\xFF\xFE<\0R\0", 6), "the file is UTF-16", 1, 1},
        {"declared Latin-1", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Return/>",
         "the return declares the encoding ISO-8859-1", 1, 0},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.label) {
            const auto r = io::import_990(c.text, "bad.xml");
            BOOST_TEST(!r.ok());
            BOOST_TEST(!r.record.has_value());
            const auto& e = first_error(r);
            BOOST_TEST(e.message.starts_with(c.message_start), e.message);
            BOOST_TEST(e.file == "bad.xml");
            BOOST_TEST(e.line >= 1u);
            BOOST_TEST(e.column >= 1u);
            if (c.line != 0)
                BOOST_TEST(e.line == c.line);
            if (c.column != 0)
                BOOST_TEST(e.column == c.column);
        }
    }
    // The truncated return is located at its end.
    const auto cut = full.substr(0, full.size() / 2);
    const auto t = io::import_990(cut, "cut.xml");
    BOOST_TEST(first_error(t).line == static_cast<std::uint32_t>(std::count(cut.begin(), cut.end(), '\n') + 1));
}

BOOST_AUTO_TEST_CASE(bad_characters_are_errors_at_the_element_that_holds_them) {
    struct bad_case {
        std::string mission, message;
        std::uint32_t column;
    };
    const bad_case cases[] = {
        // pugixml would end the value at the NUL: "HARBOR" would be imported, silently cut.
        {"HARBOR&#0;SECRET", "the character reference &#0; names U+0000 (NUL), which would silently cut the value short",
         20},
        {"HARBOR&#x0000;", "the character reference &#x0000; names U+0000 (NUL)", 20},
        {"HARBOR&#x1B;[2J", "the character reference &#x1B; names U+001B (ESC), which no text may hold", 20},
        {"HARBOR&#xD800;", "the character reference &#xD800; names U+D800, which no text may hold", 20},
        {"HARBOR&#1114112;", "the character reference &#1114112; names no character", 20},
        {"HARBOR\x1B[2J", "control character U+001B (ESC) is not allowed in XML", 20},
        {"HARBOR\xC0\xAF", "invalid UTF-8: an overlong encoding (bytes C0 AF)", 20},
        {"HARBOR\xED\xA0\x80", "invalid UTF-8: an encoded UTF-16 surrogate (bytes ED A0 80)", 20},
        {"HARBOR\xE2\x82", "invalid UTF-8: a truncated sequence (bytes E2 82)", 20},
        {"HARBOR\xF4\x90\x80\x80", "invalid UTF-8: a code point above U+10FFFF (bytes F4 90 80 80)", 20},
        {"HARBOR\xC2\x9B", "control character U+009B (CSI) in the text", 1},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.message) {
            const auto r = io::import_990(g2_return("<MissionDesc>" + c.mission + "</MissionDesc>"), "r.xml");
            BOOST_TEST(!r.ok());
            const auto& e = first_error(r);
            BOOST_TEST(e.message.starts_with(c.message), e.message);
            BOOST_TEST(e.pointer == "/Return/ReturnData/IRS990/MissionDesc");
            BOOST_TEST(e.line == 16u);
            BOOST_TEST(e.column == c.column);
        }
    }
    // Ordinary references are text.
    const auto ok = io::import_990(g2_return("<MissionDesc>A &amp; B &#233; &#x9;C</MissionDesc>"), "r.xml");
    BOOST_TEST(ok.ok());
    BOOST_TEST(*ok.record->organization->mission == "A & B \u00e9 \tC");
}

BOOST_AUTO_TEST_CASE(merge_into_fills_only_empty_fields) {
    const auto imported = import_file("201541349349307794_public.xml"); // Voice of San Diego, 2014
    BOOST_TEST_REQUIRE(imported.ok());

    record target = test::to_record(test::base_record_json());
    BOOST_TEST_REQUIRE(target.organization.has_value());
    // Leave a few fields empty: the name stays, the mission and website URL are filled.
    target.organization->mission.reset();
    target.organization->website->url.reset();
    target.organization->state.reset();
    const auto name_before = target.organization->name;
    const auto ein_before = target.organization->ein;
    const auto filings_before = target.filings ? target.filings->size() : 0u;
    target.provenance.reset();

    const auto filled = io::merge_into(target, *imported.record);
    const auto k = std::to_string(filings_before);
    const std::vector<std::string> expected{"/organization/formation_year",
                                            "/organization/state",
                                            "/organization/website/url",
                                            "/organization/mission",
                                            "/filings/" + k + "/form",
                                            "/filings/" + k + "/tax_year",
                                            "/filings/" + k + "/decisions_subject_to_approval",
                                            "/filings/" + k + "/voting_members",
                                            "/filings/" + k + "/independent_members",
                                            "/filings/" + k + "/conflict_of_interest_policy",
                                            "/filings/" + k + "/whistleblower_policy",
                                            "/filings/" + k + "/document_retention_policy",
                                            "/filings/" + k + "/minutes"};
    BOOST_TEST(filled == expected, boost::test_tools::per_element());
    BOOST_TEST(target.organization->name == name_before);
    BOOST_TEST(target.organization->ein == ein_before);
    BOOST_TEST(target.organization->state == std::string("CA"));
    BOOST_TEST(target.organization->website->url == std::string("https://voiceofsandiego.org"));
    BOOST_TEST(target.organization->website->get_involved.has_value()); // kept
    BOOST_TEST(target.filings->size() == filings_before + 1);
    BOOST_TEST(target.filings->back().tax_year == 2014);

    // Provenance: exactly the filled fields, re-pointed at the appended filing.
    BOOST_TEST_REQUIRE(target.provenance.has_value());
    std::vector<std::string> carried;
    for (const auto& p : *target.provenance)
        carried.push_back(*p.pointer);
    BOOST_TEST(carried == expected, boost::test_tools::per_element());
    BOOST_TEST(xpath_at(target, "/filings/" + k + "/minutes") == "/Return/ReturnData/IRS990/MinutesOfGoverningBodyInd");
    BOOST_TEST(!find_provenance(target, "/organization/name"));

    // Merging the same return again fills nothing: the filing for 990/2014 now exists.
    const auto again = io::merge_into(target, *imported.record);
    BOOST_TEST(again.empty());
    BOOST_TEST(target.filings->size() == filings_before + 1);
    BOOST_TEST(target.provenance->size() == expected.size());

    // The merged record still reads back as a valid record.
    const auto back = io::read_record_json(io::write_record_json(target), "merged.json");
    BOOST_TEST(back.ok());

    // Into an empty record: everything is filled, and the filing keeps index 0.
    record empty;
    empty.format = std::string(record_format_id);
    const auto all = io::merge_into(empty, *imported.record);
    BOOST_TEST(all.size() == imported.record->provenance->size());
    BOOST_TEST(empty.provenance->size() == imported.record->provenance->size());
    BOOST_TEST(io::write_record_json(empty) == io::write_record_json(*imported.record));
}

BOOST_AUTO_TEST_CASE(numbers_outside_their_range_are_errors_at_the_element) {
    // The record model's ranges (rco/record.hpp) hold for imported returns too: a board of
    // 200000000000000000 voting members is an input error, located, and the count left out.
    const auto r = io::import_990(g2_return("<GoverningBodyVotingMembersCnt>200000000000000000</GoverningBodyVotingMembersCnt>\n"
                                            "<IndependentVotingMemberCnt>10000</IndependentVotingMemberCnt>"),
                                  "big.xml");
    BOOST_TEST(!r.ok());
    const auto& e = first_error(r);
    BOOST_TEST(e.line == 16u);
    BOOST_TEST(e.pointer == "/Return/ReturnData/IRS990/GoverningBodyVotingMembersCnt");
    BOOST_TEST(e.message == "Part VI line 1a: expected a whole number from 0 to 10,000, got 200,000,000,000,000,000");
    std::size_t errors = 0;
    for (const auto& d : r.diagnostics)
        errors += d.severity == severity::error ? 1 : 0;
    BOOST_TEST(errors == 1u); // 10,000 independent members is the top of the range, accepted

    const auto old = io::import_990(g2_return("", "990").replace(g2_return("", "990").find("<TaxYr>2022"), 11, "<TaxYr>1066"),
                                    "old.xml");
    BOOST_TEST(!old.ok());
    BOOST_TEST(first_error(old).message == "the tax year: expected a whole number from 1800 to 2200, got 1066");
}

BOOST_AUTO_TEST_SUITE_END()

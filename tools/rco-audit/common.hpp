// rco-audit: the helpers the commands share: reading records and catalogs, writing outputs,
// printing diagnostics, and expanding folders into the records they hold.
#pragma once

#include "rco/i18n.hpp"
#include "rco/rco.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rco::cli {

void print_diagnostics(const std::vector<rco::diagnostic>& diags);

/// One diagnostic on standard error (coloured there when --color allows), `note` added
/// to its first line; warnings only when not --quiet.
void print_diagnostic(const rco::diagnostic& d, std::string_view note = {});

/// The catalog in force: --rules DIR, else the built-in one. nullptr after printing errors.
const rco::catalog* load_catalog(const std::string& dir, std::optional<rco::catalog>& storage);

/// The language to print in: --lang (`option`), else the RCO_AUDIT_LANG environment
/// variable, else English; never the system's locale. nullptr after saying why (a language
/// rco-audit does not speak). The language found is also the one messages (diagnostics,
/// print_error, print_warning) are printed in from then on.
const rco::message_language* language_for(const std::string& option);

/// The language messages are printed in: English until language_for() chose another.
const rco::message_language& message_language();

/// `m` in message_language(): "m" rendered.
std::string say(const rco::message_def& def, std::vector<rco::message_arg> args = {});

/// "rco-audit: error: <m>" on standard error, in message_language().
void print_error(const rco::message& m);

// Usage errors several commands give (check, review-sheet).
inline constexpr rco::message_def bad_as_of{"cli.bad_as_of", "--as-of expects a date as YYYY-MM-DD, got '{value}'"};
inline constexpr rco::message_def no_review_date{"cli.no_review_date",
                                                 "no review date: give \"as_of\" in the record or --as-of YYYY-MM-DD"};

/// "unknown profile 'x'; known profiles: national accreditation ..." as print_error prints it.
void print_unknown_profile(const rco::catalog& cat, std::string_view asked);
/// "rco-audit: warning: <m>" on standard error, in message_language(); nothing with --quiet.
void print_warning(const rco::message& m);

/// A check's level as a word of `lang` ("required", "obligatorio").
std::string level_word(rco::level l, const rco::message_language& lang);

/// "Standard 3: <its title in lang>", as rules and explain head a standard.
std::string standard_heading(const rco::standard_info& s, const rco::message_language& lang);

/// A profile named in any case ("Florida"): the catalog's own; nullptr when there is none.
const rco::profile* profile_named(const rco::catalog& cat, std::string_view name);

/// A check named by its id or slug in any case ("s2.1"): the catalog's own; nullptr when none.
const rco::check_info* check_named(const rco::catalog& cat, std::string_view id_or_slug);

/// A file's bytes; "-" reads standard input.
std::optional<std::string> read_input(const std::string& file, std::vector<rco::diagnostic>& diags);

/// How a file name appears in messages and reports (invalid UTF-8 and controls escaped).
std::string shown_name(const std::string& file);

/// The identities of files a run reads, so that no output replaces one of them.
void add_identity(std::vector<rco::io::file_identity>& ids, const std::string& file);

struct loaded_record {
    std::optional<rco::record> record;
    rco::io::input_kind kind = rco::io::input_kind::unknown;
    std::string bytes;
    std::vector<rco::diagnostic> diagnostics;
    std::vector<rco::io::file_identity> documents_read; ///< the document files read
};

struct load_options {
    std::string roster;         ///< a CSV board roster to merge in
    std::string documents;      ///< --documents DIR; empty: the record's own folder
    bool read_documents = true; ///< false: keep documents[].path as written (convert, import-990 --into)
    bool show_names = false;    ///< messages may quote the values of people's fields (--show-names)
    const rco::catalog* vocabulary = nullptr; ///< the words the reader checks (--rules); null: built in
};

load_options paths_as_written();

/// Reads, parses and completes one record (document texts from files inside the
/// record's folder, and the board roster from a spreadsheet when one is given).
loaded_record load_record(const std::string& file, const load_options& how = {});

/// The review date: --as-of, else the record's as_of. An IRS return carries no review
/// date; it is audited as of the end of its tax year (a note says so), which keeps the
/// report reproducible.
std::optional<rco::date> review_date_for(const std::string& file, const loaded_record& loaded,
                                         std::optional<rco::date> as_of_override,
                                         std::vector<rco::diagnostic>& notes);

/// Writes text to a file (whole or not at all) or, for "" and "-", to standard output.
/// 0, or exit_input_error after saying why.
int emit(const std::string& output, const std::string& text, const rco::io::output_options& how = {});

/// Writes a workbook (binary: never to a terminal).
int emit_workbook(const std::string& output, const rco::io::workbook_write_result& wb,
                  const rco::io::output_options& how);

/// Files named on the command line, directories expanded to the records in them
/// (*.json, *.xml and *.xlsx, recursively), in a stable sorted order.
std::vector<std::string> expand_inputs(const std::vector<std::string>& args);

/// expand_inputs(args) for a command reading records (check, validate); nullopt after an
/// error when they hold none (an empty folder).
std::optional<std::vector<std::string>> find_records(const std::vector<std::string>& args);

/// Whether a run is a batch: several records, or a folder (even of one record).
bool is_batch(const std::vector<std::string>& args, const std::vector<std::string>& files);

} // namespace rco::cli

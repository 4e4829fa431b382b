// The form's words for a record field: where a person enters it in the workbook
// (`rco-audit init my-rco.xlsx`), by sheet and field label, as the workbook and
// record-format.md name them. Reports for people use these words for what to record;
// the JSON report keeps JSON Pointers. Derived from the one workbook layout, so the
// words a report prints are the sheet and field labels the workbook shows.
#pragma once

#include "rco/message.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace rco::io {

/// Where a field is entered in the workbook.
struct form_place {
    std::string sheet; ///< "Organization", "Board members", … (the English workbook's names)
    std::string field; ///< the field's label on that sheet ("fiscal_sponsor.name"); empty: the whole sheet
    bool table = false; ///< the sheet is a table (one row per item), the field one of its columns
};

/// The place of a record path: dotted with `[]` for list items as the catalog writes it
/// (`board.members[].recovery_identity`, `documents[]`), or a JSON Pointer
/// (`/board/members/3/recovery_identity`). An object's path (`organization.fiscal_sponsor`)
/// gives the prefix of its fields' labels. Empty when the path is not a field of the record.
[[nodiscard]] std::optional<form_place> form_place_of(std::string_view path);

/// `text` with every record path in it (dotted, as in a catalog's evidence list) in the
/// form's words: "board.members[].voting and board.members[].seat for each seat" becomes
/// "voting and seat on the Board members sheet for each seat"; "documents[]" becomes "the
/// Documents sheet". Paths on one sheet joined by ", ", " and " or " or " are named once.
/// Other text is kept as it is.
[[nodiscard]] std::string in_form_words(std::string_view text);

/// in_form_words for `text` in `lang` (a catalog text in that language): the sheet named
/// in its words and by its name in the workbook written in `lang` ("voting y seat en la
/// hoja Miembros de la junta para cada puesto"), fields joined by that language's ", ",
/// "and" and "or" named once. Field labels are the same in every language.
[[nodiscard]] std::string in_form_words(std::string_view text, const message_language& lang);

} // namespace rco::io

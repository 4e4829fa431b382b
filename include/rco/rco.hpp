// Umbrella header: the whole public API of rco-audit.
#pragma once

#include "rco/audit.hpp"
#include "rco/catalog.hpp"
#include "rco/date.hpp"
#include "rco/diagnostic.hpp"
#include "rco/enum.hpp"
#include "rco/io/catalog_json.hpp"
#include "rco/io/digest.hpp"
#include "rco/io/files.hpp"
#include "rco/io/json_format.hpp"
#include "rco/io/json_record.hpp"
#include "rco/io/tailoring_json.hpp"
#include "rco/language.hpp"
#include "rco/record.hpp"
#include "rco/report/diff.hpp"
#include "rco/report/report.hpp"
#include "rco/result.hpp"

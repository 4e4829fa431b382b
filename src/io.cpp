// Compiles the readers and writers of records and catalogs once (Boost.JSON, OpenSSL).
#include "rco/io/impl/json_format.ipp"
#include "rco/io/impl/json_record.ipp"
#include "rco/io/impl/xml_record.ipp"
#include "rco/io/impl/digest.ipp"
#include "rco/io/impl/catalog_json.ipp"
#include "rco/io/impl/files.ipp"
#include "rco/io/impl/tailoring_json.ipp"

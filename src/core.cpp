// Compiles the core once: dates, catalog model, registry, audit, language scanner.
#include "rco/impl/arithmetic.ipp"
#include "rco/impl/date.ipp"
#include "rco/impl/catalog.ipp"
#include "rco/impl/registry.ipp"
#include "rco/impl/audit.ipp"
#include "rco/impl/language.ipp"

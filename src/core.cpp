// Compiles the core once: escaping, diagnostics, arithmetic, dates, catalog model, registry, audit, language scanner.
#include "rco/impl/escape.ipp"
#include "rco/impl/diagnostic.ipp"
#include "rco/impl/arithmetic.ipp"
#include "rco/impl/date.ipp"
#include "rco/impl/catalog.ipp"
#include "rco/impl/registry.ipp"
#include "rco/impl/audit.ipp"
#include "rco/impl/language.ipp"

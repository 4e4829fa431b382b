// Compiles the report writers once.
#include "rco/report/impl/report.ipp"
#include "rco/report/impl/diff.ipp"
#include "rco/report/impl/formats.ipp"
#include "rco/report/impl/accreditation.ipp"

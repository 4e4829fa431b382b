// Compiles the report writers once.
#include "rco/report/impl/report.ipp"

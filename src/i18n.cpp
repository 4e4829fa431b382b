// Compiles the languages once: the gettext catalogs compiled in, read by rco/gettext.hpp.
#include "rco/impl/gettext.ipp"
#include "rco/impl/i18n.ipp"

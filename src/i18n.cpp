// Compiles the languages once: the gettext catalogs compiled in, loaded with Boost.Locale.
#include "rco/impl/i18n.ipp"

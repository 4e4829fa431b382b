// Test helpers: zip archives in memory with libzip, to build workbooks part by part
// and to read the parts of one the library wrote.
#pragma once

#include <boost/test/unit_test.hpp>

#include <zip.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace rco::test {

/// A zip archive built in memory with libzip (stored or deflated entries).
inline std::string make_zip(const std::vector<std::pair<std::string, std::string>>& files) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
    zip_source_keep(src);
    zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
    for (const auto& [name, data] : files) {
        zip_source_t* fs = zip_source_buffer(z, data.data(), data.size(), 0);
        zip_file_add(z, name.c_str(), fs, ZIP_FL_ENC_UTF_8);
    }
    zip_close(z);
    std::string out;
    zip_source_open(src);
    zip_source_seek(src, 0, SEEK_END);
    out.resize(static_cast<std::size_t>(zip_source_tell(src)));
    zip_source_seek(src, 0, SEEK_SET);
    zip_source_read(src, out.data(), out.size());
    zip_source_close(src);
    zip_source_free(src);
    zip_error_fini(&err);
    return out;
}

/// The parts of a zip archive, read back.
inline std::map<std::string, std::string> unzip(const std::string& bytes) {
    std::map<std::string, std::string> out;
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
    BOOST_REQUIRE(z);
    for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
        zip_stat_t st;
        zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st);
        std::string data(st.size, '\0');
        zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
        zip_fread(f, data.data(), data.size());
        zip_fclose(f);
        out[st.name] = data;
    }
    zip_discard(z);
    return out;
}

} // namespace rco::test

#pragma once

#include "rco/io/catalog_json.hpp"
#include "rco/io/digest.hpp"
#include "rco/io/files.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace rco::io {

std::optional<std::string> read_file(const std::filesystem::path& p, std::vector<diagnostic>& diags) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
        diags.push_back({severity::error, p.string(), 0, 0, "", "is a directory; expected a file"});
        return std::nullopt;
    }
    std::ifstream in(p, std::ios::binary);
    if (!in) {
        diags.push_back({severity::error, p.string(), 0, 0, "",
                         std::string("cannot open the file (") + std::strerror(errno) + ")"});
        return std::nullopt;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) {
        diags.push_back({severity::error, p.string(), 0, 0, "", "cannot read the file"});
        return std::nullopt;
    }
    return std::move(buf).str();
}

std::string write_file_atomic(const std::filesystem::path& p, std::string_view contents) {
    const auto dir = p.has_parent_path() ? p.parent_path() : std::filesystem::path(".");
    std::string tmpl = (dir / ("." + p.filename().string() + ".tmp-XXXXXX")).string();
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0)
        return "cannot create a temporary file in " + dir.string() + " (" + std::strerror(errno) + ")";
    std::size_t done = 0;
    while (done < contents.size()) {
        auto n = ::write(fd, contents.data() + done, contents.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            std::string why = std::strerror(errno);
            ::close(fd);
            ::unlink(tmpl.c_str());
            return "cannot write " + p.string() + " (" + why + ")";
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        std::string why = std::strerror(errno);
        ::unlink(tmpl.c_str());
        return "cannot write " + p.string() + " (" + why + ")";
    }
    ::chmod(tmpl.c_str(), 0644);
    if (std::rename(tmpl.c_str(), p.c_str()) != 0) {
        std::string why = std::strerror(errno);
        ::unlink(tmpl.c_str());
        return "cannot replace " + p.string() + " (" + why + ")";
    }
    return {};
}

void load_document_texts(record& rec, const std::filesystem::path& base_dir, const std::string& record_file,
                         std::vector<diagnostic>& diags) {
    if (!rec.documents)
        return;
    for (std::size_t i = 0; i < rec.documents->size(); ++i) {
        auto& d = (*rec.documents)[i];
        if (d.text || !d.path)
            continue;
        const std::string ptr = "/documents/" + std::to_string(i) + "/path";
        const auto full = base_dir / *d.path;
        std::vector<diagnostic> local;
        auto text = read_file(full, local);
        if (!text) {
            diags.push_back({severity::warning, record_file, 0, 0, ptr,
                             "document file " + full.string() + " cannot be read (" +
                                 (local.empty() ? std::string("unknown error") : local.front().message) +
                                 "); its text is not scanned"});
            continue;
        }
        if (d.sha256) {
            auto actual = sha256_hex(*text);
            std::string expected = *d.sha256;
            for (auto& c : expected)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (actual != expected) {
                diags.push_back({severity::warning, record_file, 0, 0, "/documents/" + std::to_string(i) + "/sha256",
                                 "document file " + full.string() + " has SHA-256 " + actual +
                                     ", not the digest the record gives; the file changed since it was recorded"});
            }
        }
        d.text = std::move(*text);
    }
}

std::optional<catalog> load_catalog_dir(const std::filesystem::path& dir, std::vector<diagnostic>& diags) {
    catalog_texts texts;
    std::string* slots[] = {&texts.standards, &texts.profiles, &texts.language, &texts.vocabulary};
    bool ok = true;
    for (std::size_t i = 0; i < 4; ++i) {
        auto t = read_file(dir / catalog_file_names[i], diags);
        if (!t)
            ok = false;
        else
            *slots[i] = std::move(*t);
    }
    if (!ok)
        return std::nullopt;
    return read_catalog(texts, dir.string(), diags);
}

} // namespace rco::io

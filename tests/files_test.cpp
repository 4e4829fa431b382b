// The file-system helpers: documents stay inside the record's folder, inputs are bounded
// regular files, outputs never replace anything but a regular file that is not an input.
#include "rco/io/digest.hpp"
#include "rco/io/files.hpp"
#include "rco/i18n.hpp"

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace rco;
namespace fs = std::filesystem;

namespace {

/// A fresh directory, removed with everything in it at the end of the test.
struct temp_dir {
    fs::path path;
    temp_dir() {
        std::string tmpl = (fs::temp_directory_path() / "rco-files-test-XXXXXX").string();
        if (!::mkdtemp(tmpl.data()))
            throw std::runtime_error("mkdtemp failed");
        path = tmpl;
    }
    ~temp_dir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    fs::path operator/(const std::string& name) const { return path / name; }
};

void put(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

/// A record whose only document names `path`.
record record_with_path(const std::string& path, std::optional<std::string> sha256 = std::nullopt) {
    record rec;
    document d;
    d.id = "doc";
    d.path = path;
    d.sha256 = std::move(sha256);
    rec.documents = std::vector<document>{d};
    return rec;
}

const std::string secret = "root:$6$not-a-real-hash:19000:0:99999:7:::\n";

/// Loads the document at `path` from `folder` and returns the diagnostics.
std::vector<diagnostic> load(record& rec, const fs::path& folder, std::uint64_t max = io::max_document_bytes) {
    std::vector<diagnostic> diags;
    io::document_options opts;
    opts.folder = folder;
    opts.max_bytes = max;
    io::load_document_texts(rec, opts, "rec.json", diags);
    return diags;
}

/// The document was refused with an error at its path, for the rule named by `rule`, and
/// nothing of the target (its content, its digest, the system's error text) shows.
void expect_refused(const std::string& path, const fs::path& folder, const std::string& rule) {
    BOOST_TEST_CONTEXT("path " << path) {
        auto rec = record_with_path(path);
        auto diags = load(rec, folder);
        BOOST_TEST(!rec.documents->front().text.has_value());
        BOOST_REQUIRE(diags.size() == 1u);
        BOOST_TEST(diags[0].severity == severity::error);
        BOOST_TEST(diags[0].pointer == "/documents/0/path");
        BOOST_TEST(diags[0].file == "rec.json");
        BOOST_TEST(diags[0].message.find(rule) != std::string::npos, diags[0].message);
        BOOST_TEST(diags[0].message.find("root:") == std::string::npos);
        BOOST_TEST(diags[0].message.find(io::sha256_hex(secret)) == std::string::npos);
        BOOST_TEST(diags[0].message.find("No such file") == std::string::npos);
    }
}

} // namespace

BOOST_AUTO_TEST_SUITE(files)

BOOST_AUTO_TEST_CASE(a_document_inside_the_folder_is_read_and_its_digest_checked) {
    temp_dir outside, d;
    fs::create_directories(d / "texts/deep");
    put(d / "texts/deep/w.txt", "Welcome to recovery\n");
    auto rec = record_with_path("texts/deep/w.txt", io::sha256_hex("Welcome to recovery\n"));
    auto diags = load(rec, d.path);
    BOOST_TEST(diags.empty());
    BOOST_TEST(*rec.documents->front().text == "Welcome to recovery\n");
    // "..", "." and links that stay inside the folder are followed
    fs::create_symlink("deep/w.txt", d / "texts/rel-link");
    fs::create_symlink(fs::canonical(d.path) / "texts/deep/w.txt", d / "abs-link");
    fs::create_directory_symlink("texts", d / "dir-link");
    for (const std::string p : {"texts/./deep/../deep/w.txt", "texts/rel-link", "abs-link", "dir-link/deep/w.txt"}) {
        auto r = record_with_path(p);
        BOOST_TEST(load(r, d.path).empty(), p);
        BOOST_TEST(r.documents->front().text.value_or("") == "Welcome to recovery\n", p);
    }
    // a wrong digest is a warning naming the digest of the file inside the folder
    auto bad = record_with_path("texts/deep/w.txt", std::string(64, '0'));
    diags = load(bad, d.path);
    BOOST_REQUIRE(diags.size() == 1u);
    BOOST_TEST(diags[0].severity == severity::warning);
    BOOST_TEST(diags[0].pointer == "/documents/0/sha256");
}

BOOST_AUTO_TEST_CASE(absolute_paths_dotdot_and_links_out_of_the_folder_are_refused) {
    temp_dir outside, d;
    put(outside / "shadow", secret);
    fs::create_directories(d / "sub");
    const auto abs = fs::canonical(outside.path) / "shadow";
    expect_refused(abs.string(), d.path, "an absolute path is refused");
    expect_refused("/dev/zero", d.path, "an absolute path is refused");
    // the same file through "..", however it is spelled
    const auto rel = fs::relative(abs, fs::canonical(d.path)).string();
    BOOST_TEST(rel.rfind("../", 0) == 0u);
    expect_refused(rel, d.path, "must stay inside the record's folder");
    expect_refused("sub/../../" + rel.substr(3), d.path, "must stay inside the record's folder");
    expect_refused("..", d.path, "must stay inside the record's folder");
    // links leading out: relative, absolute, to a directory, to a device, chained
    fs::create_symlink("../" + rel, d / "sub/rel-out");
    fs::create_symlink(abs, d / "abs-out");
    fs::create_directory_symlink(outside.path, d / "dir-out");
    fs::create_symlink("/dev/zero", d / "zero");
    fs::create_symlink("abs-out", d / "chain");
    for (const std::string p : {"sub/rel-out", "abs-out", "dir-out/shadow", "zero", "chain"})
        expect_refused(p, d.path, "must stay inside the record's folder");
    // a link loop ends
    fs::create_symlink("loop-b", d / "loop-a");
    fs::create_symlink("loop-a", d / "loop-b");
    expect_refused("loop-a", d.path, "at most 40 symbolic links");
    expect_refused("", d.path, "an empty path");
    expect_refused(std::string("a\0b", 3), d.path, "NUL character");
}

BOOST_AUTO_TEST_CASE(only_regular_files_are_opened_and_a_fifo_never_blocks) {
    temp_dir d;
    BOOST_REQUIRE(::mkfifo((d / "pipe").c_str(), 0600) == 0);
    fs::create_directory(d / "dir");
    expect_refused("pipe", d.path, "must name a regular file");
    expect_refused("dir", d.path, "must name a regular file");
    expect_refused("dir/", d.path, "must name a regular file");
    expect_refused(".", d.path, "must name a regular file");
    // the command-line inputs too: a FIFO, a device and a directory are refused without reading
    std::vector<diagnostic> diags;
    BOOST_TEST(!io::read_file(d / "pipe", diags).has_value());
    BOOST_TEST(!io::read_file("/dev/zero", diags).has_value());
    BOOST_TEST(!io::read_file(d / "dir", diags).has_value());
    BOOST_REQUIRE(diags.size() == 3u);
    BOOST_TEST(diags[0].message == "is a FIFO, not a regular file; only regular files are read");
    BOOST_TEST(diags[1].message == "is a device, not a regular file; only regular files are read");
    BOOST_TEST(diags[2].message == "is a directory; expected a file");
}

BOOST_AUTO_TEST_CASE(a_document_larger_than_the_cap_is_refused) {
    temp_dir d;
    put(d / "big.txt", std::string(101, 'x'));
    put(d / "fits.txt", std::string(100, 'x'));
    auto rec = record_with_path("big.txt");
    auto diags = load(rec, d.path, 100);
    BOOST_REQUIRE(diags.size() == 1u);
    BOOST_TEST(diags[0].severity == severity::error);
    BOOST_TEST(diags[0].message == "a document file may hold at most 100 bytes; this one is larger and is refused");
    BOOST_TEST(!rec.documents->front().text.has_value());
    auto ok = record_with_path("fits.txt");
    BOOST_TEST(load(ok, d.path, 100).empty());
    BOOST_TEST(ok.documents->front().text->size() == 100u);
    BOOST_TEST(io::max_document_bytes == 5u * 1024 * 1024);
    // inputs have their own cap
    std::vector<diagnostic> in;
    BOOST_TEST(!io::read_file(d / "big.txt", in, 100).has_value());
    BOOST_TEST(io::read_file(d / "fits.txt", in, 100).value_or("").size() == 100u);
    BOOST_REQUIRE(in.size() == 1u);
    BOOST_TEST(in[0].message == "is larger than the 100 bytes limit for an input file");
    BOOST_TEST(io::max_input_bytes == 64u * 1024 * 1024);
}

BOOST_AUTO_TEST_CASE(a_record_without_a_folder_has_its_paths_refused_and_missing_files_warn) {
    temp_dir d;
    put(d / "w.txt", "hello");
    auto rec = record_with_path("w.txt");
    auto diags = load(rec, fs::path()); // read from standard input
    BOOST_REQUIRE(diags.size() == 1u);
    BOOST_TEST(diags[0].severity == severity::error);
    BOOST_TEST(diags[0].message.find("standard input has no folder") != std::string::npos);
    auto missing = record_with_path("nope/w.txt");
    diags = load(missing, d.path);
    BOOST_REQUIRE(diags.size() == 1u);
    BOOST_TEST(diags[0].severity == severity::warning);
    BOOST_TEST(diags[0].message == "document file nope/w.txt is not in the record's folder; its text is not scanned");
    // the identities of the files read are reported, for outputs never to replace them
    std::vector<io::file_identity> read;
    io::document_options opts;
    opts.folder = d.path;
    opts.opened = &read;
    auto again = record_with_path("w.txt");
    io::load_document_texts(again, opts, "rec.json", diags);
    BOOST_REQUIRE(read.size() == 1u);
    BOOST_TEST((read[0] == *io::identify_file(d / "w.txt")));
}

BOOST_AUTO_TEST_CASE(outputs_replace_only_regular_files_that_are_not_inputs) {
    temp_dir d;
    BOOST_REQUIRE(::mkfifo((d / "pipe").c_str(), 0600) == 0);
    fs::create_directory(d / "dir");
    put(d / "target", "keep me");
    fs::create_symlink("target", d / "link");
    const auto refused = io::write_file_atomic(d / "pipe", "x");
    BOOST_TEST(render(refused) ==
               "refusing to write " + (d / "pipe").string() +
                   ": it is a FIFO, and only a regular file is ever replaced");
    BOOST_REQUIRE(i18n::find("es"));
    BOOST_TEST(render(refused, *i18n::find("es")) ==
               "no se escribe " + (d / "pipe").string() + ": es una FIFO, y solo se reemplaza un archivo normal");
    BOOST_TEST(render(io::write_file_atomic(d / "dir", "x")).find("it is a directory") != std::string::npos);
    BOOST_TEST(render(io::write_file_atomic(d / "link", "x")).find("it is a symbolic link") != std::string::npos);
    BOOST_TEST(render(io::write_file_atomic("/dev/null", "x")).find("it is a device") != std::string::npos);
    BOOST_TEST(fs::is_fifo(d / "pipe"));
    BOOST_TEST(fs::is_symlink(d / "link"));
    // an input of the run, under its own name or another (a hard link)
    fs::create_hard_link(d / "target", d / "alias");
    io::output_options opts;
    opts.inputs.push_back(*io::identify_file(d / "target"));
    for (const auto* name : {"target", "alias"})
        BOOST_TEST(render(io::write_file_atomic(d / name, "x", opts)).find("it is an input of this run") !=
                   std::string::npos);
    BOOST_TEST(test::slurp(d / "target") == "keep me");
    BOOST_TEST(io::write_file_atomic(d / "target", "new").empty());
    BOOST_TEST(test::slurp(d / "target") == "new");
    // nothing but the outputs is left: no temporary file
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(d.path))
        ++entries;
    BOOST_TEST(entries == 5u); // pipe, dir, target, link, alias
}

BOOST_AUTO_TEST_CASE(new_outputs_honour_the_umask_and_replaced_ones_keep_their_mode) {
    temp_dir d;
    const mode_t old = ::umask(022);
    auto mode = [](const fs::path& p) {
        struct stat st;
        ::stat(p.c_str(), &st);
        return st.st_mode & 07777;
    };
    io::output_options names;
    names.private_file = true;
    BOOST_TEST(io::write_file_atomic(d / "plain.txt", "a").empty());
    BOOST_TEST(io::write_file_atomic(d / "names.txt", "a", names).empty());
    BOOST_TEST(mode(d / "plain.txt") == 0644u);
    BOOST_TEST(mode(d / "names.txt") == 0600u);
    ::umask(077);
    BOOST_TEST(io::write_file_atomic(d / "strict.txt", "a").empty());
    BOOST_TEST(mode(d / "strict.txt") == 0600u);
    ::umask(0);
    BOOST_TEST(io::write_file_atomic(d / "names2.txt", "a", names).empty());
    BOOST_TEST(mode(d / "names2.txt") == 0600u); // 0600 is the ceiling for names
    ::chmod((d / "plain.txt").c_str(), 0640);
    BOOST_TEST(io::write_file_atomic(d / "plain.txt", "b", names).empty());
    BOOST_TEST(mode(d / "plain.txt") == 0640u);
    BOOST_TEST(test::slurp(d / "plain.txt") == "b");
    ::umask(old);
}

BOOST_AUTO_TEST_CASE(long_names_work) {
    temp_dir d;
    const std::string name(250, 'n'); // the temporary file's name would exceed NAME_MAX if not shortened
    BOOST_TEST(io::write_file_atomic(d / name, "long").empty());
    BOOST_TEST(test::slurp(d / name) == "long");
}

BOOST_AUTO_TEST_CASE(a_signal_removes_the_temporary_files_and_still_ends_the_process) {
    temp_dir d;
    const auto tmp = d / ".report.json.rco-audit-tmp-ABCDEF";
    const pid_t child = ::fork();
    BOOST_REQUIRE(child >= 0);
    if (child == 0) {
        io::remove_temporaries_on_signals();
        const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
        if (fd < 0 || io::detail::register_temporary(tmp.c_str()) < 0)
            ::_exit(3);
        ::raise(SIGTERM);
        ::_exit(4); // not reached: the signal ends the process
    }
    int status = 0;
    BOOST_REQUIRE(::waitpid(child, &status, 0) == child);
    BOOST_TEST(WIFSIGNALED(status));
    BOOST_TEST((WIFSIGNALED(status) ? WTERMSIG(status) : -1) == SIGTERM);
    BOOST_TEST(!fs::exists(tmp));
}

/// The names in a directory, sorted.
std::vector<std::string> listing(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

/// A file's permission bits.
unsigned file_mode(const fs::path& p) {
    struct stat st {};
    ::stat(p.c_str(), &st);
    return st.st_mode & 07777;
}

/// A policy under which nothing is committed before finish() (or 1,000 files).
constexpr io::commit_policy hold_until_finish{1000, std::chrono::hours(1)};

BOOST_AUTO_TEST_CASE(a_commit_group_puts_files_written_by_several_threads_in_place_whole) {
    temp_dir d;
    const mode_t old = ::umask(022);
    put(d / "f07.txt", "old");
    ::chmod((d / "f07.txt").c_str(), 0640);
    std::vector<std::string> failures;
    std::mutex m;
    {
        io::commit_group group({4, std::chrono::hours(1)}); // a commit every 4 files, and the rest at finish()
        auto writer = [&](int first) {
            for (int i = first; i < 30; i += 2) {
                const auto name = "f" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ".txt";
                group.write(d / name, std::string(1000 + i, static_cast<char>('a' + i % 26)), {},
                            [&](message err) {
                                std::lock_guard lock(m);
                                failures.push_back(render(err));
                            });
            }
        };
        std::thread a(writer, 0), b(writer, 1);
        a.join();
        b.join();
        group.finish();
        BOOST_TEST(failures.empty());
        std::vector<std::string> expected;
        for (int i = 0; i < 30; ++i) {
            expected.push_back("f" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ".txt");
            BOOST_TEST(test::slurp(d / expected.back()) == std::string(1000 + i, static_cast<char>('a' + i % 26)));
        }
        BOOST_TEST(listing(d.path) == expected, boost::test_tools::per_element()); // no temporary left
        struct stat st {};
        BOOST_TEST(::stat((d / "f07.txt").c_str(), &st) == 0);
        BOOST_TEST((st.st_mode & 07777) == 0640u); // a replaced file keeps its mode
        BOOST_TEST(::stat((d / "f08.txt").c_str(), &st) == 0);
        BOOST_TEST((st.st_mode & 07777) == 0644u);
        // After finish(), a file is committed at once.
        group.write(d / "late.txt", "late", {}, [&](message err) { failures.push_back(render(err)); });
        BOOST_TEST(test::slurp(d / "late.txt") == "late");
    }
    BOOST_TEST(failures.empty());
    ::umask(old);
}

BOOST_AUTO_TEST_CASE(one_file_of_a_group_that_fails_leaves_the_others_committed) {
    temp_dir d;
    put(d / "input.json", "keep me");
    io::output_options opts;
    opts.inputs.push_back(*io::identify_file(d / "input.json"));
    std::vector<std::pair<std::string, std::string>> failures; // file, message
    io::commit_group group(hold_until_finish);
    auto note = [&](const std::string& name) {
        return [&failures, name](message err) { failures.emplace_back(name, render(err)); };
    };
    for (const auto* name : {"a.txt", "b.txt", "c.txt", "d.txt"})
        group.write(d / name, std::string("report ") + name, opts, note(name));
    // Refused at once: an input named as the target.
    group.write(d / "input.json", "x", opts, note("input.json"));
    BOOST_REQUIRE(failures.size() == 1u);
    BOOST_TEST(failures[0].second ==
               "refusing to write " + (d / "input.json").string() + ": it is an input of this run and would be lost");
    // Nothing is in place before the group is committed; meanwhile two targets change.
    BOOST_TEST(!fs::exists(d / "a.txt"));
    fs::create_directory(d / "b.txt");
    fs::create_hard_link(d / "input.json", d / "d.txt");
    group.finish();
    BOOST_REQUIRE(failures.size() == 3u);
    BOOST_TEST(failures[1].first == "b.txt");
    BOOST_TEST(failures[1].second == "refusing to write " + (d / "b.txt").string() +
                                         ": it is a directory, and only a regular file is ever replaced");
    BOOST_TEST(failures[2].first == "d.txt");
    BOOST_TEST(failures[2].second ==
               "refusing to write " + (d / "d.txt").string() + ": it is an input of this run and would be lost");
    BOOST_TEST(test::slurp(d / "a.txt") == "report a.txt");
    BOOST_TEST(test::slurp(d / "c.txt") == "report c.txt");
    BOOST_TEST(test::slurp(d / "input.json") == "keep me");
    BOOST_TEST(fs::is_directory(d / "b.txt"));
    BOOST_TEST(listing(d.path) == (std::vector<std::string>{"a.txt", "b.txt", "c.txt", "d.txt", "input.json"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_commit_group_commits_a_file_that_waited_long_enough_and_discards_when_dropped) {
    temp_dir d;
    {
        io::commit_group group({1000, std::chrono::milliseconds(20)});
        group.write(d / "soon.txt", "soon", {}, {});
        for (int i = 0; i < 500 && !fs::exists(d / "soon.txt"); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        BOOST_TEST(test::slurp(d / "soon.txt") == "soon"); // without finish()
    }
    int failed = 0;
    put(d / "dropped.txt", "before"); // replaced: its temporary has a name (a new file's has none)
    {
        io::commit_group group(hold_until_finish);
        group.write(d / "dropped.txt", "dropped", {}, [&](message) { ++failed; });
        BOOST_TEST(listing(d.path).size() == 3u); // soon.txt, dropped.txt and the temporary
    } // destroyed without finish(): the temporary is removed, the target never written
    BOOST_TEST(failed == 0);
    BOOST_TEST(listing(d.path) == (std::vector<std::string>{"dropped.txt", "soon.txt"}),
               boost::test_tools::per_element());
    BOOST_TEST(test::slurp(d / "dropped.txt") == "before");
}

BOOST_AUTO_TEST_CASE(a_signal_removes_the_temporaries_waiting_in_a_commit_group) {
    temp_dir d;
    const pid_t child = ::fork();
    BOOST_REQUIRE(child >= 0);
    if (child == 0) {
        io::remove_temporaries_on_signals();
        io::commit_group group(hold_until_finish);
        for (const auto* name : {"a.html", "b.html", "c.html"}) {
            put(d / name, "before"); // replaced: their temporaries have names
            group.write(d / name, "<html></html>", {}, [](message) { ::_exit(3); });
        }
        if (listing(d.path).size() != 6u) // the three files and their temporaries, waiting
            ::_exit(4);
        ::raise(SIGTERM);
        ::_exit(5); // not reached: the signal ends the process
    }
    int status = 0;
    BOOST_REQUIRE(::waitpid(child, &status, 0) == child);
    BOOST_TEST((WIFEXITED(status) ? WEXITSTATUS(status) : 0) == 0);
    BOOST_TEST((WIFSIGNALED(status) ? WTERMSIG(status) : -1) == SIGTERM);
    BOOST_TEST(listing(d.path) == (std::vector<std::string>{"a.html", "b.html", "c.html"}),
               boost::test_tools::per_element());
    BOOST_TEST(test::slurp(d / "b.html") == "before");
}

/// Whether the file system under `dir` makes unnamed files (O_TMPFILE) that can be linked in.
bool unnamed_files_in(const fs::path& dir) {
#if defined(__linux__) && defined(O_TMPFILE)
    const int fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    ::close(fd);
    return ::access("/proc/self/fd", X_OK) == 0;
#else
    (void)dir;
    return false;
#endif
}

BOOST_AUTO_TEST_CASE(a_new_file_has_no_name_until_it_is_whole) {
    temp_dir d;
    if (!unnamed_files_in(d.path)) {
        BOOST_TEST_MESSAGE("no unnamed files on " << d.path << ": a named temporary is used, as tested above");
        return;
    }
    const auto old = ::umask(022);
    {
        io::atomic_file f(d / "new.txt", {});
        f.write("whole ");
        f.write("at once");
        BOOST_TEST(listing(d.path).empty()); // nothing to see, nothing to leave behind
        BOOST_TEST(f.commit({}).empty());
    }
    BOOST_TEST(listing(d.path) == std::vector<std::string>{"new.txt"}, boost::test_tools::per_element());
    BOOST_TEST(test::slurp(d / "new.txt") == "whole at once");
    BOOST_TEST(file_mode(d / "new.txt") == 0644u);
    {
        io::atomic_file f(d / "dropped.txt", {});
        f.write("never");
    } // destroyed without commit(): nothing was ever in the folder
    BOOST_TEST(listing(d.path) == std::vector<std::string>{"new.txt"}, boost::test_tools::per_element());
    ::umask(old);
}

BOOST_AUTO_TEST_CASE(a_target_that_appears_while_a_new_file_is_written_is_checked_and_replaced) {
    temp_dir d;
    {
        io::atomic_file f(d / "late.txt", {}); // nothing there yet
        f.write("new");
        put(d / "late.txt", "old"); // another program writes it meanwhile
        ::chmod((d / "late.txt").c_str(), 0640);
        BOOST_TEST(f.commit({}).empty());
    }
    BOOST_TEST(test::slurp(d / "late.txt") == "new");
    BOOST_TEST(file_mode(d / "late.txt") == 0640u); // the replaced file's mode is kept
    BOOST_TEST(listing(d.path) == std::vector<std::string>{"late.txt"}, boost::test_tools::per_element());
    {
        io::atomic_file f(d / "link.txt", {});
        f.write("new");
        fs::create_symlink("late.txt", d / "link.txt"); // a symbolic link appears meanwhile
        const auto err = f.commit({});
        BOOST_TEST(!err.empty());
        BOOST_TEST(render(err).find("symbolic link") != std::string::npos, render(err));
    }
    BOOST_TEST(fs::is_symlink(d / "link.txt"));
    BOOST_TEST(test::slurp(d / "late.txt") == "new"); // the link's target untouched
    BOOST_TEST(listing(d.path) == (std::vector<std::string>{"late.txt", "link.txt"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_large_file_flushed_while_it_is_written_is_whole) {
    // Past 8 MiB a thread of the writer's flushes the file meanwhile; what is committed is
    // every piece, in order, and the thread is gone with the writer, committed or not.
    temp_dir d;
    std::string piece(1 << 20, 'x');
    {
        io::atomic_file f(d / "big.json", {});
        for (int i = 0; i < 20; ++i) {
            piece.front() = static_cast<char>('a' + i);
            f.write(piece);
        }
        BOOST_TEST(f.commit({}).empty());
    }
    const auto text = test::slurp(d / "big.json");
    BOOST_REQUIRE(text.size() == 20u << 20);
    for (int i = 0; i < 20; ++i)
        BOOST_TEST(text[static_cast<std::size_t>(i) << 20] == static_cast<char>('a' + i));
    {
        io::atomic_file f(d / "dropped.json", {});
        for (int i = 0; i < 10; ++i)
            f.write(piece);
    } // not committed: flushing stops, nothing is left
    BOOST_TEST(listing(d.path) == std::vector<std::string>{"big.json"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(output_names_are_distinct_and_deterministic) {
    using v = std::vector<std::string>;
    BOOST_TEST(io::output_names(v{"d/a.json", "d/b.xml", "-"}, 9) == (v{"a", "b", "stdin"}));
    BOOST_TEST(io::output_names(v{"d/a.json", "d/a.xml", "d/c.json"}, 9) == (v{"a.json", "a.xml", "c"}));
    const auto same = io::output_names(v{"sub1/x.json", "sub2/x.json"}, 9);
    BOOST_TEST(same == (v{"x.json-" + io::sha256_hex("sub1/x.json").substr(0, 8),
                          "x.json-" + io::sha256_hex("sub2/x.json").substr(0, 8)}));
    BOOST_TEST(same[0] != same[1]);
    const auto cased = io::output_names(v{"A.json", "a.json"}, 9); // one file on a case-insensitive disk
    BOOST_TEST(cased[0] != cased[1]);
    BOOST_TEST(cased[0].find("A.json-") == 0u);
    const std::string long_stem(300, 'L');
    const auto cut = io::output_names(v{"d/" + long_stem + ".json"}, 9);
    BOOST_TEST(cut[0].size() + 1 + 9 <= 255u);
    BOOST_TEST(cut[0] == std::string(236, 'L') + "-" + io::sha256_hex(long_stem).substr(0, 8));
}

BOOST_AUTO_TEST_CASE(file_names_are_shown_safely) {
    BOOST_TEST(io::display_name("dir/rec.json") == "dir/rec.json");
    BOOST_TEST(io::display_name("caf\xC3\xA9.json") == "caf\xC3\xA9.json");
    BOOST_TEST(io::display_name("bad\xFF\xFE.json") == "bad\\xFF\\xFE.json");
    BOOST_TEST(io::display_name("a\nb\x1B[2J.json") == "a\\x0Ab\\x1B[2J.json");
    BOOST_TEST(io::display_name("over\xC0\xAFlong") == "over\\xC0\\xAFlong");  // overlong "/"
    BOOST_TEST(io::display_name("sur\xED\xA0\x80") == "sur\\xED\\xA0\\x80");    // a surrogate
    BOOST_TEST(io::display_name("rtl\xE2\x80\xAEnosj.exe") == "rtl\\xE2\\x80\\xAEnosj.exe"); // U+202E
    BOOST_TEST(io::display_name("c1\xC2\x9B") == "c1\\xC2\\x9B");
    BOOST_TEST(io::display_name("cut\xE2\x80") == "cut\\xE2\\x80");
}

BOOST_AUTO_TEST_SUITE_END()

// File-system helpers for the command line and embedding programs that want them.
// The core (checks, audit, report writers) never calls these. POSIX only.
//
// A record is untrusted input, and so are the names of the files around it: these
// helpers read regular files only, with a size cap, keep a record's documents inside
// its folder, and write outputs without ever replacing anything but a regular file
// that is not one of the run's inputs.
#pragma once

#include "rco/catalog.hpp"
#include "rco/diagnostic.hpp"
#include "rco/io/limits.hpp"
#include "rco/record.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace rco::io {

// max_input_bytes (rco/io/limits.hpp), 64 MiB, is also the largest input file read (a
// record, roster, tailoring file, report, catalog file).
/// The largest document file a record's `documents[].path` may name: 5 MiB.
inline constexpr std::uint64_t max_document_bytes = std::uint64_t{5} << 20;

/// Which file a name leads to (device and inode), to recognise one file under two names.
struct file_identity {
    std::uint64_t device = 0, inode = 0;
    bool operator==(const file_identity&) const = default;
};

/// The identity of the file `p` leads to (following symbolic links), if it exists.
[[nodiscard]] std::optional<file_identity> identify_file(const std::filesystem::path& p);

/// A file name as messages and reports show it: valid UTF-8 is kept, every byte of an
/// invalid sequence and every control character (C0, DEL, C1) is written `\xNN`, so a
/// name can neither break a terminal, a JSON document or a line of output.
std::string display_name(std::string_view name);

/// Reads a whole regular file of at most `limit` bytes; nullopt with an error diagnostic
/// (naming the file by `display_name`) when it is missing, not a regular file (a
/// directory, device, FIFO or socket is refused without blocking) or larger. Never reads
/// more than `limit` + 1 bytes. `id`, when given, receives the identity of the file read.
[[nodiscard]] std::optional<std::string> read_file(const std::filesystem::path& p, std::vector<diagnostic>& diags,
                                     std::uint64_t limit = max_input_bytes, file_identity* id = nullptr);

/// Reads standard input to its end, at most `limit` bytes (an error diagnostic beyond).
[[nodiscard]] std::optional<std::string> read_standard_input(std::vector<diagnostic>& diags,
                                               std::uint64_t limit = max_input_bytes);

/// How output files are written.
struct output_options {
    /// Health information (a `--show-names` report): a new file is created with mode 0600
    /// (less if the umask removes more). Otherwise a new file gets 0666 minus the umask.
    /// A file being replaced keeps its mode either way.
    bool private_file = false;
    /// The run's inputs: an output leading to one of them is refused, whatever its name.
    std::vector<file_identity> inputs;
};

/// Writes a file whole or not at all: a temporary file beside it, flushed, then put in
/// place as NAME. On Linux a new file's temporary has no name (O_TMPFILE) and is linked in
/// as NAME, so nothing is ever left behind; one replacing a file (or where the file system
/// has no unnamed files) is `.NAME.rco-audit-tmp-XXXXXX`, renamed over NAME. Refuses to replace anything but a regular
/// file (a device, FIFO, socket, directory or symbolic link stays untouched) and any of
/// `opts.inputs`. Returns why not (a message naming the file by `display_name`), or an
/// empty message on success.
[[nodiscard]] message write_file_atomic(const std::filesystem::path& p, std::string_view contents,
                              const output_options& opts = {});

/// The same, written in pieces (a batch's joined report, as its records are audited): the
/// temporary file is created when the writer is, each write() appends to it (and, every
/// 8 MiB, has a thread of the writer's flush it to disk meanwhile, so that commit()'s
/// flush has little left to do),
/// and commit() checks the target again (with the inputs known by then) and renames it into place. A
/// writer destroyed without a successful commit() removes its temporary file and leaves
/// the target as it was: whole or not at all.
class atomic_file {
  public:
    atomic_file(const std::filesystem::path& p, const output_options& opts);
    atomic_file(const atomic_file&) = delete;
    atomic_file& operator=(const atomic_file&) = delete;
    ~atomic_file();

    /// Why the file cannot be written (empty while all is well). After an error, write()
    /// does nothing and commit() returns it.
    const message& error() const noexcept { return error_; }
    void write(std::string_view text);
    /// Puts the file in place; returns error(), empty on success.
    message commit(const output_options& opts);

  private:
    friend class commit_group;
    message fail(message m);
    void discard(); ///< closes and removes the temporary file
    // commit() in three steps, the middle one shared by a group's files (commit_group):
    message seal();                            ///< gives the temporary the mode of the file it replaces
    message sync();                            ///< flushes it to disk (fsync)
    message place(const output_options& opts); ///< closes it, checks the target again, renames it over
    message problem(const message_def& def) const;
    message check_target(const output_options& opts);
    /// Names the temporary beside the target: `make(name)` makes it (>= 0) or fails with
    /// errno; a name taken (EEXIST) is tried again with another, anything else is error_.
    template <class Make>
    void name_temporary(const std::filesystem::path& dir, Make make);
    /// The folder the file goes in ("." for a bare name).
    std::filesystem::path folder() const { return path_.has_parent_path() ? path_.parent_path() : "."; }

    std::filesystem::path path_;
    std::string shown_, tmp_;
    message error_;
    int fd_ = -1, slot_ = -1;
    message stop_flushing(); ///< ends the background flush, failing if a flush of it failed
    class background_flush;
    std::unique_ptr<background_flush> flusher_; ///< for a large file, from its first 8 MiB
    std::uint64_t written_ = 0, flushed_ = 0;   ///< bytes written; bytes a flush was asked for
    bool replacing_ = false, committed_ = false;
    bool unnamed_ = false; ///< the temporary has no name yet (O_TMPFILE): place() links it in
    unsigned keep_mode_ = 0;
};

/// When a commit_group puts its files in place: as soon as `files` of them are waiting, or
/// when the first of them has waited `wait`, and at finish().
struct commit_policy {
    std::size_t files = 32;
    std::chrono::milliseconds wait{100};
};

/// Writes many files, each whole or not at all as write_file_atomic() does, but makes them
/// durable together: each file is written to its temporary file at once (by the calling
/// thread), then handed to the group's committer thread, which flushes a group of them to
/// disk with ONE syncfs(2) of their file system (fsync(2) of each file when the group holds
/// one file of a file system, or when syncfs fails) and then, file by file, checks the
/// target again (with the `opts` given for it) and renames the temporary file into place.
/// One fsync per file costs a disk flush each (milliseconds) and the flushes of several
/// threads hardly overlap; one per group does not hold the writers up.
///
/// The guarantees are write_file_atomic()'s: a file is whole or absent, only a regular file
/// that is not one of `opts.inputs` is replaced, keeping its mode, the same messages say why
/// not; until it is in place a file's named temporary is registered for removal on a signal
/// (remove_temporaries_on_signals()). A file that fails does not stop the others.
///
/// Thread-safe: any number of threads may call write() at once; finish() and the destructor
/// are called by one thread once the writers are done. `failed` is called at most once per
/// file, with why it could not be written: on the calling thread when its temporary cannot
/// be created or written, else later on the committer's thread (never with the group's lock
/// held). At most 2 x `policy.files` temporaries wait at once: write() blocks beyond.
class commit_group {
  public:
    explicit commit_group(commit_policy policy = {});
    commit_group(const commit_group&) = delete;
    commit_group& operator=(const commit_group&) = delete;
    /// Without finish(): the group being committed is finished, the files still waiting are
    /// discarded (their temporaries removed, `failed` not called) and no target is touched.
    ~commit_group();

    void write(const std::filesystem::path& p, std::string_view contents, output_options opts,
               std::function<void(message)> failed);
    /// Puts every file handed over in place (or reports it failed) and ends the committer.
    /// A write() after it is committed at once, like write_file_atomic().
    void finish();

  private:
    struct pending {
        std::unique_ptr<atomic_file> file;
        output_options opts;
        std::function<void(message)> failed;
    };
    void run(); ///< the committer thread
    static void commit(std::vector<pending>& group);

    commit_policy policy_;
    std::mutex mutex_;
    std::condition_variable added_, taken_;
    std::vector<pending> waiting_;
    std::chrono::steady_clock::time_point first_waiting_;
    bool finishing_ = false, finished_ = false, abandon_ = false;
    std::thread committer_;
};

/// Installs handlers for SIGINT, SIGTERM and SIGHUP (unless ignored) that remove the
/// temporary files being written, then end the process by the same signal. Idempotent.
void remove_temporaries_on_signals();

/// Temporary files the signal handler removes (used by atomic_file; exposed for tests).
namespace detail {
/// Registers a path; returns its slot, or -1 when every slot is taken (the file is then not removed on a signal).
int register_temporary(const char* path) noexcept;
void release_temporary(int slot) noexcept;
} // namespace detail

/// The names of one run's per-record reports in an output directory (NAME.txt,
/// NAME.json, ...), one per input, distinct and deterministic:
///  - NAME is the input's stem (`a` for `dir/a.json`; `stdin` for `-`);
///  - when several inputs share a stem, each of them uses its whole file name instead
///    (`a.json`, `a.xml`);
///  - when several still share it (`sub1/x.json`, `sub2/x.json`), each gets `-` and the
///    first 8 hex digits of the SHA-256 of its path as given (`x.json-1f0c3a9e`);
///  - a NAME that would make a file name longer than 255 bytes with `longest_extension`
///    is cut and gets `-` and 8 hex digits of the SHA-256 of the whole name.
/// Names are compared without regard to ASCII case, for case-insensitive file systems.
std::vector<std::string> output_names(const std::vector<std::string>& inputs, std::size_t longest_extension);

/// Where `documents[].path` is resolved, and how much is read.
struct document_options {
    document_options() = default;
    /// Paths resolved in `dir` with the default limit.
    document_options(std::filesystem::path dir) : folder(std::move(dir)) {}
    /// The folder paths are resolved in (the record's own folder, or an explicit one). Empty:
    /// there is none (a record read from standard input) and every path is refused.
    std::filesystem::path folder;
    std::uint64_t max_bytes = max_document_bytes;
    /// When given, receives the identity of every document file read.
    std::vector<file_identity>* opened = nullptr;
};

/// Fills `text` of documents that give a `path`, checking the optional `sha256`.
/// A path is resolved inside `opts.folder`, symbolic links included, and must stay
/// there: an absolute path, a `..` or a link leading out of the folder, anything but a
/// regular file (directories, devices, FIFOs, sockets) and a file larger than
/// `opts.max_bytes` are errors at `/documents/N/path` that name the rule, never the
/// target's content, digest or the system's error text. A missing file and a digest
/// mismatch are warnings: the document then has no text and the language checks say so.
void load_document_texts(record& rec, const document_options& opts, const std::string& record_file,
                         std::vector<diagnostic>& diags);

/// Reads a rules directory holding the four catalog files.
[[nodiscard]] std::optional<catalog> load_catalog_dir(const std::filesystem::path& dir, std::vector<diagnostic>& diags);

} // namespace rco::io

#pragma once

#include "rco/io/catalog_json.hpp"
#include "rco/io/digest.hpp"
#include "rco/io/files.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <random>
#include <utility>

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rco::io {

namespace files_detail {

/// Closes a descriptor when it goes out of scope.
struct fd_guard {
    int fd = -1;
    fd_guard() = default;
    explicit fd_guard(int f) : fd(f) {}
    fd_guard(const fd_guard&) = delete;
    fd_guard& operator=(const fd_guard&) = delete;
    ~fd_guard() {
        if (fd >= 0)
            ::close(fd);
    }
    int release() { return std::exchange(fd, -1); }
};

/// "64 MB" for a whole number of MiB, else "N bytes".
inline std::string describe_limit(std::uint64_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0)
        return std::to_string(bytes >> 20) + " MB";
    return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

constexpr message_def kind_directory{"reader.file.kind.directory", "a directory"};
constexpr message_def kind_symbolic_link{"reader.file.kind.symbolic_link", "a symbolic link"};
constexpr message_def kind_fifo{"reader.file.kind.fifo", "a FIFO"};
constexpr message_def kind_socket{"reader.file.kind.socket", "a socket"};
constexpr message_def kind_device{"reader.file.kind.device", "a device"};
constexpr message_def kind_other{"reader.file.kind.other", "not a regular file"};

/// What a non-regular file is, as the argument {kind} of a message.
inline message_arg kind_of(mode_t m) {
    const auto* def = S_ISDIR(m)                  ? &kind_directory
                      : S_ISLNK(m)                ? &kind_symbolic_link
                      : S_ISFIFO(m)               ? &kind_fifo
                      : S_ISSOCK(m)               ? &kind_socket
                      : S_ISCHR(m) || S_ISBLK(m) ? &kind_device
                                                  : &kind_other;
    return {"kind", std::vector<message>{message{def, {}}}};
}

enum class read_status { ok, too_large, failed };

/// Reads `fd` to its end into `out`, never more than `limit` + 1 bytes.
inline read_status read_bounded(int fd, std::uint64_t limit, std::string& out) {
    out.clear();
    std::array<char, 1 << 16> chunk;
    for (;;) {
        const std::uint64_t room = limit + 1 - out.size();
        const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(chunk.size(), room));
        const auto n = ::read(fd, chunk.data(), want);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return read_status::failed;
        }
        if (n == 0)
            return read_status::ok;
        out.append(chunk.data(), static_cast<std::size_t>(n));
        if (out.size() > limit)
            return read_status::too_large;
    }
}

/// Length of the valid UTF-8 sequence at s[i] (RFC 3629: no overlong forms, no
/// surrogates, nothing above U+10FFFF), or 0 when it is not one; `cp` gets the code point.
inline std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    std::size_t len;
    char32_t min;
    if (c < 0x80) {
        cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        len = 2, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, cp = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (i + len > s.size())
        return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if ((b(i + k) & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

/// Cuts `s` to at most `n` bytes without splitting a UTF-8 sequence.
inline std::string cut_utf8(std::string s, std::size_t n) {
    if (s.size() <= n)
        return s;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80)
        --n;
    s.resize(n);
    return s;
}

// Temporary files removed by the signal handler: fixed storage, lock-free flags, so the
// handler uses nothing but atomic loads and unlink(2).
// Room for a commit_group's waiting files (2 x 32 by default) beside the writers' own.
constexpr int temp_slots = 256;
struct temp_slot {
    std::atomic<int> state{0}; ///< 0 free, 1 being filled, 2 registered
    char path[PATH_MAX];
};
inline temp_slot temp_registry[temp_slots];
static_assert(std::atomic<int>::is_always_lock_free);

/// Set by the signal handler before it looks at the slots: no temporary is created after.
inline std::atomic<bool> removing_temporaries{false};
static_assert(std::atomic<bool>::is_always_lock_free);

inline void remove_temporaries_and_reraise(int sig) {
    const int saved = errno;
    // Other threads go on while this one handles the signal: none creates a temporary from
    // now on, and one creating its file now (create_temporary(), never on this thread: it
    // blocks these signals meanwhile) is waited for, so that its file is removed too.
    removing_temporaries.store(true);
    for (auto& s : temp_registry) {
        int state;
        while ((state = s.state.load()) == 1)
            ::sched_yield();
        if (state == 2)
            ::unlink(s.path);
    }
    errno = saved;
    // SA_RESETHAND restored the default action; the signal is blocked until this handler
    // returns, then ends the process as it would have without us.
    ::raise(sig);
}

constexpr int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};

/// Takes a free slot for `path` and copies the path in, leaving the slot "being filled"
/// (state 1: the caller sets 2 once the file exists, 0 if it is not made); -1 when every
/// slot is taken or the path is too long.
inline int take_slot(const char* path) noexcept {
    const std::size_t n = std::strlen(path);
    if (n >= PATH_MAX)
        return -1;
    for (int i = 0; i < temp_slots; ++i) {
        int expected = 0;
        if (temp_registry[i].state.compare_exchange_strong(expected, 1)) {
            std::memcpy(temp_registry[i].path, path, n + 1);
            return i;
        }
    }
    return -1;
}

/// Makes the temporary file `path` with `make` (which returns a descriptor or 0, or -1 with
/// errno set) registered for removal on a signal; returns what `make` did. `slot` receives
/// its slot, or -1 when every slot is taken (the file is then not removed on a signal).
/// The cleanup signals are blocked in this thread meanwhile, and a handler running on
/// another thread waits for the slot, so a signal never leaves the file behind.
template <class Make>
int make_temporary(const char* path, int& slot, Make make) {
    sigset_t block, old;
    ::sigemptyset(&block);
    for (int sig : cleanup_signals)
        ::sigaddset(&block, sig);
    ::pthread_sigmask(SIG_BLOCK, &block, &old);
    slot = take_slot(path);
    int made = -1, err = EINTR; // the process is ending: no new temporary
    if (!removing_temporaries.load()) {
        made = make();
        err = errno;
    }
    if (slot >= 0)
        temp_registry[slot].state.store(made >= 0 ? 2 : 0);
    if (made < 0)
        slot = -1;
    ::pthread_sigmask(SIG_SETMASK, &old, nullptr);
    errno = err;
    return made;
}

/// Creates the temporary file `path` (O_EXCL, mode `mode` minus the umask), registered as
/// make_temporary() does; returns its descriptor, or -1 with errno set.
inline int create_temporary(const char* path, mode_t mode, int& slot) {
    return make_temporary(path, slot,
                          [&] { return ::open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode); });
}

#if defined(__linux__) && defined(O_TMPFILE)
/// Whether an unnamed file (O_TMPFILE) can be given a name by linkat(2) through its
/// /proc/self/fd entry: not without /proc (a bare chroot).
inline bool can_name_unnamed_files() {
    static const bool yes = ::access("/proc/self/fd", X_OK) == 0;
    return yes;
}

/// Gives the unnamed file `fd` the name `path`; 0, or -1 with errno set (EEXIST when the name is taken).
inline int name_unnamed_file(int fd, const char* path) {
    char self[48];
    std::snprintf(self, sizeof self, "/proc/self/fd/%d", fd);
    return ::linkat(AT_FDCWD, self, AT_FDCWD, path, AT_SYMLINK_FOLLOW);
}
#endif

/// Six random letters and digits ending a temporary file's name (created with O_EXCL: a
/// name taken is tried again). The generator is seeded once per thread and process: a
/// std::random_device made for each file cost a CPUID each time, slow on a virtual machine.
inline std::string temporary_suffix() {
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    thread_local std::mt19937_64 gen;
    thread_local pid_t seeded_in = 0;
    if (seeded_in != ::getpid()) { // a forked child draws its own names
        seeded_in = ::getpid();
        std::random_device rd;
        gen.seed((std::uint64_t{rd()} << 32) ^ rd());
    }
    std::string suffix(6, 'A');
    for (auto& ch : suffix)
        ch = alphabet[gen() % (sizeof alphabet - 1)];
    return suffix;
}

/// A large output is flushed to disk in the background every so many bytes written
/// (atomic_file::write).
constexpr std::uint64_t writeback_chunk = std::uint64_t{8} << 20;

enum class refusal {
    none,
    no_folder,      ///< the record has no folder (standard input)
    bad_name,       ///< empty, or holds a NUL character
    absolute,       ///< an absolute path
    escapes,        ///< leaves the folder through .. or a symbolic link
    too_many_links, ///< more than 40 symbolic links
    not_regular,    ///< a directory, device, FIFO or socket
    too_large,      ///< larger than the limit
    missing,        ///< not found in the folder
    unreadable,     ///< found but cannot be opened or read
};

/// Opens `rel` for reading beneath the directory `base_fd` (whose real path is `base_real`),
/// like openat2(RESOLVE_BENEATH): one component at a time, never following a symbolic
/// link blindly (O_NOFOLLOW), expanding links itself and refusing any step above the
/// folder. Opens regular files only, without blocking on FIFOs and without opening
/// devices. On success `out` holds the descriptor.
inline refusal open_beneath(int base_fd, const std::string& base_real, std::string_view rel, int& out) {
    std::deque<std::string> parts;
    auto push_front_path = [&parts](std::string_view p) {
        std::vector<std::string> split;
        std::size_t start = 0;
        for (;;) {
            const auto slash = p.find('/', start);
            split.emplace_back(p.substr(start, slash == std::string_view::npos ? slash : slash - start));
            if (slash == std::string_view::npos)
                break;
            start = slash + 1;
        }
        parts.insert(parts.begin(), split.begin(), split.end());
    };
    push_front_path(rel);
    std::vector<int> dirs{base_fd}; // dirs[0] belongs to the caller
    struct closer {
        std::vector<int>& d;
        ~closer() {
            for (std::size_t i = 1; i < d.size(); ++i)
                ::close(d[i]);
        }
    } close_dirs{dirs};
    int links = 0;
    while (!parts.empty()) {
        const std::string c = std::move(parts.front());
        parts.pop_front();
        if (c.empty() || c == ".")
            continue;
        if (c == "..") {
            if (dirs.size() == 1)
                return refusal::escapes;
            ::close(dirs.back());
            dirs.pop_back();
            continue;
        }
        struct stat st;
        if (::fstatat(dirs.back(), c.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
            return errno == ENOENT || errno == ENOTDIR || errno == ENAMETOOLONG ? refusal::missing
                                                                                : refusal::unreadable;
        if (S_ISLNK(st.st_mode)) {
            if (++links > 40)
                return refusal::too_many_links;
            std::string target(PATH_MAX, '\0');
            const auto n = ::readlinkat(dirs.back(), c.c_str(), target.data(), target.size());
            if (n <= 0 || static_cast<std::size_t>(n) >= target.size())
                return refusal::unreadable;
            target.resize(static_cast<std::size_t>(n));
            if (target.front() == '/') {
                // An absolute link may still point into the folder: continue from the folder.
                if (base_real.empty() || target.compare(0, base_real.size(), base_real) != 0 ||
                    (target.size() > base_real.size() && target[base_real.size()] != '/' && base_real != "/"))
                    return refusal::escapes;
                for (std::size_t i = 1; i < dirs.size(); ++i)
                    ::close(dirs[i]);
                dirs.resize(1);
                target.erase(0, base_real.size());
            }
            push_front_path(target);
            continue;
        }
        if (!parts.empty()) { // a directory to walk through ("a/b", "a/")
            if (!S_ISDIR(st.st_mode))
                return refusal::missing;
            const int fd = ::openat(dirs.back(), c.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (fd < 0)
                return errno == ELOOP ? refusal::escapes : refusal::unreadable; // swapped for a link meanwhile
            dirs.push_back(fd);
            continue;
        }
        if (!S_ISREG(st.st_mode))
            return refusal::not_regular; // decided before opening: a device is never opened
        const int fd = ::openat(dirs.back(), c.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
        if (fd < 0)
            return errno == ELOOP ? refusal::escapes : refusal::unreadable;
        fd_guard guard(fd);
        if (::fstat(fd, &st) != 0)
            return refusal::unreadable;
        if (!S_ISREG(st.st_mode)) // swapped meanwhile
            return refusal::not_regular;
        out = guard.release();
        return refusal::none;
    }
    return refusal::not_regular; // the path ends at a directory
}

constexpr message_def refused_no_folder{"reader.document.no_folder",
                                        "a record read from standard input has no folder, so its document paths are "
                                        "refused (give the folder explicitly, e.g. --documents DIR)"};
constexpr message_def refused_bad_name{"reader.document.bad_name",
                                       "a document path must name a file; an empty path or one holding a NUL "
                                       "character is refused"};
constexpr message_def refused_absolute{"reader.document.absolute",
                                       "a document path must be relative to the record's folder; an absolute path is "
                                       "refused"};
constexpr message_def refused_escapes{"reader.document.escapes",
                                      "a document path must stay inside the record's folder; this one leads out of it "
                                      "(through \"..\" or a symbolic link) and is refused"};
constexpr message_def refused_links{"reader.document.too_many_links",
                                    "a document path may pass through at most 40 symbolic links; this one is refused"};
constexpr message_def refused_not_regular{"reader.document.not_regular",
                                          "a document path must name a regular file; this one names a directory, "
                                          "device, FIFO or socket and is refused"};
constexpr message_def refused_too_large{"reader.document.too_large",
                                        "a document file may hold at most {limit}; this one is larger and is refused"};
constexpr message_def document_changed{"reader.document.changed",
                                       "document file {file} has SHA-256 {digest}, not the digest the record gives; "
                                       "the file changed since it was recorded"};
constexpr message_def document_missing{"reader.document.missing",
                                       "document file {file} is not in the record's folder; its text is not scanned"};
constexpr message_def document_unreadable{"reader.document.unreadable",
                                          "document file {file} cannot be read; its text is not scanned"};
constexpr message_def file_is_directory{"reader.file.directory", "is a directory; expected a file"};
constexpr message_def file_not_regular{"reader.file.not_regular",
                                       "is {kind}, not a regular file; only regular files are read"};
constexpr message_def file_cannot_open{"reader.file.cannot_open", "cannot open the file ({reason})"};
constexpr message_def file_cannot_read{"reader.file.cannot_read", "cannot read the file"};
constexpr message_def file_read_failed{"reader.file.read_failed", "cannot read the file ({reason})"};
constexpr message_def file_too_large{"reader.file.too_large", "is larger than the {limit} limit for an input file"};
constexpr message_def cannot_write{"writer.cannot_write", "cannot write {file} ({reason})"};
constexpr message_def refuse_kind{"writer.refuse_kind",
                                  "refusing to write {file}: it is {kind}, and only a regular file is ever replaced"};
constexpr message_def refuse_input{"writer.refuse_input",
                                   "refusing to write {file}: it is an input of this run and would be lost"};
constexpr message_def no_temporary{"writer.no_temporary", "cannot create a temporary file in {dir} ({reason})"};
constexpr message_def no_temporary_name{"writer.no_temporary_name", "cannot create a temporary file in {dir}"};
constexpr message_def cannot_chmod{"writer.cannot_chmod", "cannot set the mode of {file} ({reason})"};
constexpr message_def cannot_replace{"writer.cannot_replace", "cannot replace {file} ({reason})"};
constexpr message_def too_many_languages{"reader.catalog.too_many_languages", "more than 64 language-*.json files"};
constexpr message_def stdin_read_failed{"reader.file.stdin_failed", "cannot read standard input ({reason})"};

inline message refusal_message(refusal r, std::uint64_t limit) {
    switch (r) {
    case refusal::no_folder: return {&refused_no_folder, {}};
    case refusal::bad_name: return {&refused_bad_name, {}};
    case refusal::absolute: return {&refused_absolute, {}};
    case refusal::escapes: return {&refused_escapes, {}};
    case refusal::too_many_links: return {&refused_links, {}};
    case refusal::not_regular: return {&refused_not_regular, {}};
    case refusal::too_large: return {&refused_too_large, {{"limit", describe_limit(limit)}}};
    default: return {};
    }
}

} // namespace files_detail

std::optional<file_identity> identify_file(const std::filesystem::path& p) {
    struct stat st;
    if (::stat(p.c_str(), &st) != 0)
        return std::nullopt;
    return file_identity{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
}

std::string display_name(std::string_view name) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(name.size());
    auto escape_byte = [&](unsigned char c) {
        out += "\\x";
        out += hex[c >> 4];
        out += hex[c & 15];
    };
    for (std::size_t i = 0; i < name.size();) {
        char32_t cp = 0;
        const auto len = files_detail::utf8_sequence(name, i, cp);
        if (len == 0) {
            escape_byte(static_cast<unsigned char>(name[i]));
            ++i;
            continue;
        }
        const bool control = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
        const bool bidi = cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
                          (cp >= 0x2066 && cp <= 0x2069);
        if (control || bidi) {
            for (std::size_t k = 0; k < len; ++k)
                escape_byte(static_cast<unsigned char>(name[i + k]));
        } else {
            out.append(name.substr(i, len));
        }
        i += len;
    }
    return out;
}

std::optional<std::string> read_file(const std::filesystem::path& p, std::vector<diagnostic>& diags,
                                     std::uint64_t limit, file_identity* id) {
    using namespace files_detail;
    const std::string shown = display_name(p.string());
    auto fail = [&](const message_def& def, std::vector<message_arg> args = {}) {
        diags.push_back(make_diagnostic(severity::error, shown, "", {&def, std::move(args)}));
        return std::nullopt;
    };
    auto reason = [] { return message_arg{"reason", std::string(std::strerror(errno))}; };
    struct stat st;
    // Look before opening: a device is never opened, a FIFO never waited on.
    if (::stat(p.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
        return S_ISDIR(st.st_mode) ? fail(file_is_directory)
                                   : fail(file_not_regular, {kind_of(st.st_mode)});
    fd_guard fd(::open(p.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
    if (fd.fd < 0)
        return fail(file_cannot_open, {reason()});
    if (::fstat(fd.fd, &st) != 0)
        return fail(file_cannot_read);
    if (!S_ISREG(st.st_mode))
        return fail(file_not_regular, {kind_of(st.st_mode)});
    const auto too_large = [&] { return fail(file_too_large, {{"limit", describe_limit(limit)}}); };
    if (static_cast<std::uint64_t>(st.st_size) > limit)
        return too_large();
    std::string text;
    switch (read_bounded(fd.fd, limit, text)) {
    case read_status::too_large:
        return too_large();
    case read_status::failed:
        return fail(file_read_failed, {reason()});
    case read_status::ok:
        break;
    }
    if (id)
        *id = {static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
    return text;
}

std::optional<std::string> read_standard_input(std::vector<diagnostic>& diags, std::uint64_t limit) {
    using namespace files_detail;
    std::string text;
    switch (read_bounded(STDIN_FILENO, limit, text)) {
    case read_status::too_large:
        diags.push_back(make_diagnostic(severity::error, "<stdin>", "", {&file_too_large, {{"limit", describe_limit(limit)}}}));
        return std::nullopt;
    case read_status::failed:
        diags.push_back(make_diagnostic(severity::error, "<stdin>", "",
                                        {&stdin_read_failed, {{"reason", std::string(std::strerror(errno))}}}));
        return std::nullopt;
    case read_status::ok:
        break;
    }
    return text;
}

namespace detail {

int register_temporary(const char* path) noexcept {
    const int slot = files_detail::take_slot(path);
    if (slot >= 0)
        files_detail::temp_registry[slot].state.store(2);
    return slot;
}

void release_temporary(int slot) noexcept {
    if (slot >= 0 && slot < files_detail::temp_slots)
        files_detail::temp_registry[slot].state.store(0, std::memory_order_release);
}

} // namespace detail

void remove_temporaries_on_signals() {
    static std::once_flag once;
    std::call_once(once, [] {
        for (int sig : files_detail::cleanup_signals) {
            struct sigaction old {};
            if (::sigaction(sig, nullptr, &old) != 0 || old.sa_handler == SIG_IGN)
                continue; // e.g. started with nohup: keep ignoring
            struct sigaction sa {};
            sa.sa_handler = &files_detail::remove_temporaries_and_reraise;
            ::sigemptyset(&sa.sa_mask);
            sa.sa_flags = SA_RESETHAND;
            ::sigaction(sig, &sa, nullptr);
        }
    });
}

/// Flushes a file being written to disk (fdatasync) on a thread of its own whenever asked,
/// so that the writer goes on meanwhile and the final fsync has only the last part left.
/// A virtual machine's disk may take a flush in time proportional to all that was written
/// since the last one (~70 ms for a batch's 100 MB joined report here, against 1.5 ms per
/// further MB): paid while the run goes on, not at its end.
class atomic_file::background_flush {
  public:
    explicit background_flush(int fd) : fd_(fd), thread_([this] { run(); }) {}
    background_flush(const background_flush&) = delete;
    background_flush& operator=(const background_flush&) = delete;
    ~background_flush() { finish(); }

    /// Asks for a flush of what is written so far (one more after the current one, if any).
    void request() {
        {
            std::lock_guard lock(mutex_);
            wanted_ = true;
        }
        cv_.notify_one();
    }
    /// Stops the thread (a flush under way completes first); the errno of a flush that
    /// failed, else 0. A file's write errors are reported once per descriptor: the caller's
    /// fsync may not see one a flush here saw.
    int finish() {
        {
            std::lock_guard lock(mutex_);
            stop_ = true;
        }
        cv_.notify_one();
        if (thread_.joinable())
            thread_.join();
        return error_;
    }

  private:
    void run() {
        std::unique_lock lock(mutex_);
        for (;;) {
            cv_.wait(lock, [&] { return stop_ || wanted_; });
            if (stop_)
                return;
            wanted_ = false; // a request from now on asks for one more flush
            lock.unlock();
            const int failed = ::fdatasync(fd_) == 0 ? 0 : errno;
            lock.lock();
            if (failed != 0 && error_ == 0)
                error_ = failed;
        }
    }

    int fd_;
    std::mutex mutex_;
    std::condition_variable cv_;
    bool wanted_ = false, stop_ = false;
    int error_ = 0;
    std::thread thread_;
};

/// `def` about the file being written: {file}, and {reason} from errno.
message atomic_file::problem(const message_def& def) const {
    const int e = errno;
    return {&def, {{"file", shown_}, {"reason", std::string(std::strerror(e))}}};
}

message atomic_file::check_target(const output_options& opts) {
    using namespace files_detail;
    // What is at the target now: nothing, or a regular file that is not an input of the run.
    struct stat st;
    if (::lstat(path_.c_str(), &st) != 0) {
        if (errno == ENOENT) {
            replacing_ = false;
            return {};
        }
        return problem(cannot_write);
    }
    if (!S_ISREG(st.st_mode))
        return {&refuse_kind, {{"file", shown_}, kind_of(st.st_mode)}};
    const file_identity here{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
    if (std::find(opts.inputs.begin(), opts.inputs.end(), here) != opts.inputs.end())
        return {&refuse_input, {{"file", shown_}}};
    replacing_ = true;
    keep_mode_ = st.st_mode & 07777;
    return {};
}

void atomic_file::discard() {
    if (flusher_) { // before its descriptor is closed
        flusher_->finish();
        flusher_.reset();
    }
    if (fd_ >= 0)
        ::close(fd_);
    fd_ = -1;
    if (!tmp_.empty()) {
        ::unlink(tmp_.c_str());
        detail::release_temporary(slot_);
        tmp_.clear();
    }
}

message atomic_file::fail(message m) {
    discard();
    if (error_.empty())
        error_ = std::move(m);
    return error_;
}

atomic_file::atomic_file(const std::filesystem::path& p, const output_options& opts)
    : path_(p), shown_(display_name(p.string())) {
    using namespace files_detail;
    if (auto err = check_target(opts); !err.empty()) {
        error_ = std::move(err);
        return;
    }
    const auto dir = folder();
    // The kernel applies the umask to a new file's mode.
    const mode_t mode = opts.private_file ? 0600 : 0666;
#if defined(__linux__) && defined(O_TMPFILE)
    // A new file starts unnamed (O_TMPFILE) and is linked in under its name once whole:
    // one change to the folder rather than three (create, rename, remove), which lets
    // threads writing into one folder work side by side (ext4 serialises the rest), and
    // nothing is left behind whatever ends the process. A file system without unnamed
    // files gets a named temporary.
    if (!replacing_ && can_name_unnamed_files()) {
        fd_ = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
        if (fd_ >= 0) {
            unnamed_ = true;
            return;
        }
    }
#endif
    name_temporary(dir, [&](const char* tmp) { return fd_ = create_temporary(tmp, mode, slot_); });
}

template <class Make>
void atomic_file::name_temporary(const std::filesystem::path& dir, Make make) {
    using namespace files_detail;
    // A recognisable name, short enough for NAME_MAX whatever the target's length.
    const std::string stem = "." + cut_utf8(path_.filename().string(), 200) + ".rco-audit-tmp-";
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::string tmp = (dir / (stem + temporary_suffix())).string();
        const int made = make(tmp.c_str());
        const int make_errno = errno;
        if (made >= 0) {
            tmp_ = std::move(tmp);
            return;
        }
        if (make_errno != EEXIST) {
            error_ = {&no_temporary,
                      {{"dir", display_name(dir.string())}, {"reason", std::string(std::strerror(make_errno))}}};
            return;
        }
    }
    error_ = {&no_temporary_name, {{"dir", display_name(dir.string())}}};
}

atomic_file::~atomic_file() {
    if (!committed_)
        discard();
}

void atomic_file::write(std::string_view text) {
    using namespace files_detail;
    if (!error_.empty())
        return;
    std::size_t done = 0;
    while (done < text.size()) {
        auto n = ::write(fd_, text.data() + done, text.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fail(problem(cannot_write));
            return;
        }
        done += static_cast<std::size_t>(n);
    }
    written_ += text.size();
    // A large file (a batch's joined report) goes to disk while the batch runs, rather than
    // all at once in commit()'s fsync, which the run would wait for at its end.
    if (written_ - flushed_ >= writeback_chunk) {
        if (!flusher_)
            flusher_ = std::make_unique<background_flush>(fd_);
        flusher_->request();
        flushed_ = written_;
    }
}

message atomic_file::stop_flushing() {
    if (!flusher_)
        return {};
    const int failed = flusher_->finish();
    flusher_.reset();
    if (failed == 0)
        return {};
    errno = failed;
    return fail(problem(files_detail::cannot_write));
}

message atomic_file::seal() {
    if (!error_.empty())
        return fail(error_);
    if (replacing_ && ::fchmod(fd_, static_cast<mode_t>(keep_mode_)) != 0)
        return fail(problem(files_detail::cannot_chmod));
    return {};
}

message atomic_file::sync() {
    if (!error_.empty())
        return fail(error_);
    if (auto err = stop_flushing(); !err.empty())
        return err;
    if (::fsync(fd_) != 0)
        return fail(problem(files_detail::cannot_write));
    return {};
}

message atomic_file::place(const output_options& opts) {
    using namespace files_detail;
    if (!error_.empty())
        return fail(error_);
    if (auto err = stop_flushing(); !err.empty())
        return err;
#if defined(__linux__) && defined(O_TMPFILE)
    if (unnamed_) {
        // Look again just before linking it in: the target may have appeared while we wrote.
        if (auto err = check_target(opts); !err.empty())
            return fail(std::move(err));
        if (!replacing_) {
            if (name_unnamed_file(fd_, path_.c_str()) == 0) {
                unnamed_ = false;
                committed_ = true;
                ::close(fd_); // its data is on disk already (sync())
                fd_ = -1;
                return {};
            }
            if (errno != EEXIST)
                return fail(problem(cannot_write));
            if (auto err = check_target(opts); !err.empty()) // it appeared just now
                return fail(std::move(err));
        }
        // It replaces a file after all: named beside it, then renamed over it, as below.
        if (replacing_ && ::fchmod(fd_, static_cast<mode_t>(keep_mode_)) != 0)
            return fail(problem(cannot_chmod));
        name_temporary(folder(), [&](const char* tmp) {
            return make_temporary(tmp, slot_, [&] { return name_unnamed_file(fd_, tmp); });
        });
        if (!error_.empty())
            return fail(error_);
        unnamed_ = false;
    }
#endif
    const int closed = ::close(fd_);
    fd_ = -1;
    if (closed != 0)
        return fail(problem(cannot_write));
    // Look again just before replacing: the target may have changed while we wrote.
    const bool was_replacing = replacing_;
    if (auto err = check_target(opts); !err.empty())
        return fail(std::move(err));
    if (replacing_ && !was_replacing)
        ::chmod(tmp_.c_str(), static_cast<mode_t>(keep_mode_));
    if (std::rename(tmp_.c_str(), path_.c_str()) != 0)
        return fail(problem(cannot_replace));
    detail::release_temporary(slot_);
    tmp_.clear();
    committed_ = true;
    return {};
}

message atomic_file::commit(const output_options& opts) {
    if (auto err = seal(); !err.empty())
        return err;
    if (auto err = sync(); !err.empty())
        return err;
    return place(opts);
}

message write_file_atomic(const std::filesystem::path& p, std::string_view contents, const output_options& opts) {
    atomic_file f(p, opts);
    f.write(contents);
    return f.commit(opts);
}

commit_group::commit_group(commit_policy policy) : policy_(policy) {
    if (policy_.files == 0)
        policy_.files = 1;
}

commit_group::~commit_group() {
    {
        std::lock_guard lock(mutex_);
        abandon_ = true;
    }
    added_.notify_all();
    taken_.notify_all();
    if (committer_.joinable())
        committer_.join();
    // waiting_'s files are destroyed uncommitted: their temporaries are removed.
}

void commit_group::write(const std::filesystem::path& p, std::string_view contents, output_options opts,
                         std::function<void(message)> failed) {
    auto file = std::make_unique<atomic_file>(p, opts);
    file->write(contents);
    if (auto err = file->seal(); !err.empty()) {
        if (failed)
            failed(std::move(err));
        return;
    }
    std::unique_lock lock(mutex_);
    if (finished_ || abandon_) {
        lock.unlock();
        auto err = file->sync();
        if (err.empty())
            err = file->place(opts);
        if (!err.empty() && failed)
            failed(std::move(err));
        return;
    }
    taken_.wait(lock, [&] { return waiting_.size() < policy_.files || abandon_; });
    if (waiting_.empty())
        first_waiting_ = std::chrono::steady_clock::now();
    waiting_.push_back({std::move(file), std::move(opts), std::move(failed)});
    if (!committer_.joinable())
        committer_ = std::thread([this] { run(); });
    if (waiting_.size() == 1 || waiting_.size() >= policy_.files)
        added_.notify_one();
}

void commit_group::finish() {
    {
        std::lock_guard lock(mutex_);
        if (finished_)
            return;
        finishing_ = true;
    }
    added_.notify_all();
    if (committer_.joinable())
        committer_.join();
    std::lock_guard lock(mutex_);
    finished_ = true;
}

void commit_group::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        added_.wait(lock, [&] { return !waiting_.empty() || finishing_ || abandon_; });
        if (abandon_ || (waiting_.empty() && finishing_))
            return;
        added_.wait_until(lock, first_waiting_ + policy_.wait,
                          [&] { return waiting_.size() >= policy_.files || finishing_ || abandon_; });
        if (abandon_)
            return;
        auto group = std::exchange(waiting_, {});
        lock.unlock();
        taken_.notify_all();
        commit(group);
        lock.lock();
    }
}

void commit_group::commit(std::vector<pending>& group) {
    // Durable first: one syncfs per file system holding several of the group's files, one
    // fsync for a file alone on its file system or when syncfs fails (it then says which).
    std::vector<std::pair<std::uint64_t, std::size_t>> devices; // device, files on it
    std::vector<std::uint64_t> device_of(group.size());
    for (std::size_t i = 0; i < group.size(); ++i) {
        struct stat st {};
        device_of[i] =
            ::fstat(group[i].file->fd_, &st) == 0 ? static_cast<std::uint64_t>(st.st_dev) : ~std::uint64_t{0};
        auto it = std::find_if(devices.begin(), devices.end(), [&](const auto& d) { return d.first == device_of[i]; });
        if (it == devices.end())
            devices.emplace_back(device_of[i], 1);
        else
            ++it->second;
    }
    std::vector<char> synced(group.size());
#if defined(__linux__)
    for (const auto& [device, count] : devices) {
        if (count < 2 || device == ~std::uint64_t{0})
            continue;
        const auto first = std::find(device_of.begin(), device_of.end(), device) - device_of.begin();
        if (::syncfs(group[static_cast<std::size_t>(first)].file->fd_) == 0)
            for (std::size_t i = 0; i < group.size(); ++i)
                synced[i] = device_of[i] == device;
    }
#endif
    for (std::size_t i = 0; i < group.size(); ++i) {
        auto& [file, opts, failed] = group[i];
        auto err = synced[i] ? message{} : file->sync();
        if (err.empty())
            err = file->place(opts);
        if (!err.empty() && failed)
            failed(std::move(err));
    }
    group.clear(); // closes nothing left open: each file was placed or discarded
}

std::vector<std::string> output_names(const std::vector<std::string>& inputs, std::size_t longest_extension) {
    const std::size_t n = inputs.size();
    auto folded = [](std::string s) {
        for (auto& c : s)
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
        return s;
    };
    auto shared = [&](const std::vector<std::string>& names) {
        std::map<std::string, std::size_t> count;
        for (const auto& s : names)
            ++count[folded(s)];
        std::vector<bool> out(names.size());
        for (std::size_t i = 0; i < names.size(); ++i)
            out[i] = count[folded(names[i])] > 1;
        return out;
    };
    std::vector<std::string> names(n);
    for (std::size_t i = 0; i < n; ++i) {
        names[i] = inputs[i] == "-" ? std::string("stdin") : std::filesystem::path(inputs[i]).stem().string();
        if (names[i].empty())
            names[i] = "record";
    }
    auto dup = shared(names);
    for (std::size_t i = 0; i < n; ++i)
        if (dup[i] && inputs[i] != "-")
            names[i] = std::filesystem::path(inputs[i]).filename().string();
    dup = shared(names);
    for (std::size_t i = 0; i < n; ++i)
        if (dup[i])
            names[i] += "-" + sha256_hex(inputs[i]).substr(0, 8);
    // NAME + "." + extension within NAME_MAX (255 bytes).
    const std::size_t room = 255 > longest_extension + 1 + 16 ? 255 - longest_extension - 1 : 16;
    for (auto& name : names)
        if (name.size() > room)
            name = files_detail::cut_utf8(name, room - 9) + "-" + sha256_hex(name).substr(0, 8);
    // Left only by a collision of 32-bit digests: number what is still shared, by input order.
    dup = shared(names);
    for (std::size_t i = 0; i < n; ++i)
        if (dup[i])
            names[i] = files_detail::cut_utf8(names[i], room - 21) + "-" + std::to_string(i + 1);
    return names;
}

void load_document_texts(record& rec, const document_options& opts, const std::string& record_file,
                         std::vector<diagnostic>& diags) {
    using namespace files_detail;
    if (!rec.documents)
        return;
    fd_guard base;
    std::string base_real;
    bool base_opened = false;
    for (std::size_t i = 0; i < rec.documents->size(); ++i) {
        auto& d = (*rec.documents)[i];
        if (d.text || !d.path)
            continue;
        const std::string ptr = "/documents/" + std::to_string(i) + "/path";
        const std::string& rel = *d.path;
        refusal why = refusal::none;
        int fd = -1;
        if (opts.folder.empty())
            why = refusal::no_folder;
        else if (rel.empty() || rel.find('\0') != std::string::npos)
            why = refusal::bad_name;
        else if (rel.front() == '/')
            why = refusal::absolute;
        else {
            if (!base_opened) {
                base_opened = true;
                base.fd = ::open(opts.folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
                if (char* real = ::realpath(opts.folder.c_str(), nullptr)) {
                    base_real = real;
                    std::free(real);
                }
            }
            why = base.fd < 0 ? refusal::unreadable : open_beneath(base.fd, base_real, rel, fd);
        }
        fd_guard file(fd);
        std::string text;
        struct stat st {};
        if (why == refusal::none) {
            if (::fstat(file.fd, &st) != 0)
                why = refusal::unreadable;
            else if (static_cast<std::uint64_t>(st.st_size) > opts.max_bytes)
                why = refusal::too_large;
            else if (auto r = read_bounded(file.fd, opts.max_bytes, text); r != read_status::ok)
                why = r == read_status::too_large ? refusal::too_large : refusal::unreadable;
        }
        if (why == refusal::missing || why == refusal::unreadable) {
            diags.push_back(make_diagnostic(severity::warning, record_file, ptr,
                                            {why == refusal::missing ? &document_missing : &document_unreadable,
                                             {{"file", display_name(rel)}}}));
            continue;
        }
        if (why != refusal::none) {
            diags.push_back(make_diagnostic(severity::error, record_file, ptr, refusal_message(why, opts.max_bytes)));
            continue;
        }
        if (opts.opened)
            opts.opened->push_back({static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)});
        if (d.sha256) {
            auto actual = sha256_hex(text);
            std::string expected = *d.sha256;
            for (auto& c : expected)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (actual != expected) {
                diags.push_back(make_diagnostic(severity::warning, record_file,
                                                "/documents/" + std::to_string(i) + "/sha256",
                                                {&document_changed, {{"file", display_name(rel)}, {"digest", actual}}}));
            }
        }
        d.text = std::move(text);
    }
}

std::optional<catalog> load_catalog_dir(const std::filesystem::path& dir, std::vector<diagnostic>& diags) {
    catalog_texts texts;
    std::string* slots[] = {&texts.standards, &texts.profiles, &texts.language, &texts.vocabulary,
                            &texts.accreditation};
    bool ok = true;
    for (std::size_t i = 0; i < std::size(catalog_file_names); ++i) {
        auto t = read_file(dir / catalog_file_names[i], diags);
        if (!t)
            ok = false;
        else
            *slots[i] = std::move(*t);
    }
    if (!ok)
        return std::nullopt;
    // The term tables of other languages: every language-XX.json (a few; bounded).
    std::vector<std::string> names;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const auto name = it->path().filename().string();
        if (name.rfind("language-", 0) == 0 && name.size() > 14 && name.substr(name.size() - 5) == ".json")
            names.push_back(name);
        if (names.size() > 64) {
            diags.push_back(make_diagnostic(severity::error, dir.string(), "", {&files_detail::too_many_languages, {}}));
            return std::nullopt;
        }
    }
    std::sort(names.begin(), names.end());
    for (const auto& name : names) {
        auto t = read_file(dir / name, diags);
        if (!t)
            return std::nullopt;
        texts.languages.emplace_back(name, std::move(*t));
    }
    return read_catalog(texts, dir.string(), diags);
}

} // namespace rco::io

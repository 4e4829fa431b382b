// A stand-in for libFuzzer's main when the compiler has none (GCC, or Clang without
// libclang_rt.fuzzer): runs the fuzz target once on each file named on the command line,
// and on every file under each directory named (recursively, in name order), plus once
// on the empty input. Options starting with '-' (libFuzzer's) are ignored, so the same
// command line works for both builds. Exit status 0 when every input ran; a failing
// input aborts like it would under libFuzzer, after its name is printed.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

int run_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "fuzz driver: cannot read %s\n", p.string().c_str());
        return 1;
    }
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // An exact-size heap copy, so that a sanitizer sees a read past the end.
    auto copy = std::make_unique<std::uint8_t[]>(bytes.size());
    std::copy(bytes.begin(), bytes.end(), copy.get());
    std::fprintf(stderr, "Running: %s\n", p.string().c_str());
    LLVMFuzzerTestOneInput(copy.get(), bytes.size());
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::filesystem::path> files;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.starts_with("-"))
            continue;
        std::error_code ec;
        if (std::filesystem::is_directory(arg, ec)) {
            std::vector<std::filesystem::path> in_dir;
            for (const auto& e : std::filesystem::recursive_directory_iterator(arg))
                if (e.is_regular_file())
                    in_dir.push_back(e.path());
            std::sort(in_dir.begin(), in_dir.end());
            files.insert(files.end(), in_dir.begin(), in_dir.end());
        } else {
            files.emplace_back(arg);
        }
    }
    if (files.empty()) {
        std::fprintf(stderr, "usage: %s FILE-OR-DIRECTORY...\n", argv[0]);
        return 2;
    }
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(""), 0);
    int failures = 0;
    for (const auto& f : files)
        failures += run_file(f);
    std::fprintf(stderr, "fuzz driver: ran %zu inputs\n", files.size() - static_cast<std::size_t>(failures));
    return failures == 0 ? 0 : 1;
}

#pragma once

#include <QLoggingCategory>

#include <cstdio>
#include <cstdlib>

// An oracle of a fuzz target: when it does not hold, abort so libFuzzer (or the replay
// runner) records the input as a crash. Says which check failed, never the input itself
// (it may hold a token).
#define FUZZ_CHECK(cond) \
    do { \
        if (!(cond)) { \
            std::fprintf(stderr, "FUZZ_CHECK failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
            std::abort(); \
        } \
    } while (false)

namespace FuzzSupport {
// The product's own log lines (gc.*) would cost more than the code under test and flood
// the fuzzer's output; the targets check answers instead of reading logs.
inline void silenceLogs()
{
    QLoggingCategory::setFilterRules(QStringLiteral("gc.*=false"));
}
} // namespace FuzzSupport

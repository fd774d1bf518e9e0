// Fuzz target: TokenInspector::inspect on whatever a person might paste (the input as
// UTF-8). Oracles: no crash or UB; an invalid token says why and keeps nothing; a valid one
// is plain visible ASCII within the size cap (it goes into an HTTP header); a JWT has three
// parts and an expiry within what QDateTime and clocks show.
#include "FuzzCheck.h"

#include "auth/TokenInspector.h"

#include <cstdint>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzSupport::silenceLogs();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString pasted = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const TokenInspection r = TokenInspector::inspect(pasted);

    if (!r.isValid()) {
        FUZZ_CHECK(!r.problem.isEmpty());
        FUZZ_CHECK(r.token.isEmpty());
        return 0;
    }
    FUZZ_CHECK(r.problem.isEmpty());
    FUZZ_CHECK(!r.token.isEmpty() && r.token.size() <= TokenInspector::kMaxTokenLength);
    for (const QChar c : r.token)
        FUZZ_CHECK(c.unicode() > 0x20 && c.unicode() < 0x7f);
    FUZZ_CHECK(tokenKindFromName(tokenKindName(r.kind)) == r.kind);

    if (r.isJwt()) {
        FUZZ_CHECK(r.token.count(QLatin1Char('.')) == 2);
        FUZZ_CHECK(!r.hasApiKeyPrefix);
        if (r.expiresAt.isValid())
            FUZZ_CHECK(r.expiresAt.date().year() >= 1970 && r.expiresAt.date().year() <= 9999);
    } else {
        FUZZ_CHECK(r.isApiKey());
        FUZZ_CHECK(!r.expiresAt.isValid() && r.capabilitiesFromRole().isEmpty());
    }
    // A fixed "now": the answers must not depend on the clock, and must not crash near it.
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1767225600, Qt::UTC); // 2026-01-01
    (void)r.isExpired(now);
    (void)r.expiresWithin(now, 7 * 24 * 3600);
    (void)r.capabilitiesFromRole();
    return 0;
}

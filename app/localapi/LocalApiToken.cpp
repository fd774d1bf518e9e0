#include "localapi/LocalApiToken.h"

#include <QRandomGenerator>

#include <array>

namespace {
constexpr char kPrefix[] = "gcl_";
constexpr qsizetype kPrefixSize = sizeof(kPrefix) - 1;
constexpr int kRandomBytes = 32;
constexpr qsizetype kEncodedSize = 43; // base64url of 32 bytes, unpadded
} // namespace

QByteArray LocalApiToken::generate()
{
    std::array<quint32, kRandomBytes / 4> words;
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray raw(reinterpret_cast<const char *>(words.data()), kRandomBytes);
    words.fill(0);
    return QByteArray(kPrefix)
        + raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool LocalApiToken::isWellFormed(QByteArrayView token)
{
    if (token.size() != kPrefixSize + kEncodedSize || !token.startsWith(QByteArrayView(kPrefix)))
        return false;
    for (const char c : token.sliced(kPrefixSize)) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '-' || c == '_';
        if (!ok)
            return false;
    }
    return true;
}

bool LocalApiToken::equals(QByteArrayView presented, QByteArrayView expected)
{
    // Walk the whole expected secret whatever the presented value is; fold every
    // difference (and any length mismatch) into one accumulator, decide at the end.
    unsigned diff = presented.size() == expected.size() ? 0u : 1u; // lengths are not secret
    const qsizetype n = presented.size();
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const unsigned char p = n > 0 ? uchar(presented[i % n]) : 0;
        diff |= unsigned(p ^ uchar(expected[i]));
    }
    return diff == 0 && !expected.isEmpty();
}

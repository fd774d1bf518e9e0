#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

// Strict decoding of request paths and queries. Everything hostile (bad escapes, %00 and
// other control characters, invalid or overlong UTF-8, "." and ".." segments) is refused
// with a reason instead of being repaired, so handlers only ever see clean text.
namespace PathCodec {

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(QByteArrayView bytes);

// Percent-decodes one encoded segment (or query part when plusIsSpace). Returns false and
// sets *error when the text is not acceptable.
bool decodeComponent(QByteArrayView encoded, QString *out, QString *error,
                     bool plusIsSpace = false);

// Checks a whole encoded path ("/a/b%40c:x"): starts with '/', only RFC 3986 path
// characters, valid escapes, and every decoded segment acceptable and not "." or "..".
bool validatePath(QByteArrayView encodedPath, QString *error);

// Decodes "a=1&b=x%40y&c" into ordered pairs ('+' is a space). Empty parts are skipped.
bool decodeQuery(QByteArrayView encodedQuery, QList<QPair<QString, QString>> *out, QString *error);

} // namespace PathCodec

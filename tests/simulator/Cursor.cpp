#include "Cursor.h"

#include "Rng.h"
#include "Salts.h"

namespace sim::cursor {

namespace {

constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray check(quint64 seed, int session, quint32 row)
{
    const quint64 h = hashOf(seed, salt::Cursor, (quint64(quint32(session)) << 32) | row);
    return QByteArray::number(h & 0xffffffffffULL, 36);
}

} // namespace

QByteArray encode(quint64 seed, int session, quint32 lastRow)
{
    return (QByteArray::number(lastRow) + '.' + check(seed, session, lastRow)).toBase64(kB64);
}

bool decode(quint64 seed, int session, const QString &text, quint32 *lastRow)
{
    if (text.size() > 64)
        return false;
    const QByteArray raw = text.toLatin1();
    if (raw.contains('='))
        return false;
    const auto r = QByteArray::fromBase64Encoding(raw,
                                                  kB64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!r)
        return false;
    const qsizetype dot = r.decoded.indexOf('.');
    if (dot <= 0)
        return false;
    bool ok = false;
    const uint row = r.decoded.left(dot).toUInt(&ok);
    if (!ok || r.decoded.mid(dot + 1) != check(seed, session, row))
        return false;
    *lastRow = row;
    return true;
}

} // namespace sim::cursor

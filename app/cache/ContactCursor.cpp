#include "cache/ContactCursor.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace {
constexpr int kVersion = 1;
constexpr qsizetype kMaxCursorLength = 8192;
constexpr double kMaxExactInteger = 9007199254740992.0; // 2^53
} // namespace

QString ContactCursor::encode() const
{
    const QJsonValue value = sort == ContactSort::Updated ? QJsonValue(key.toLongLong())
                                                          : QJsonValue(key.toString());
    const QJsonArray array{kVersion, int(sort), int(order), value, lid};
    return QString::fromLatin1(
        QJsonDocument(array)
            .toJson(QJsonDocument::Compact)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<ContactCursor> ContactCursor::decode(const QString &text, ContactSort sort,
                                                   Qt::SortOrder order)
{
    if (text.isEmpty() || text.size() > kMaxCursorLength)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded);
    const QJsonArray a = doc.array();
    if (!doc.isArray() || a.size() != 5 || a.at(0).toInt() != kVersion
        || a.at(1).toInt(-1) != int(sort) || a.at(2).toInt(-1) != int(order) || !a.at(4).isString())
        return std::nullopt;
    ContactCursor cursor;
    cursor.sort = sort;
    cursor.order = order;
    cursor.lid = a.at(4).toString();
    if (sort == ContactSort::Updated) {
        // encode() writes epoch ms: an integer well within 2^53. Anything else is refused
        // here, before a conversion to qlonglong that would be undefined out of its range.
        const double key = a.at(3).toDouble();
        if (!a.at(3).isDouble() || std::trunc(key) != key || std::fabs(key) > kMaxExactInteger)
            return std::nullopt;
        cursor.key = qlonglong(key);
    } else {
        if (!a.at(3).isString())
            return std::nullopt;
        cursor.key = a.at(3).toString();
    }
    return cursor;
}

#include "gateway/JsonFieldReader.h"

#include <cmath>

namespace {
// Integers travel as JSON numbers (doubles); beyond 2^53 they are no longer exact.
constexpr double kMaxExactInteger = 9007199254740992.0;
} // namespace

JsonFieldReader::JsonFieldReader(const QJsonObject &object, QString path)
    : m_object(object)
    , m_path(std::move(path))
{
}

void JsonFieldReader::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
}

QJsonValue JsonFieldReader::take(const char *key, bool required)
{
    const QJsonValue v = m_object.value(QLatin1String(key));
    if (required && (v.isUndefined() || v.isNull()))
        fail(QStringLiteral("%1.%2 is missing").arg(m_path, QLatin1String(key)));
    return v;
}

QString JsonFieldReader::requiredString(const char *key)
{
    const QJsonValue v = take(key, true);
    if (v.isString())
        return v.toString();
    if (!v.isUndefined() && !v.isNull())
        fail(QStringLiteral("%1.%2 is not a string").arg(m_path, QLatin1String(key)));
    return {};
}

qint64 JsonFieldReader::requiredInt(const char *key)
{
    const OptInt v = optionalInt(key);
    if (!v)
        take(key, true);
    return v.value_or(0);
}

bool JsonFieldReader::requiredBool(const char *key)
{
    const OptBool v = optionalBool(key);
    if (!v)
        take(key, true);
    return v.value_or(false);
}

OptString JsonFieldReader::optionalString(const char *key)
{
    const QJsonValue v = take(key, false);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isString()) {
        fail(QStringLiteral("%1.%2 is not a string").arg(m_path, QLatin1String(key)));
        return std::nullopt;
    }
    return v.toString();
}

OptInt JsonFieldReader::optionalInt(const char *key)
{
    const QJsonValue v = take(key, false);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    const double d = v.toDouble();
    if (!v.isDouble() || std::trunc(d) != d || std::fabs(d) > kMaxExactInteger) {
        fail(QStringLiteral("%1.%2 is not an integer").arg(m_path, QLatin1String(key)));
        return std::nullopt;
    }
    return static_cast<qint64>(d);
}

OptBool JsonFieldReader::optionalBool(const char *key)
{
    const QJsonValue v = take(key, false);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isBool()) {
        fail(QStringLiteral("%1.%2 is not a boolean").arg(m_path, QLatin1String(key)));
        return std::nullopt;
    }
    return v.toBool();
}

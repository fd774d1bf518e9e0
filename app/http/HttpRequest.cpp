#include "http/HttpRequest.h"

#include <QJsonDocument>
#include <QJsonParseError>

QByteArray HttpRequest::header(QByteArrayView lowerName) const
{
    for (const auto &h : headers) {
        if (h.first == lowerName)
            return h.second;
    }
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView lowerName) const
{
    for (const auto &h : headers) {
        if (h.first == lowerName)
            return true;
    }
    return false;
}

QString HttpRequest::param(QStringView name) const
{
    for (const auto &p : pathParams) {
        if (p.first == name)
            return p.second;
    }
    return {};
}

bool HttpRequest::hasQueryItem(QStringView name) const
{
    for (const auto &q : queryItems) {
        if (q.first == name)
            return true;
    }
    return false;
}

QString HttpRequest::queryItem(QStringView name, const QString &fallback) const
{
    for (const auto &q : queryItems) {
        if (q.first == name)
            return q.second;
    }
    return fallback;
}

bool HttpRequest::jsonObjectBody(QJsonObject *out, QString *error) const
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = parseError.error != QJsonParseError::NoError
                ? parseError.errorString()
                : QStringLiteral("body is not a JSON object");
        return false;
    }
    if (out)
        *out = doc.object();
    return true;
}

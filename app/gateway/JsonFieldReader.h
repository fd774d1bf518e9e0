#pragma once

#include "gateway/GatewayTypes.h"

#include <QJsonObject>
#include <QString>

// Reads typed fields out of one JSON object and remembers the first problem, with its JSON
// path, so a decoder can read every field straight through and check ok() once at the end.
// Optional fields that are absent or null read as std::nullopt; a value of the wrong type
// is an error (a contract break is reported, never guessed around).
class JsonFieldReader
{
public:
    JsonFieldReader(const QJsonObject &object, QString path);

    QString requiredString(const char *key);
    qint64 requiredInt(const char *key);
    bool requiredBool(const char *key);

    OptString optionalString(const char *key);
    OptInt optionalInt(const char *key);
    OptBool optionalBool(const char *key);

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString path() const { return m_path; }
    void fail(const QString &message);

private:
    QJsonValue take(const char *key, bool required);

    const QJsonObject &m_object;
    QString m_path;
    QString m_error;
};

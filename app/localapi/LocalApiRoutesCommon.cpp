#include "localapi/LocalApiRoutesCommon.h"

#include "cache/CacheReader.h"

#include <QLoggingCategory>
#include <QMessageAuthenticationCode>

Q_DECLARE_LOGGING_CATEGORY(lcLocalApiRoutes)
Q_LOGGING_CATEGORY(lcLocalApiRoutes, "gc.localapi.routes")

namespace LocalApiRoutesCommon {

QString fieldError(const QString &location, const QString &message, const QString &value)
{
    return QStringLiteral("%1 (%2: %3)").arg(message, location, value.left(200));
}

HttpResponse validationFailed(const QStringList &errors)
{
    return LocalApiErrors::error(
        400, QLatin1String("validation_error"), QStringLiteral("validation failed"),
        QJsonObject{{QStringLiteral("errors"), QJsonArray::fromStringList(errors)}});
}

HttpResponse validationError(const QString &message)
{
    return LocalApiErrors::error(400, QLatin1String("validation_error"), message);
}

std::optional<qint64> parseInteger(const QString &text)
{
    QStringView digits(text);
    if (!digits.isEmpty() && (digits.front() == u'+' || digits.front() == u'-'))
        digits = digits.sliced(1);
    if (digits.isEmpty())
        return std::nullopt;
    for (QChar c : digits) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    bool ok = false;
    const qint64 value = text.toLongLong(&ok, 10);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

HttpResponse cacheUnavailable()
{
    return LocalApiErrors::error(503, QLatin1String("gateway_unavailable"),
                                 QStringLiteral("the local cache is not available"));
}

HttpResponse cacheFailure(const QString &error)
{
    qCWarning(lcLocalApiRoutes) << "cache read failed:" << error;
    return LocalApiErrors::error(500, QLatin1String("internal"),
                                 QStringLiteral("the local cache could not be read"));
}

namespace {
QByteArray cursorMac(const QByteArray &key, const QString &scope, const QString &cursor)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, key);
    mac.addData(scope.toUtf8());
    mac.addData("\0", 1);
    mac.addData(cursor.toUtf8());
    return mac.result().left(16).toBase64(QByteArray::Base64UrlEncoding
                                          | QByteArray::OmitTrailingEquals);
}
} // namespace

QString sealCursor(const QByteArray &key, const QString &scope, const QString &cursor)
{
    return cursor + u'.' + QString::fromLatin1(cursorMac(key, scope, cursor));
}

std::optional<QString> openCursor(const QByteArray &key, const QString &scope,
                                  const QString &sealed)
{
    const qsizetype dot = sealed.lastIndexOf(u'.');
    if (dot <= 0)
        return std::nullopt;
    const QString cursor = sealed.left(dot);
    const QByteArray expected = cursorMac(key, scope, cursor);
    const QByteArray given = sealed.mid(dot + 1).toLatin1();
    // Constant time in the content: the MAC is not to be found byte by byte.
    if (given.size() != expected.size())
        return std::nullopt;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < given.size(); ++i)
        diff |= static_cast<unsigned char>(given[i] ^ expected[i]);
    if (diff != 0)
        return std::nullopt;
    return cursor;
}

HttpResponse withSyncedAt(HttpResponse response, OptInt syncedAt)
{
    if (syncedAt && *syncedAt > 0)
        response.setHeader("X-Console-Synced-At", QByteArray::number(*syncedAt));
    return response;
}

} // namespace LocalApiRoutesCommon

LocalApiRouter::Handler LocalApiRoutesCommon::sessionRoute(std::shared_ptr<LocalApiBackend> backend,
                                                           SessionHandler handler,
                                                           RequestCheck check)
{
    return [backend = std::move(backend), handler = std::move(handler),
            check = std::move(check)](const HttpRequest &r) {
        CacheReader *reader = backend->reader();
        if (!reader)
            return cacheUnavailable();
        if (check) {
            if (std::optional<HttpResponse> refused = check(r))
                return *refused;
        }
        // Until the next commit the answer to the same target is the same bytes.
        const QByteArray target = r.query.isEmpty() ? r.path : r.path + '?' + r.query;
        const qint64 version = backend->dataVersion();
        if (std::optional<HttpResponse> stored = backend->storedAnswers().find(target, version))
            return *stored;
        LocalApiBackend::ReadSnapshot snapshot(*backend);
        QString error;
        const std::optional<LocalApiBackend::SessionInfo> s = backend->sessionInfo(
            r.param(u"session"), &error);
        if (!s)
            return error.isEmpty() ? LocalApiErrors::error(404, QLatin1String("not_found"),
                                                           QStringLiteral("session not found"))
                                   : cacheFailure(error);
        HttpResponse answer = handler(*reader, *s, r);
        if (answer.status == 200)
            backend->storedAnswers().store(target, version, answer);
        return answer;
    };
}

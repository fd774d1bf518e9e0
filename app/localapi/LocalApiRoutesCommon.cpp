#include "localapi/LocalApiRoutesCommon.h"

#include "cache/CacheReader.h"

#include <QLoggingCategory>
#include <QMessageAuthenticationCode>

Q_DECLARE_LOGGING_CATEGORY(lcLocalApiRoutes)
Q_LOGGING_CATEGORY(lcLocalApiRoutes, "gc.localapi.routes")

namespace LocalApiRoutesCommon {

namespace {

bool allDigits(QStringView s, bool allowDash)
{
    if (s.isEmpty() || s.size() > 40)
        return false;
    for (QChar c : s) {
        if (!(c >= u'0' && c <= u'9') && !(allowDash && c == u'-'))
            return false;
    }
    return s.front() != u'-' && s.back() != u'-';
}

bool userPart(const QString &text, QLatin1String server, bool allowDash)
{
    const qsizetype at = text.indexOf(u'@');
    return at > 0 && QStringView(text).mid(at + 1) == server
        && allDigits(QStringView(text).left(at), allowDash);
}

} // namespace

bool isLid(const QString &text)
{
    return userPart(text, QLatin1String("lid"), false);
}
bool isGroupJid(const QString &text)
{
    return userPart(text, QLatin1String("g.us"), true);
}
bool isContactJid(const QString &text)
{
    return isLid(text) || userPart(text, QLatin1String("s.whatsapp.net"), false);
}

QJsonObject fieldError(const QString &location, const QString &message, const QString &value)
{
    return QJsonObject{{QStringLiteral("location"), location},
                       {QStringLiteral("message"), message},
                       {QStringLiteral("value"), value.left(200)}};
}

HttpResponse validationError(const QString &message, const QJsonArray &errors)
{
    return LocalApiErrors::error(400, QLatin1String("validation_error"), message,
                                 QJsonObject{{QStringLiteral("errors"), errors}});
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
                                                           SessionHandler handler)
{
    return [backend = std::move(backend), handler = std::move(handler)](const HttpRequest &r) {
        CacheReader *reader = backend->reader();
        if (!reader)
            return cacheUnavailable();
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

#include "SimClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSignalSpy>

QString HttpResult::errorCode() const
{
    return json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
}

QJsonArray HttpResult::data() const
{
    return json.value(QLatin1String("data")).toArray();
}

QNetworkReply *SimClient::start(const QByteArray &method, const QByteArray &pathAndQuery,
                                const Credential &cred, const QByteArray &body,
                                const QList<QPair<QByteArray, QByteArray>> &extraHeaders)
{
    QNetworkRequest req(QUrl::fromEncoded(m_base.toEncoded() + pathAndQuery));
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    req.setTransferTimeout(20000);
    if (cred.kind == Credential::Bearer)
        req.setRawHeader("Authorization", "Bearer " + cred.token);
    else if (cred.kind == Credential::ApiKey)
        req.setRawHeader("x-api-key", cred.token);
    for (const auto &h : extraHeaders)
        req.setRawHeader(h.first, h.second);
    if (!body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return m_nam.sendCustomRequest(req, method, body);
}

HttpResult SimClient::finish(QNetworkReply *reply, int timeoutMs)
{
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(timeoutMs);
    }
    HttpResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    r.body = reply->readAll();
    for (const auto &h : reply->rawHeaderPairs())
        r.headers.insert(h.first.toLower(), h.second);
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &err);
    r.isJson = err.error == QJsonParseError::NoError && doc.isObject();
    r.json = doc.object();
    reply->deleteLater();
    return r;
}

#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

// A plain HTTP client for tst_simulator: real requests over QNetworkAccessManager, waiting on
// the reply's finished signal (never a fixed sleep). Redirects are not followed, so a test
// sees the 307 itself.
struct HttpResult {
    int status = 0; // 0: no HTTP answer at all (dropped connection)
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    bool isJson = false;
    QJsonObject json;
    QHash<QByteArray, QByteArray> headers; // names in lower case

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    QString errorCode() const;
    QJsonArray data() const;
};

struct Credential {
    enum Kind {
        None,
        Bearer,
        ApiKey
    } kind = None;
    QByteArray token;

    static Credential none() { return {}; }
    static Credential bearer(const QString &t) { return {Bearer, t.toUtf8()}; }
    static Credential apiKey(const QString &t) { return {ApiKey, t.toUtf8()}; }
};

class SimClient
{
public:
    explicit SimClient(const QUrl &base)
        : m_base(base)
    {
    }

    // pathAndQuery is sent as written: percent-encode path segments with enc().
    QNetworkReply *start(const QByteArray &method, const QByteArray &pathAndQuery,
                         const Credential &cred, const QByteArray &body = {},
                         const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {});
    static HttpResult finish(QNetworkReply *reply, int timeoutMs = 20000);

    HttpResult get(const QByteArray &pathAndQuery, const Credential &cred)
    {
        return finish(start("GET", pathAndQuery, cred));
    }
    HttpResult post(const QByteArray &pathAndQuery, const Credential &cred)
    {
        return finish(start("POST", pathAndQuery, cred));
    }

    static QByteArray enc(const QString &segment) { return QUrl::toPercentEncoding(segment); }

private:
    QNetworkAccessManager m_nam;
    QUrl m_base;
};

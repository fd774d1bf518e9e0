#include "HttpTestClient.h"

#include <QJsonDocument>
#include <QTest>

QByteArray HttpReply::header(const QByteArray &lowerName) const
{
    for (const auto &h : headers) {
        if (h.first == lowerName)
            return h.second;
    }
    return {};
}

bool HttpReply::hasHeader(const QByteArray &lowerName) const
{
    for (const auto &h : headers) {
        if (h.first == lowerName)
            return true;
    }
    return false;
}

QJsonObject HttpReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString HttpReply::errorCode() const
{
    return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

QByteArray httpRequest(const QByteArray &method, const QByteArray &target, quint16 port,
                       const QByteArray &token, const QList<QByteArray> &extraHeaders,
                       const QByteArray &body)
{
    QByteArray r = method + ' ' + target + " HTTP/1.1\r\n";
    r += "Host: 127.0.0.1:" + QByteArray::number(port) + "\r\n";
    if (!token.isEmpty())
        r += "Authorization: Bearer " + token + "\r\n";
    for (const QByteArray &h : extraHeaders)
        r += h + "\r\n";
    if (!body.isEmpty() || method == "POST")
        r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    r += "\r\n" + body;
    return r;
}

qsizetype parseReplies(const QByteArray &stream, QList<HttpReply> *out, int headOnlyFirst)
{
    qsizetype pos = 0;
    for (;;) {
        const qsizetype end = stream.indexOf("\r\n\r\n", pos);
        if (end < 0)
            return pos;
        const QList<QByteArray> lines = stream.mid(pos, end - pos).split('\n');
        HttpReply reply;
        const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
        reply.status = statusLine.value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                reply.headers.append({line.left(colon).toLower(), line.mid(colon + 1).trimmed()});
        }
        qsizetype length = reply.header("content-length").toLongLong();
        if (out->size() < headOnlyFirst || reply.status == 100)
            length = 0;
        if (stream.size() < end + 4 + length)
            return pos;
        reply.body = stream.mid(end + 4, length);
        pos = end + 4 + length;
        if (reply.status != 100) // interim answers are not counted
            out->append(reply);
    }
}

HttpTestClient::HttpTestClient(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QTcpSocket::readyRead, this, &HttpTestClient::onReadyRead);
}

bool HttpTestClient::connectTo(quint16 port, int timeoutMs)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; },
                           timeoutMs);
}

void HttpTestClient::send(const QByteArray &bytes)
{
    m_socket.write(bytes);
    m_socket.flush();
}

void HttpTestClient::onReadyRead()
{
    received += m_socket.readAll();
    QList<HttpReply> more;
    const qsizetype used = parseReplies(received.mid(m_parsed), &more,
                                        qMax(0, headOnly - int(replies.size())));
    m_parsed += used;
    replies += more;
}

bool HttpTestClient::waitForReplies(int n, int timeoutMs)
{
    return QTest::qWaitFor([this, n] { return replies.size() >= n; }, timeoutMs);
}

bool HttpTestClient::waitForDisconnected(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; },
                           timeoutMs);
}

HttpReply roundTrip(quint16 port, const QByteArray &request, int timeoutMs)
{
    HttpTestClient client;
    if (!client.connectTo(port, timeoutMs))
        return {};
    client.send(request);
    if (!client.waitForReplies(1, timeoutMs))
        return {};
    return client.replies.first();
}

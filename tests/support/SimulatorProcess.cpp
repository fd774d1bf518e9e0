#include "SimulatorProcess.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>

SimulatorProcess::~SimulatorProcess()
{
    stop();
}

bool SimulatorProcess::start(const QStringList &arguments, int timeoutMs)
{
    QStringList args = arguments;
    if (!args.contains(QStringLiteral("--port")))
        args << QStringLiteral("--port") << QStringLiteral("0");
    m_process.setProgram(QStringLiteral(GATEWAY_SIM_PATH));
    m_process.setArguments(args);
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.setReadChannel(QProcess::StandardOutput);
    m_process.start();
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("gateway-sim did not start: ") + m_process.errorString();
        return false;
    }
    QDeadlineTimer deadline(timeoutMs);
    bool ready = false;
    while (!ready && !deadline.hasExpired()) {
        if (!m_process.canReadLine()
            && !m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            break;
        while (m_process.canReadLine()) {
            const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
            if (line == QLatin1String("ready")) {
                ready = true;
                break;
            }
            if (!parseLine(line)) {
                m_error = QStringLiteral("unexpected line from gateway-sim: ") + line;
                stop();
                return false;
            }
        }
    }
    if (!ready || !m_url.isValid()) {
        m_error = QStringLiteral("gateway-sim did not become ready: ")
            + QString::fromUtf8(m_process.readAllStandardError().right(2000));
        stop();
        return false;
    }
    return true;
}

void SimulatorProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool SimulatorProcess::parseLine(const QString &line)
{
    const QStringList f = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (f.isEmpty())
        return true;
    auto keyValue = [&f](const QString &key) {
        for (const QString &part : f)
            if (part.startsWith(key + QLatin1Char('=')))
                return part.mid(key.size() + 1);
        return QString();
    };
    const QString kind = f.first();
    if (kind == QLatin1String("listening") && f.size() >= 3) {
        m_url = QUrl(f.at(2));
        return m_url.isValid();
    }
    if (kind == QLatin1String("org") && f.size() >= 3) {
        if (f.at(2) == QLatin1String("primary"))
            m_primaryOrg = f.at(1);
        return true;
    }
    if (kind == QLatin1String("session") && f.size() >= 3) {
        Session s;
        s.id = f.at(1);
        s.status = f.at(2);
        s.orgId = keyValue(QStringLiteral("org"));
        s.contacts = keyValue(QStringLiteral("contacts")).toInt();
        s.groups = keyValue(QStringLiteral("groups")).toInt();
        s.members = keyValue(QStringLiteral("members")).toInt();
        m_sessions << s;
        return true;
    }
    if (kind == QLatin1String("api-key") && f.size() >= 3) {
        m_apiKeys.insert(f.at(1), f.at(2));
        return true;
    }
    if (kind == QLatin1String("jwt") && f.size() >= 3) {
        m_jwts.insert(f.at(1), f.at(2));
        return true;
    }
    return true; // tolerate informational lines
}

QList<SimulatorProcess::Session> SimulatorProcess::primarySessions() const
{
    QList<Session> out;
    for (const Session &s : m_sessions)
        if (s.orgId == m_primaryOrg)
            out << s;
    return out;
}

SimulatorProcess::Session SimulatorProcess::workingSession() const
{
    for (const Session &s : primarySessions())
        if (s.status == QLatin1String("working"))
            return s;
    return {};
}

SimulatorProcess::Session SimulatorProcess::disconnectedSession() const
{
    for (const Session &s : primarySessions())
        if (s.status != QLatin1String("working"))
            return s;
    return {};
}

SimulatorProcess::Session SimulatorProcess::foreignSession() const
{
    for (const Session &s : m_sessions)
        if (s.orgId != m_primaryOrg)
            return s;
    return {};
}

QJsonObject SimulatorProcess::control(const QByteArray &method, const QString &path,
                                      const QJsonObject &body, int *status) const
{
    QNetworkAccessManager nam;
    QUrl u = m_url;
    u.setPath(path);
    QNetworkRequest req(u);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setTransferTimeout(15000);
    const QByteArray payload = body.isEmpty() ? QByteArray()
                                              : QJsonDocument(body).toJson(QJsonDocument::Compact);
    QNetworkReply *reply = nam.sendCustomRequest(req, method, payload);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return answer;
}

bool SimulatorProcess::setFaults(const QJsonObject &faults) const
{
    int status = 0;
    control("PUT", QStringLiteral("/_sim/faults"), faults, &status);
    return status / 100 == 2;
}

bool SimulatorProcess::clearFaults() const
{
    int status = 0;
    control("DELETE", QStringLiteral("/_sim/faults"), {}, &status);
    return status / 100 == 2;
}

bool SimulatorProcess::setSessionStatus(const QString &sessionId, const QString &status) const
{
    int code = 0;
    control("PUT", QStringLiteral("/_sim/sessions/%1/status").arg(sessionId),
            QJsonObject{{QStringLiteral("status"), status}}, &code);
    return code / 100 == 2;
}

QString SimulatorProcess::postEvent(const QString &sessionId, const QString &event,
                                    const QJsonObject &payload, int *status) const
{
    int code = 0;
    const QJsonObject answer = control("POST", QStringLiteral("/_sim/events"),
                                       QJsonObject{{QStringLiteral("session"), sessionId},
                                                   {QStringLiteral("event"), event},
                                                   {QStringLiteral("payload"), payload}},
                                       &code);
    if (status)
        *status = code;
    return code == 200 ? answer.value(QLatin1String("id")).toString() : QString();
}

bool SimulatorProcess::dropRealtime(bool abort) const
{
    int code = 0;
    control("POST", QStringLiteral("/_sim/realtime/drop"),
            abort ? QJsonObject{{QStringLiteral("abort"), true}} : QJsonObject{}, &code);
    return code == 200;
}

bool SimulatorProcess::setEventRate(double perSecond) const
{
    int code = 0;
    control("PUT", QStringLiteral("/_sim/realtime/stream"),
            QJsonObject{{QStringLiteral("eventsPerSecond"), perSecond}}, &code);
    return code == 200;
}

#include "cache/AuditLog.h"

#include "cache/CacheDatabase.h"
#include "cache/SearchText.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace {

const QString kColumns = QStringLiteral(
    "id, at, profile, session_id, contact, action, result, request_id, origin, detail");

AuditEntry readEntry(const QSqlQuery &q)
{
    AuditEntry e;
    e.id = q.value(0).toLongLong();
    e.at = q.value(1).toLongLong();
    e.profile = q.value(2).toString();
    e.sessionId = q.value(3).toString();
    e.contact = q.value(4).toString();
    e.action = q.value(5).toString();
    e.result = q.value(6).toString();
    e.requestId = q.value(7).toString();
    e.origin = q.value(8).toString() == QLatin1String("local-api") ? AuditOrigin::LocalApi
                                                                   : AuditOrigin::Console;
    e.detail = q.value(9).toString();
    return e;
}

QVariant optional(const QString &value)
{
    return value.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                           : QVariant(SearchText::clean(value));
}

QByteArray csvCell(const QString &value)
{
    QString v = value;
    // A cell starting like a formula is text, not something a spreadsheet runs.
    if (!v.isEmpty() && QStringLiteral("=+-@\t\r").contains(v.front()))
        v.prepend(QLatin1Char('\''));
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"'))
        || v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r'))
        || v.startsWith(QLatin1Char('\''))) {
        v.replace(QLatin1Char('"'), QLatin1String("\"\""));
        v = QLatin1Char('"') + v + QLatin1Char('"');
    }
    return v.toUtf8();
}

} // namespace

AuditLog::AuditLog(CacheDatabase &db)
    : m_db(db)
{
}

QString AuditLog::originName(AuditOrigin origin)
{
    return origin == AuditOrigin::LocalApi ? QStringLiteral("local-api")
                                           : QStringLiteral("console");
}

bool AuditLog::fail(const QString &error)
{
    m_error = error;
    return false;
}

std::optional<qint64> AuditLog::append(const AuditEntry &entry)
{
    if (entry.action.isEmpty() || entry.result.isEmpty()) {
        fail(QStringLiteral("An audit entry needs an action and a result."));
        return std::nullopt;
    }
    QSqlQuery *q = m_db.statement(
        QStringLiteral(
            "INSERT INTO audit_log (at, profile, session_id, contact, action, result, request_id,"
            " origin, detail) VALUES (:at, :profile, :session, :contact, :action, :result, :rid,"
            " :origin, :detail)"),
        &m_error);
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    const qint64 at = entry.at > 0 ? entry.at
                                   : (m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch());
    q->bindValue(QStringLiteral(":at"), at);
    q->bindValue(QStringLiteral(":profile"), SearchText::clean(entry.profile));
    q->bindValue(QStringLiteral(":session"), optional(entry.sessionId));
    q->bindValue(QStringLiteral(":contact"), optional(entry.contact));
    q->bindValue(QStringLiteral(":action"), SearchText::clean(entry.action));
    q->bindValue(QStringLiteral(":result"), SearchText::clean(entry.result));
    q->bindValue(QStringLiteral(":rid"), optional(entry.requestId));
    q->bindValue(QStringLiteral(":origin"), originName(entry.origin));
    q->bindValue(QStringLiteral(":detail"), optional(entry.detail));
    if (!q->exec()) {
        fail(q->lastError().text());
        return std::nullopt;
    }
    return q->lastInsertId().toLongLong();
}

std::optional<QList<AuditEntry>> AuditLog::list(const Query &query)
{
    const bool bySession = !query.sessionId.isEmpty();
    QSqlQuery *q = m_db.statement(
        QStringLiteral("SELECT %1 FROM audit_log WHERE id < :before%2 ORDER BY id DESC LIMIT :n")
            .arg(kColumns, bySession ? QStringLiteral(" AND session_id = :session") : QString()),
        &m_error);
    if (!q)
        return std::nullopt;
    StatementReset reset(q);
    q->bindValue(QStringLiteral(":before"),
                 query.beforeId > 0 ? query.beforeId : std::numeric_limits<qint64>::max());
    q->bindValue(QStringLiteral(":n"), qBound(1, query.limit, 1000));
    if (bySession)
        q->bindValue(QStringLiteral(":session"), query.sessionId);
    if (!q->exec()) {
        fail(q->lastError().text());
        return std::nullopt;
    }
    QList<AuditEntry> out;
    while (q->next())
        out << readEntry(*q);
    return out;
}

bool AuditLog::exportTo(QIODevice *out, Format format, const QString &sessionId)
{
    if (!out || !out->isWritable())
        return fail(QStringLiteral("The export target is not writable."));
    const bool bySession = !sessionId.isEmpty();
    QSqlQuery *q = m_db.statement(
        QStringLiteral("SELECT %1 FROM audit_log%2 ORDER BY id")
            .arg(kColumns, bySession ? QStringLiteral(" WHERE session_id = :session") : QString()),
        &m_error);
    if (!q)
        return false;
    StatementReset reset(q);
    if (bySession)
        q->bindValue(QStringLiteral(":session"), sessionId);
    if (!q->exec())
        return fail(q->lastError().text());
    if (format == Format::Csv
        && out->write("id,at,profile,session,contact,action,result,request_id,origin,detail\r\n")
            < 0)
        return fail(out->errorString());
    while (q->next()) {
        const AuditEntry e = readEntry(*q);
        QByteArray line;
        if (format == Format::Csv) {
            const QList<QByteArray> cells{
                QByteArray::number(e.id),
                csvCell(QDateTime::fromMSecsSinceEpoch(e.at, Qt::UTC).toString(Qt::ISODateWithMs)),
                csvCell(e.profile),
                csvCell(e.sessionId),
                csvCell(e.contact),
                csvCell(e.action),
                csvCell(e.result),
                csvCell(e.requestId),
                csvCell(originName(e.origin)),
                csvCell(e.detail)};
            line = cells.toList().join(',') + "\r\n";
        } else {
            const QJsonObject o{{QStringLiteral("id"), e.id},
                                {QStringLiteral("at"), e.at},
                                {QStringLiteral("profile"), e.profile},
                                {QStringLiteral("session"), e.sessionId},
                                {QStringLiteral("contact"), e.contact},
                                {QStringLiteral("action"), e.action},
                                {QStringLiteral("result"), e.result},
                                {QStringLiteral("requestId"), e.requestId},
                                {QStringLiteral("origin"), originName(e.origin)},
                                {QStringLiteral("detail"), e.detail}};
            line = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
        }
        if (out->write(line) != line.size())
            return fail(out->errorString());
    }
    return true;
}

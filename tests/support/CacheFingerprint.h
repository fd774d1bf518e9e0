#pragma once

// A cache file's integrity and a fingerprint of its synced content, read over a connection of
// its own: what crash and fault tests compare before and after the damage they do.
#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QString>
#include <QUuid>

// What a complete sync stored: row counts and a digest of every row's content (not the
// bookkeeping columns a later sync rewrites), plus PRAGMA integrity_check.
struct CacheFingerprint {
    QString integrity;
    qint64 contacts = -1, groups = -1, members = -1;
    QByteArray digest;
    QString error;
    bool sameData(const CacheFingerprint &o) const
    {
        return contacts == o.contacts && groups == o.groups && members == o.members
            && digest == o.digest;
    }
    QString describe() const
    {
        return QStringLiteral("integrity %1, %2 contacts, %3 groups, %4 members, digest %5%6")
            .arg(integrity)
            .arg(contacts)
            .arg(groups)
            .arg(members)
            .arg(QString::fromLatin1(digest.left(12)),
                 error.isEmpty() ? QString() : QStringLiteral(" (") + error + QLatin1Char(')'));
    }
};

inline CacheFingerprint readCacheFingerprint(const QString &path)
{
    CacheFingerprint s;
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!QFile::exists(path)) {
            s.error = QStringLiteral("no cache file");
        } else if (!db.open()) {
            s.error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            q.exec(QStringLiteral("PRAGMA busy_timeout = 5000"));
            if (q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next())
                s.integrity = q.value(0).toString();
            else
                s.error = q.lastError().text();
            QCryptographicHash hash(QCryptographicHash::Sha256);
            auto scan = [&](const QString &sql, qint64 *count) {
                QSqlQuery r(db);
                if (!r.exec(sql)) {
                    s.error = r.lastError().text();
                    return;
                }
                *count = 0;
                while (r.next()) {
                    ++*count;
                    for (int i = 0; i < r.record().count(); ++i)
                        hash.addData(r.value(i).toString().toUtf8() + '\x1f');
                    hash.addData("\x1e");
                }
            };
            const QString session = QStringLiteral(
                "(SELECT id FROM sessions s WHERE s.sid = t.sid)");
            scan(QStringLiteral("SELECT %1 AS session, lid, is_dm, name, phone, business_name FROM "
                                "contacts t ORDER BY session, lid")
                     .arg(session),
                 &s.contacts);
            scan(QStringLiteral("SELECT %1 AS session, jid, subject, participant_count FROM groups "
                                "t ORDER BY session, jid")
                     .arg(session),
                 &s.groups);
            scan(QStringLiteral("SELECT %1 AS session, group_jid, lid, role, tag FROM memberships "
                                "t ORDER BY session, group_jid, lid")
                     .arg(session),
                 &s.members);
            s.digest = hash.result().toHex();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return s;
}

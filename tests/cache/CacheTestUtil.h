#pragma once

// Small builders shared by the cache tests.

#include "cache/CacheDatabase.h"
#include "cache/CacheReader.h"
#include "cache/CacheWriter.h"
#include "cache/SearchIndexer.h"

#include <QSqlQuery>
#include <QString>
#include <QTest>
#include <QVariant>

#include <memory>

namespace CacheTest {

inline Contact contact(const QString &lid, const OptString &name = std::nullopt,
                       const OptString &phone = std::nullopt,
                       const OptString &business = std::nullopt,
                       const QString &source = QStringLiteral("group"))
{
    Contact c;
    c.lid = lid;
    c.name = name;
    c.phoneNumber = phone;
    c.businessName = business;
    c.source = source;
    return c;
}

inline GroupMember member(const QString &lid, const OptString &tag = std::nullopt,
                          const QString &role = QStringLiteral("member"))
{
    GroupMember m;
    m.lid = lid;
    m.role = role;
    m.tag = tag;
    m.firstSeenAt = 1000;
    m.lastSeenAt = 2000;
    return m;
}

inline Group group(const QString &jid, const OptString &subject)
{
    Group g;
    g.groupJid = jid;
    g.subject = subject;
    g.firstSeenAt = 500;
    g.updatedAt = 600;
    return g;
}

inline std::unique_ptr<CacheDatabase> openWriter(const QString &path)
{
    QString error;
    auto db = CacheDatabase::open(path, CacheDatabase::Mode::ReadWrite, &error);
    if (!db)
        qWarning("open failed: %s", qPrintable(error));
    return db;
}

inline qint64 scalar(CacheDatabase &db, const QString &sql)
{
    QSqlQuery q(db.database());
    if (!q.exec(sql) || !q.next()) {
        qWarning("query failed: %s", qPrintable(sql));
        return -1;
    }
    return q.value(0).toLongLong();
}

// Stores a whole contacts pass in pages of `pageSize` and finishes it.
inline bool syncContacts(CacheWriter &writer, const QString &session, const QList<Contact> &all,
                         int pageSize = 100)
{
    const auto pass = writer.beginPass(session, SyncKind::Contacts, false);
    if (!pass)
        return false;
    for (int i = 0; i < all.size(); i += pageSize) {
        if (!writer.storeContacts(*pass, all.mid(i, pageSize), QString::number(i + pageSize)))
            return false;
    }
    return writer.finishPass(*pass);
}

inline QStringList lids(const QList<CachedContact> &rows)
{
    QStringList out;
    for (const CachedContact &c : rows)
        out << c.contact.lid;
    return out;
}

} // namespace CacheTest

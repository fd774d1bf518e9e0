#include "cache/CacheSchema.h"

#include "cache/CacheDatabase.h"
#include "cache/SearchText.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <functional>

namespace CacheSchema {

QString contactFtsValues(const QString &row)
{
    // Every column ends in two U+001F (never part of a folded query) so each character
    // starts a trigram: that is what lets 1-2 character queries use the term list.
    return QStringLiteral("CASE WHEN %1.name_key = char(1114111) THEN NULL"
                          " ELSE %1.name_key || char(31, 31) END,"
                          " %1.phone || char(31, 31), %1.bn_key || char(31, 31)")
        .arg(row);
}

QString tagFtsText()
{
    return QStringLiteral("group_concat(m.tag_key, char(31)) || char(31, 31)");
}

namespace {

using Step = std::function<bool(CacheDatabase &, QString *)>;

// Queues the contact a membership row belongs to (when the cache has it) for its tags.
QString queueTagsOf(const QString &row)
{
    return QStringLiteral("INSERT INTO tag_fts_queue (id) SELECT c.id FROM contacts c"
                          " WHERE c.sid = %1.sid AND c.lid = %1.lid"
                          " AND NOT EXISTS (SELECT 1 FROM tag_fts_queue q WHERE q.id = c.id);")
        .arg(row);
}

bool execAll(CacheDatabase &db, const QStringList &statements, QString *error)
{
    for (const QString &sql : statements) {
        if (!db.exec(sql, error))
            return false;
    }
    return true;
}

// Runs one of the DDL scripts in schema/ (resources under :/cache/schema): each statement
// ends with ';' at the end of a line, and lines starting with "--" are comments. Kept out of
// the statements, the comments never reach sqlite_master.
bool runScript(CacheDatabase &db, const QString &name, QString *error)
{
    QFile file(QStringLiteral(":/cache/schema/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("The schema script %1 is missing.").arg(name);
        return false;
    }
    QStringList lines;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        if (!line.trimmed().startsWith(QLatin1String("--")))
            lines << line;
    }
    QStringList statements;
    static const QRegularExpression end(QStringLiteral(";\\s*(\\n|$)"));
    for (const QString &statement : lines.join(QLatin1Char('\n')).split(end)) {
        if (!statement.trimmed().isEmpty())
            statements << statement.trimmed();
    }
    return execAll(db, statements, error);
}

// Folds a text column into its key column for every row (C++: SQLite cannot case-fold
// Unicode).
bool backfillFolded(CacheDatabase &db, const QString &table, const QString &source,
                    const QString &target, QString *error)
{
    QSqlQuery read(db.database());
    read.setForwardOnly(true);
    if (!read.exec(
            QStringLiteral("SELECT id, %1 FROM %2 WHERE %1 IS NOT NULL").arg(source, table))) {
        *error = read.lastError().text();
        return false;
    }
    QSqlQuery write(db.database());
    if (!write.prepare(QStringLiteral("UPDATE %1 SET %2 = :v WHERE id = :id").arg(table, target))) {
        *error = write.lastError().text();
        return false;
    }
    while (read.next()) {
        const QString folded = SearchText::fold(read.value(1).toString());
        write.bindValue(QStringLiteral(":v"), folded.isEmpty() ? QVariant() : QVariant(folded));
        write.bindValue(QStringLiteral(":id"), read.value(0));
        if (!write.exec()) {
            *error = write.lastError().text();
            return false;
        }
    }
    return true;
}

// The triggers that queue changed and deleted rows for SearchIndexer (version 2). Built here,
// not in a script: they must write exactly the values SearchIndexer indexes
// (contactFtsValues). An id already queued keeps its entry: it says what the index really
// holds. (Not INSERT OR IGNORE: an upsert firing the trigger overrides its conflict policy.)
QStringList queueTriggers()
{
    const QString oldValues = contactFtsValues(QStringLiteral("old"));
    return {
        QStringLiteral("CREATE TRIGGER contacts_queue_insert AFTER INSERT ON contacts BEGIN"
                       " INSERT INTO contact_fts_queue (id, indexed) SELECT new.id, 0"
                       " WHERE NOT EXISTS (SELECT 1 FROM contact_fts_queue WHERE id = new.id);"
                       " INSERT INTO tag_fts_queue (id) SELECT new.id"
                       " WHERE NOT EXISTS (SELECT 1 FROM tag_fts_queue WHERE id = new.id)"
                       " AND EXISTS (SELECT 1 FROM memberships m WHERE m.sid = new.sid"
                       " AND m.lid = new.lid AND m.tag_key IS NOT NULL); END"),
        QStringLiteral(
            "CREATE TRIGGER contacts_queue_update AFTER UPDATE OF name_key, phone, bn_key"
            " ON contacts WHEN (old.name_key IS NOT new.name_key OR old.phone IS NOT new.phone"
            " OR old.bn_key IS NOT new.bn_key)"
            " AND NOT EXISTS (SELECT 1 FROM contact_fts_queue WHERE id = old.id) BEGIN"
            " INSERT INTO contact_fts_queue (id, indexed, n, p, b)"
            " VALUES (old.id, 1, %1); END")
            .arg(oldValues),
        QStringLiteral("CREATE TRIGGER contacts_queue_delete AFTER DELETE ON contacts BEGIN"
                       " INSERT INTO contact_fts_queue (id, indexed, n, p, b) SELECT old.id, 1, %1"
                       " WHERE NOT EXISTS (SELECT 1 FROM contact_fts_queue WHERE id = old.id);"
                       " INSERT INTO tag_fts_queue (id) SELECT old.id"
                       " WHERE NOT EXISTS (SELECT 1 FROM tag_fts_queue WHERE id = old.id); END")
            .arg(oldValues),
        QStringLiteral("CREATE TRIGGER memberships_queue_insert AFTER INSERT ON memberships"
                       " WHEN new.tag_key IS NOT NULL BEGIN %1 END")
            .arg(queueTagsOf(QStringLiteral("new"))),
        QStringLiteral(
            "CREATE TRIGGER memberships_queue_update AFTER UPDATE OF tag_key ON memberships"
            " WHEN old.tag_key IS NOT new.tag_key BEGIN %1 END")
            .arg(queueTagsOf(QStringLiteral("new"))),
        QStringLiteral("CREATE TRIGGER memberships_queue_delete AFTER DELETE ON memberships"
                       " WHEN old.tag_key IS NOT NULL BEGIN %1 END")
            .arg(queueTagsOf(QStringLiteral("old"))),
    };
}

// Version 1: the mirror of the gateway's stored data and the sync bookkeeping.
bool toVersion1(CacheDatabase &db, QString *error)
{
    return runScript(db, QStringLiteral("v1.sql"), error);
}

// Version 2: search. Trigram FTS5 over the folded name, phone and business name (one row per
// contact) and over the contact's tags. The FTS tables are filled by SearchIndexer from
// queues: a sync page then costs one small queue insert per new row, and the index is
// built in large batches, which FTS5 does at a lower cost per row.
bool toVersion2(CacheDatabase &db, QString *error)
{
    // Backfill before the triggers exist: they would queue these rows as already indexed.
    return runScript(db, QStringLiteral("v2_columns.sql"), error)
        && backfillFolded(db, QStringLiteral("contacts"), QStringLiteral("business_name"),
                          QStringLiteral("bn_key"), error)
        && backfillFolded(db, QStringLiteral("memberships"), QStringLiteral("tag"),
                          QStringLiteral("tag_key"), error)
        && runScript(db, QStringLiteral("v2_search.sql"), error)
        && execAll(db, queueTriggers(), error);
}

// Version 3: who did what, from the console or through the local API.
bool toVersion3(CacheDatabase &db, QString *error)
{
    return runScript(db, QStringLiteral("v3.sql"), error);
}

// Version 4: new rows are queued for search by CacheWriter (SearchQueue), one statement per
// page, instead of by a trigger per row.
bool toVersion4(CacheDatabase &db, QString *error)
{
    return runScript(db, QStringLiteral("v4.sql"), error);
}

// Version 5: a session's tags can wait for the end of its first members pass (tags_pending).
bool toVersion5(CacheDatabase &db, QString *error)
{
    return runScript(db, QStringLiteral("v5.sql"), error);
}

// Version 6: the meta table (CacheMeta), e.g. the realtime feed's resume point.
bool toVersion6(CacheDatabase &db, QString *error)
{
    return runScript(db, QStringLiteral("v6.sql"), error);
}

const Step Steps[] = {toVersion1, toVersion2, toVersion3,
                      toVersion4, toVersion5, toVersion6}; // Steps[n] goes from n to n + 1
static_assert(sizeof(Steps) / sizeof(Steps[0]) == kLatestVersion);

} // namespace

int version(CacheDatabase &db)
{
    QSqlQuery q(db.database());
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

bool migrate(CacheDatabase &db, QString *error)
{
    QString localError;
    QString &err = error ? *error : localError;
    for (;;) {
        WriteTransaction txn(db); // re-read inside the lock: another writer may have migrated
        if (!txn.isActive()) {
            err = txn.errorString();
            return false;
        }
        const int current = version(db);
        if (current < 0) {
            err = QStringLiteral("Cannot read the schema version of %1.").arg(db.path());
            return false;
        }
        if (current > kLatestVersion) {
            err = QStringLiteral("The cache %1 has schema version %2, newer than this program"
                                 " (%3); it was left untouched.")
                      .arg(db.path())
                      .arg(current)
                      .arg(kLatestVersion);
            return false;
        }
        if (current == kLatestVersion)
            return true; // the transaction rolls back: nothing was written
        if (!Steps[current](db, &err)
            || !db.exec(QStringLiteral("PRAGMA user_version = %1").arg(current + 1), &err)) {
            err = QStringLiteral("Migrating the cache to version %1 failed: %2")
                      .arg(current + 1)
                      .arg(err);
            return false;
        }
        if (!txn.commit()) {
            err = txn.errorString();
            return false;
        }
    }
}

} // namespace CacheSchema

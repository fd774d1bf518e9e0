#include "CacheTestUtil.h"

#include "cache/AuditLog.h"
#include "cache/CacheSchema.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QTemporaryDir>

// Every migration step runs on a database really created at its starting version from the
// frozen SQL of that version (fixtures/schema_vN.sql), filled the way that version stored
// data, and must keep every row.
class TestCacheSchema : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void freshDatabaseIsLatest();
    void migratesFromEveryVersion_data();
    void migratesFromEveryVersion();
    void newerVersionIsRefusedAndUntouched();
    void failedStepLeavesTheOldVersion();

private:
    QString path(const QString &name = QStringLiteral("cache.sqlite")) const
    {
        return m_dir->filePath(name);
    }
    bool createFromFixture(const QString &file, int version);
    void fillVersion(int version, const QString &file);
    QStringList schemaOf(const QString &file);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCacheSchema::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

// Runs a fixture: statements end with ';' at the end of a line.
bool TestCacheSchema::createFromFixture(const QString &file, int version)
{
    QFile fixture(QStringLiteral(CACHE_FIXTURES "/schema_v%1.sql").arg(version));
    if (!fixture.open(QIODevice::ReadOnly))
        return false;
    const QString script = QString::fromUtf8(fixture.readAll());
    bool ok = true;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fixture"));
        db.setDatabaseName(file);
        ok = db.open();
        for (const QString &statement :
             script.split(QRegularExpression(QStringLiteral(";\\s*\\n")))) {
            const QString sql = statement.trimmed();
            if (!ok || sql.isEmpty()
                || (sql.startsWith(QLatin1String("--")) && !sql.contains(QLatin1Char('\n'))))
                continue;
            QSqlQuery q(db);
            if (!q.exec(sql)) {
                qWarning("%s: %s", qPrintable(sql.left(80)), qPrintable(q.lastError().text()));
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fixture"));
    return ok;
}

// Rows as the given version's program wrote them (plain SQL: that program is gone).
void TestCacheSchema::fillVersion(int version, const QString &file)
{
    auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fill"));
    db.setDatabaseName(file);
    QVERIFY(db.open());
    const qint64 base = qint64(1) << 40;
    QStringList sql{
        QStringLiteral("INSERT INTO sessions (sid, id, status, listed, synced_at) VALUES (1, 's1', "
                       "'working', 1, 10)"),
        QStringLiteral("INSERT INTO contacts (id, sid, lid, is_dm, name, phone, business_name, "
                       "name_key, gen, synced_at)"
                       " VALUES (%1, 1, '111@lid', 1, 'Budi Santoso', '6281234567890', NULL, 'budi "
                       "santoso', 1, 10),"
                       " (%2, 1, '222@lid', 0, NULL, NULL, 'Warung Jaya', 'warung jaya', 1, 10)")
            .arg(base + 1)
            .arg(base + 2),
        QStringLiteral("INSERT INTO groups (sid, jid, subject, subject_key, gen, synced_at)"
                       " VALUES (1, 'g1@g.us', 'Family', 'family', 1, 10)"),
        QStringLiteral(
            "INSERT INTO memberships (id, sid, group_jid, lid, role, tag, gen, synced_at)"
            " VALUES (%1, 1, 'g1@g.us', '222@lid', 'admin', '~Alice', 1, 10)")
            .arg(base + 1),
        QStringLiteral("INSERT INTO sync_state (sid, kind, generation, complete_generation, "
                       "status, completed_at)"
                       " VALUES (1, 'contacts', 1, 1, 'complete', 10)"),
    };
    if (version >= 4) {
        // From version 4 on, the program queued new rows itself (earlier, triggers did).
        sql << QStringLiteral(
            "INSERT INTO contact_fts_queue (id, indexed) SELECT id, 0 FROM contacts")
            << QStringLiteral("INSERT INTO tag_fts_queue (id) SELECT c.id FROM memberships m"
                              " JOIN contacts c ON c.sid = m.sid AND c.lid = m.lid");
    }
    if (version >= 2) {
        sql << QStringLiteral("UPDATE contacts SET bn_key = 'warung jaya' WHERE lid = '222@lid'")
            << QStringLiteral("UPDATE memberships SET tag_key = '~alice'");
    }
    for (const QString &s : sql) {
        QSqlQuery q(db);
        QVERIFY2(q.exec(s), qPrintable(q.lastError().text()));
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("fill"));
}

QStringList TestCacheSchema::schemaOf(const QString &file)
{
    auto db = CacheTest::openWriter(file);
    QStringList out;
    QSqlQuery q(db->database());
    q.exec(
        QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"));
    while (q.next()) {
        // ALTER TABLE rewrites a table's SQL text; compare the words, not the layout.
        QString sql = q.value(3).toString().simplified();
        sql.replace(QStringLiteral("( "), QStringLiteral("("))
            .replace(QStringLiteral(" )"), QStringLiteral(")"));
        out << QStringLiteral("%1|%2|%3|%4")
                   .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), sql);
    }
    return out;
}

void TestCacheSchema::freshDatabaseIsLatest()
{
    auto db = CacheTest::openWriter(path());
    QVERIFY(db);
    QCOMPARE(CacheSchema::version(*db), CacheSchema::kLatestVersion);
    for (const char *table : {"sessions", "contacts", "groups", "memberships", "sync_state",
                              "contact_fts", "tag_fts", "audit_log"}) {
        QCOMPARE(
            CacheTest::scalar(*db,
                              QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = '%1'")
                                  .arg(QLatin1String(table))),
            1);
    }
    db.reset();
    QVERIFY(CacheTest::openWriter(path())); // reopening migrates nothing
}

void TestCacheSchema::migratesFromEveryVersion_data()
{
    QTest::addColumn<int>("version");
    for (int v = 1; v < CacheSchema::kLatestVersion; ++v)
        QTest::addRow("v%d", v) << v;
}

void TestCacheSchema::migratesFromEveryVersion()
{
    QFETCH(int, version);
    QVERIFY(createFromFixture(path(), version));
    fillVersion(version, path());
    {
        auto db = CacheTest::openWriter(path());
        QVERIFY(db);
        QCOMPARE(CacheSchema::version(*db), CacheSchema::kLatestVersion);

        CacheReader reader(*db);
        const auto sessions = reader.sessions();
        QCOMPARE(sessions.size(), 1);
        QCOMPARE(sessions.first().session.status, QStringLiteral("working"));
        const auto budi = reader.contact(QStringLiteral("s1"), QStringLiteral("111@lid"));
        QVERIFY(budi);
        QCOMPARE(budi->contact.contact.name, OptString(QStringLiteral("Budi Santoso")));
        QCOMPARE(budi->contact.contact.source, QStringLiteral("dm"));
        const auto warung = reader.contact(QStringLiteral("s1"), QStringLiteral("222@lid"));
        QVERIFY(warung);
        QCOMPARE(warung->detail.groups.size(), 1);
        QCOMPARE(warung->detail.groups.first().tag, OptString(QStringLiteral("~Alice")));
        QCOMPARE(warung->detail.groups.first().name, OptString(QStringLiteral("Family")));
        QCOMPARE(reader.syncStates(QStringLiteral("s1")).size(), 1);

        // Data from before search existed is searchable: by business name, phone and tag,
        // first while it waits for the indexer, then from the index.
        for (int pass = 0; pass < 2; ++pass) {
            ContactFilter filter;
            filter.sessionId = QStringLiteral("s1");
            for (const auto &[text, lid] : {std::pair{"warung", "222@lid"},
                                            {"8123", "111@lid"},
                                            {"alice", "222@lid"},
                                            {"santo", "111@lid"}}) {
                filter.text = QString::fromUtf8(text);
                const auto page = reader.contacts(filter);
                QVERIFY2(page, qPrintable(reader.lastError()));
                QCOMPARE(CacheTest::lids(page->rows), QStringList{QString::fromUtf8(lid)});
            }
            SearchIndexer indexer(*db);
            QVERIFY(indexer.indexPending() >= 0);
            QCOMPARE(indexer.pendingRows(), 0);
        }
        AuditLog log(*db);
        AuditEntry e;
        e.profile = QStringLiteral("p");
        e.action = QStringLiteral("block");
        e.result = QStringLiteral("ok");
        QVERIFY(log.append(e));
    }
    // The migrated schema is exactly the one a fresh database gets.
    QCOMPARE(schemaOf(path()), schemaOf(path(QStringLiteral("fresh.sqlite"))));
}

void TestCacheSchema::newerVersionIsRefusedAndUntouched()
{
    QVERIFY(CacheTest::openWriter(path()));
    {
        auto db = CacheTest::openWriter(path());
        QVERIFY(db->exec(QStringLiteral("PRAGMA user_version = 99"), nullptr));
    }
    QString error;
    QVERIFY(!CacheDatabase::open(path(), CacheDatabase::Mode::ReadWrite, &error));
    QVERIFY2(error.contains(QLatin1String("newer")), qPrintable(error));
    QVERIFY(!CacheDatabase::open(path(), CacheDatabase::Mode::Read, &error));
    auto raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
    raw.setDatabaseName(path());
    QVERIFY(raw.open());
    QSqlQuery q(raw);
    QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
    QCOMPARE(q.value(0).toInt(), 99);
    q = QSqlQuery();
    raw.close();
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

void TestCacheSchema::failedStepLeavesTheOldVersion()
{
    QVERIFY(createFromFixture(path(), 1));
    fillVersion(1, path());
    {
        // Something in the way of step 2 (a table named like one it creates).
        auto raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(path());
        QVERIFY(raw.open());
        QVERIFY(QSqlQuery(raw).exec(QStringLiteral("CREATE TABLE tag_fts_queue (x)")));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    QString error;
    QVERIFY(!CacheDatabase::open(path(), CacheDatabase::Mode::ReadWrite, &error));
    QVERIFY2(error.contains(QLatin1String("version 2")), qPrintable(error));

    auto raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw2"));
    raw.setDatabaseName(path());
    QVERIFY(raw.open());
    {
        QSqlQuery q(raw);
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        // Nothing of the failed step stayed: no new column, no FTS table.
        QVERIFY(!q.exec(QStringLiteral("SELECT bn_key FROM contacts")));
        QVERIFY(
            q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'contact_fts'"))
            && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM contacts")) && q.next());
        QCOMPARE(q.value(0).toInt(), 2);
    }
    raw.close();
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("raw2"));
}

QTEST_GUILESS_MAIN(TestCacheSchema)
#include "tst_cacheschema.moc"

#include "CacheTestUtil.h"

#include "cache/SearchStatements.h"

#include <QTemporaryDir>

using namespace CacheTest;

// SearchStatements binds each named parameter a statement uses from a hash of values, so
// the search plans can hand every statement the same hash; a value the SQL needs but the
// hash lacks is a clear error, never a silent NULL.
class TestSearchStatements : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void shouldBindTheValuesTheSqlNames();
    void shouldRefuseAStatementWithAMissingValue();
    void shouldReportSqlThatSqliteRejects();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CacheDatabase> m_db;
};

void TestSearchStatements::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = openWriter(m_dir->filePath(QStringLiteral("cache.sqlite")));
    QVERIFY(m_db);
    CacheWriter writer(*m_db);
    QVERIFY(writer.addSession(QStringLiteral("s1")));
    QVERIFY(writer.addSession(QStringLiteral("s2")));
    QVERIFY(writer.addSession(QStringLiteral("s3")));
}

void TestSearchStatements::cleanup()
{
    m_db.reset();
}

void TestSearchStatements::shouldBindTheValuesTheSqlNames()
{
    // Given values for more names than the statement uses, one of them used twice
    SearchStatements sql(*m_db);
    const QVariantHash binds{{QStringLiteral("a"), QStringLiteral("s1")},
                             {QStringLiteral("b"), QStringLiteral("s3")},
                             {QStringLiteral("unused"), 42}};

    // When the statements run
    const auto count = sql.scalar(
        QStringLiteral("SELECT count(*) FROM sessions WHERE id IN (:a, :b) OR id = :a"), binds);
    const auto ids = sql.terms(QStringLiteral("SELECT id FROM sessions WHERE id <> :a ORDER BY id"),
                               binds);

    // Then each name got its own value
    QVERIFY2(count, qPrintable(sql.lastError()));
    QCOMPARE(*count, 2);
    QVERIFY2(ids, qPrintable(sql.lastError()));
    QCOMPARE(*ids, (QStringList{QStringLiteral("s2"), QStringLiteral("s3")}));
}

void TestSearchStatements::shouldRefuseAStatementWithAMissingValue()
{
    // Given a statement naming a value the hash does not have
    SearchStatements sql(*m_db);
    const QString statement = QStringLiteral("SELECT count(*) FROM sessions WHERE id = :gone");

    // When it runs
    const auto count = sql.scalar(statement, {{QStringLiteral("id"), QStringLiteral("s1")}});

    // Then it is not run with a NULL in its place, and the error names the value
    QVERIFY(!count);
    QVERIFY2(sql.lastError().contains(QLatin1String(":gone")), qPrintable(sql.lastError()));
    // And the same statement runs once the value is there
    QCOMPARE(sql.scalar(statement, {{QStringLiteral("gone"), QStringLiteral("s2")}}), 1);
}

void TestSearchStatements::shouldReportSqlThatSqliteRejects()
{
    // Given SQL that SQLite cannot prepare
    SearchStatements sql(*m_db);

    // When it runs
    const auto rows = sql.rows(QStringLiteral("SELECT id FROM nowhere"), {});

    // Then there are no rows but an error saying why
    QVERIFY(!rows);
    QVERIFY2(sql.lastError().contains(QLatin1String("nowhere")), qPrintable(sql.lastError()));
}

QTEST_GUILESS_MAIN(TestSearchStatements)
#include "tst_searchstatements.moc"

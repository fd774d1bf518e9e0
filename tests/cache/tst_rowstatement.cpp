#include "CacheTestUtil.h"

#include <QSqlQuery>
#include <QTemporaryDir>

using namespace CacheTest;

// RowStatement writes what Qt SQL would have written for the same values, on the cache
// connection, and a failed run leaves nothing behind but its error.
class TestRowStatement : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void storesValuesAsQtSqlWould();
    void bindsUtf8TextNullAndEmpty();
    void countsChangedAndInsertedRows();
    void errorsAreReportedAndTheStatementStaysUsable();
    void runsInsideTheConnectionsTransaction();

private:
    QVariantList readRow(const QString &where);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CacheDatabase> m_db;
};

namespace {
const QString kCreateTable = QStringLiteral(
    "CREATE TABLE t (k INTEGER PRIMARY KEY, s TEXT, i INTEGER, n TEXT, u TEXT UNIQUE)");
const QString kInsert = QStringLiteral("INSERT INTO t (k, s, i, n, u) VALUES (:k, :s, :i, :n, :u)");
} // namespace

void TestRowStatement::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = openWriter(m_dir->filePath(QStringLiteral("cache.sqlite")));
    QVERIFY(m_db);
    QString error;
    QVERIFY2(m_db->exec(kCreateTable, &error), qPrintable(error));
}

void TestRowStatement::cleanup()
{
    m_db.reset();
}

QVariantList TestRowStatement::readRow(const QString &where)
{
    QSqlQuery q(m_db->database());
    if (!q.exec(QStringLiteral("SELECT s, typeof(s), i, typeof(i), n, typeof(n) FROM t WHERE ")
                + where)
        || !q.next())
        return {};
    QVariantList row;
    for (int c = 0; c < 6; ++c)
        row << q.value(c);
    return row;
}

void TestRowStatement::storesValuesAsQtSqlWould()
{
    const QString text = QStringLiteral("Budi 王志明 محمد 🌸 \"'; --");
    QString error;
    RowStatement *fast = m_db->rowStatement(kInsert, &error);
    QVERIFY2(fast, qPrintable(error));
    fast->bind(":k", qint64(1));
    fast->bind(":s", QVariant(text));
    fast->bind(":i", QVariant(qlonglong(1) << 41));
    fast->bind(":n", QVariant(QMetaType::fromType<QString>()));
    fast->bind(":u", QVariant(QString())); // a null QString: NULL, as Qt SQL binds it
    QVERIFY2(fast->exec(&error), qPrintable(error));

    QSqlQuery qt(m_db->database());
    QVERIFY(qt.prepare(kInsert));
    qt.bindValue(QStringLiteral(":k"), 2);
    qt.bindValue(QStringLiteral(":s"), text);
    qt.bindValue(QStringLiteral(":i"), qlonglong(1) << 41);
    qt.bindValue(QStringLiteral(":n"), QVariant(QMetaType::fromType<QString>()));
    qt.bindValue(QStringLiteral(":u"), QString());
    QVERIFY(qt.exec());

    const QVariantList mine = readRow(QStringLiteral("k = 1"));
    QCOMPARE(mine, readRow(QStringLiteral("k = 2")));
    QCOMPARE(mine.at(0).toString(), text);
    QCOMPARE(mine.at(1).toString(), QStringLiteral("text"));
    QCOMPARE(mine.at(3).toString(), QStringLiteral("integer"));
    QCOMPARE(mine.at(5).toString(), QStringLiteral("null"));
    QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM t WHERE u IS NULL")), 2);
}

void TestRowStatement::bindsUtf8TextNullAndEmpty()
{
    const QByteArray text = QStringLiteral("Budi 王志明 محمد 🌸").toUtf8();
    const QByteArray buffer = text + "tail"; // only the viewed part is stored
    QString error;
    RowStatement *insert = m_db->rowStatement(kInsert, &error);
    QVERIFY2(insert, qPrintable(error));
    insert->bind(":k", qint64(1));
    insert->bindText(":s", std::string_view(buffer.constData(), size_t(text.size())));
    insert->bindText(":n", std::string_view());                      // no data: NULL
    insert->bindText(":u", std::string_view(buffer.constData(), 0)); // data, no bytes: ""
    QVERIFY2(insert->exec(&error), qPrintable(error));
    QSqlQuery q(m_db->database());
    QVERIFY(q.exec(
        QStringLiteral("SELECT s, typeof(s), typeof(n), typeof(u), length(u) FROM t WHERE k = 1")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QString::fromUtf8(text));
    QCOMPARE(q.value(1).toString(), QStringLiteral("text"));
    QCOMPARE(q.value(2).toString(), QStringLiteral("null"));
    QCOMPARE(q.value(3).toString(), QStringLiteral("text"));
    QCOMPARE(q.value(4).toInt(), 0);
}

void TestRowStatement::countsChangedAndInsertedRows()
{
    QString error;
    RowStatement *insert = m_db->rowStatement(
        QStringLiteral("INSERT INTO t (k, u) VALUES (:k, :u) ON CONFLICT (u) DO NOTHING"), &error);
    QVERIFY2(insert, qPrintable(error));
    insert->bind(":k", qint64(1));
    insert->bind(":u", QVariant(QStringLiteral("a")));
    QVERIFY(insert->exec(&error));
    QCOMPARE(insert->changes(), 1);
    QCOMPARE(insert->insertedRowId(), 1);
    insert->bind(":k", qint64(2));
    insert->bind(":u", QVariant(QStringLiteral("a")));
    QVERIFY(insert->exec(&error));
    QCOMPARE(insert->changes(), 0); // the conflict inserted nothing
    QCOMPARE(insert->insertedRowId(), 0);
    // An upsert that updates changed a row but inserted none.
    RowStatement *upsert = m_db->rowStatement(
        QStringLiteral("INSERT INTO t (k, u, s) VALUES (:k, :u, 'new') ON CONFLICT (u) DO UPDATE "
                       "SET s = excluded.s"),
        &error);
    QVERIFY2(upsert, qPrintable(error));
    upsert->bind(":k", qint64(3));
    upsert->bind(":u", QVariant(QStringLiteral("a")));
    QVERIFY(upsert->exec(&error));
    QCOMPARE(upsert->changes(), 1);
    QCOMPARE(upsert->insertedRowId(), 0);
    upsert->bind(":k", qint64(4));
    upsert->bind(":u", QVariant(QStringLiteral("b")));
    QVERIFY(upsert->exec(&error));
    QCOMPARE(upsert->insertedRowId(), 4);
}

void TestRowStatement::errorsAreReportedAndTheStatementStaysUsable()
{
    QString error;
    QVERIFY(!m_db->rowStatement(QStringLiteral("INSERT INTO nowhere VALUES (1)"), &error));
    QVERIFY2(error.contains(QLatin1String("nowhere")), qPrintable(error));

    RowStatement *insert = m_db->rowStatement(kInsert, &error);
    QVERIFY(insert);
    // A parameter the SQL does not have is a programming error: reported, nothing written.
    insert->bind(":k", qint64(1));
    insert->bind(":typo", qint64(1));
    QVERIFY(!insert->exec(&error));
    QVERIFY2(error.contains(QLatin1String(":typo")), qPrintable(error));
    QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM t")), 0);
    // A constraint: SQLite's message. Bindings do not leak into the next run.
    insert->bind(":k", qint64(1));
    insert->bind(":u", QVariant(QStringLiteral("x")));
    QVERIFY2(insert->exec(&error), qPrintable(error));
    insert->bind(":k", qint64(2));
    insert->bind(":u", QVariant(QStringLiteral("x")));
    QVERIFY(!insert->exec(&error));
    QVERIFY2(error.contains(QLatin1String("UNIQUE")), qPrintable(error));
    insert->bind(":k", qint64(3));
    QVERIFY2(insert->exec(&error), qPrintable(error));
    QCOMPARE(readRow(QStringLiteral("k = 3")).at(1).toString(), QStringLiteral("null"));
}

void TestRowStatement::runsInsideTheConnectionsTransaction()
{
    QString error;
    RowStatement *insert = m_db->rowStatement(kInsert, &error);
    QVERIFY(insert);
    {
        WriteTransaction txn(*m_db);
        QVERIFY(txn.isActive());
        insert->bind(":k", qint64(1));
        QVERIFY(insert->exec(&error));
        // not committed: rolled back with the transaction
    }
    QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM t")), 0);
    {
        WriteTransaction txn(*m_db);
        insert->bind(":k", qint64(2));
        QVERIFY(insert->exec(&error));
        QVERIFY(txn.commit());
    }
    // Another connection sees the committed row: the statement holds no lock after exec().
    auto other = openWriter(m_db->path());
    QVERIFY(other);
    QCOMPARE(scalar(*other, QStringLiteral("SELECT count(*) FROM t")), 1);
    QVERIFY(other->exec(QStringLiteral("INSERT INTO t (k) VALUES (9)"), &error));
}

QTEST_GUILESS_MAIN(TestRowStatement)
#include "tst_rowstatement.moc"

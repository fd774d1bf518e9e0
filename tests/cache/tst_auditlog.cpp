#include "CacheTestUtil.h"

#include "cache/AuditLog.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace CacheTest;

class TestAuditLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void appendsAndListsNewestFirst();
    void pagesAndFiltersBySession();
    void refusesIncompleteEntries();
    void exportsCsvSafely();
    void exportsJsonLines();
    void readConnectionCannotAppend();

private:
    AuditEntry entry(const QString &action, const QString &session = QStringLiteral("s1"))
    {
        AuditEntry e;
        e.profile = QStringLiteral("Work");
        e.sessionId = session;
        e.contact = QStringLiteral("205227043110953@lid");
        e.action = action;
        e.result = QStringLiteral("ok");
        e.requestId = QStringLiteral("req-1");
        return e;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CacheDatabase> m_db;
    std::unique_ptr<AuditLog> m_log;
};

void TestAuditLog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = openWriter(m_dir->filePath(QStringLiteral("cache.sqlite")));
    QVERIFY(m_db);
    m_log = std::make_unique<AuditLog>(*m_db);
    m_log->setClock([] { return qint64(1719662400000); });
}

void TestAuditLog::cleanup()
{
    m_log.reset();
    m_db.reset();
}

void TestAuditLog::appendsAndListsNewestFirst()
{
    const auto first = m_log->append(entry(QStringLiteral("block")));
    AuditEntry api = entry(QStringLiteral("unblock"));
    api.origin = AuditOrigin::LocalApi;
    api.at = 5;
    api.detail = QStringLiteral("from a script");
    const auto second = m_log->append(api);
    QVERIFY(first && second && *second > *first);
    const auto all = m_log->list({});
    QVERIFY(all);
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).action, QStringLiteral("unblock"));
    QCOMPARE(all->at(0).origin, AuditOrigin::LocalApi);
    QCOMPARE(all->at(0).at, 5);
    QCOMPARE(all->at(0).detail, QStringLiteral("from a script"));
    QCOMPARE(all->at(1).at, 1719662400000); // 0 means now
    QCOMPARE(all->at(1).origin, AuditOrigin::Console);
    QCOMPARE(all->at(1).requestId, QStringLiteral("req-1"));
    QCOMPARE(all->at(1).profile, QStringLiteral("Work"));
}

void TestAuditLog::pagesAndFiltersBySession()
{
    for (int i = 0; i < 25; ++i)
        QVERIFY(m_log->append(entry(QStringLiteral("a%1").arg(i),
                                    i % 2 ? QStringLiteral("s1") : QStringLiteral("s2"))));
    AuditLog::Query q;
    q.limit = 10;
    QStringList seen;
    for (;;) {
        const auto page = m_log->list(q);
        QVERIFY(page);
        if (page->isEmpty())
            break;
        for (const AuditEntry &e : *page)
            seen << e.action;
        q.beforeId = page->last().id;
    }
    QCOMPARE(seen.size(), 25);
    QCOMPARE(seen.first(), QStringLiteral("a24"));
    QCOMPARE(seen.last(), QStringLiteral("a0"));
    q = {};
    q.sessionId = QStringLiteral("s1");
    QCOMPARE(m_log->list(q)->size(), 12);
}

void TestAuditLog::refusesIncompleteEntries()
{
    AuditEntry e = entry(QString());
    QVERIFY(!m_log->append(e));
    QVERIFY(!m_log->lastError().isEmpty());
}

void TestAuditLog::exportsCsvSafely()
{
    AuditEntry tricky = entry(QStringLiteral("=HYPERLINK(\"http://x\")"));
    tricky.detail = QStringLiteral("line1\nline2, \"quoted\"");
    tricky.contact = QStringLiteral("+62812");
    QVERIFY(m_log->append(entry(QStringLiteral("block"))));
    QVERIFY(m_log->append(tricky));
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(m_log->exportTo(&buffer, AuditLog::Format::Csv));
    const QString csv = QString::fromUtf8(buffer.data());
    const QStringList lines = csv.split(QStringLiteral("\r\n"));
    QCOMPARE(
        lines.at(0),
        QStringLiteral("id,at,profile,session,contact,action,result,request_id,origin,detail"));
    QVERIFY(lines.at(1).startsWith(QLatin1String(
        "1,2024-06-29T12:00:00.000Z,Work,s1,205227043110953@lid,block,ok,req-1,console,")));
    QVERIFY(csv.contains(QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\")\"")));
    QVERIFY(csv.contains(QStringLiteral("\"'+62812\"")));
    QVERIFY(csv.contains(QStringLiteral("\"line1\nline2, \"\"quoted\"\"\"")));

    QBuffer one;
    QVERIFY(one.open(QIODevice::WriteOnly));
    QVERIFY(m_log->exportTo(&one, AuditLog::Format::Csv, QStringLiteral("nobody")));
    QCOMPARE(one.data().count('\n'), 1); // the header only
    QBuffer closed;
    QVERIFY(!m_log->exportTo(&closed, AuditLog::Format::Csv));
}

void TestAuditLog::exportsJsonLines()
{
    AuditEntry e = entry(QStringLiteral("unblock"));
    e.origin = AuditOrigin::LocalApi;
    e.detail = QStringLiteral("王志明 \"x\"\n");
    QVERIFY(m_log->append(e));
    QVERIFY(m_log->append(entry(QStringLiteral("block"))));
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(m_log->exportTo(&buffer, AuditLog::Format::JsonLines));
    const QList<QByteArray> lines = buffer.data().split('\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.last().isEmpty());
    const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
    QCOMPARE(first.value(QStringLiteral("origin")).toString(), QStringLiteral("local-api"));
    QCOMPARE(first.value(QStringLiteral("detail")).toString(), e.detail);
    QCOMPARE(first.value(QStringLiteral("at")).toInteger(), 1719662400000);
}

void TestAuditLog::readConnectionCannotAppend()
{
    auto reader = CacheDatabase::open(m_db->path(), CacheDatabase::Mode::Read);
    QVERIFY(reader);
    AuditLog log(*reader);
    QVERIFY(!log.append(entry(QStringLiteral("block"))));
    QVERIFY(m_log->append(entry(QStringLiteral("block"))));
    QCOMPARE(log.list({})->size(), 1); // but it reads
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"

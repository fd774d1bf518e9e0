// BackgroundWriter on a real SQLite file: jobs run in order on a thread and connection of
// their own, an audit entry's callback comes on the caller's thread after the commit, a
// failing job is reported without stopping the next ones, and nothing queued is lost when
// the writer goes.
#include "cache/AuditLog.h"
#include "cache/BackgroundWriter.h"
#include "cache/CacheDatabase.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {

AuditEntry entry(const QString &contact)
{
    AuditEntry e;
    e.profile = QStringLiteral("p");
    e.sessionId = QStringLiteral("s");
    e.contact = contact;
    e.action = QStringLiteral("unblock");
    e.result = QStringLiteral("ok");
    return e;
}

QList<AuditEntry> entries(const QString &path)
{
    QString error;
    auto db = CacheDatabase::open(path, CacheDatabase::Mode::Read, &error);
    if (!db)
        return {};
    AuditLog log(*db);
    AuditLog::Query q;
    q.limit = 1000;
    return log.list(q).value_or(QList<AuditEntry>());
}

} // namespace

class TestBackgroundWriter : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_file = 0;

    QString newPath()
    {
        const QString path = m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_file));
        QString error;
        // The writer opens ReadWrite; the file exists and is migrated first, as in the console.
        if (!CacheDatabase::open(path, CacheDatabase::Mode::ReadWrite, &error))
            qWarning() << error;
        return path;
    }

private Q_SLOTS:
    void shouldRunJobsInOrderOffTheCallersThread()
    {
        // GIVEN a writer
        BackgroundWriter writer(newPath());
        QList<int> order;
        QThread *jobThread = nullptr;

        // WHEN three jobs are posted
        for (int i = 0; i < 3; ++i)
            writer.post(QStringLiteral("job"), [&order, &jobThread, i](CacheDatabase &, QString *) {
                order << i;
                jobThread = QThread::currentThread();
                return true;
            });
        QVERIFY(writer.waitUntilIdle());

        // THEN they ran one after another, on another thread
        QCOMPARE(order, (QList<int>{0, 1, 2}));
        QVERIFY(jobThread && jobThread != QThread::currentThread());
    }

    void shouldCallBackOnTheCallersThreadOnceTheEntryIsCommitted()
    {
        // GIVEN a writer
        const QString path = newPath();
        BackgroundWriter writer(path);
        QSignalSpy appended(&writer, &BackgroundWriter::auditAppended);
        std::optional<bool> written;
        int rowsWhenCalled = -1;
        QThread *calledOn = nullptr;

        // WHEN an audit entry is appended with a callback
        writer.appendAudit(entry(QStringLiteral("1@lid")), this, [&](bool ok) {
            written = ok;
            rowsWhenCalled = int(entries(path).size());
            calledOn = QThread::currentThread();
        });

        // THEN the callback runs here, after the entry is visible to other connections
        QTRY_VERIFY(written.has_value());
        QVERIFY(*written);
        QCOMPARE(rowsWhenCalled, 1);
        QCOMPARE(calledOn, QThread::currentThread());
        QCOMPARE(appended.size(), 1);
        const AuditEntry stored = appended.first().first().value<AuditEntry>();
        QVERIFY(stored.id > 0);
        QVERIFY(stored.at > 0);
        QCOMPARE(stored.contact, QStringLiteral("1@lid"));
    }

    void shouldReportAFailedJobAndRunTheNextOnes()
    {
        // GIVEN a writer
        BackgroundWriter writer(newPath());
        QSignalSpy failed(&writer, &BackgroundWriter::failed);
        bool secondRan = false;

        // WHEN a job fails and another follows
        writer.post(QStringLiteral("broken"), [](CacheDatabase &, QString *error) {
            *error = QStringLiteral("disk on fire");
            return false;
        });
        writer.post(QStringLiteral("fine"),
                    [&secondRan](CacheDatabase &, QString *) { return secondRan = true; });
        QVERIFY(writer.waitUntilIdle());

        // THEN the failure is named and the next job still ran
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("broken"));
        QCOMPARE(failed.first().at(1).toString(), QStringLiteral("disk on fire"));
        QVERIFY(secondRan);
    }

    void shouldWriteEverythingQueuedBeforeItGoes()
    {
        // GIVEN a writer with many entries queued
        const QString path = newPath();
        {
            BackgroundWriter writer(path);
            for (int i = 0; i < 200; ++i)
                writer.appendAudit(entry(QStringLiteral("%1@lid").arg(i)));
            // WHEN it is destroyed at once
        }
        // THEN every entry was written
        QCOMPARE(entries(path).size(), 200);
    }

    void shouldReportACacheThatCannotBeOpened()
    {
        // GIVEN a writer over a path under a plain file, where no database can be made
        QFile blocker(m_dir.filePath(QStringLiteral("not-a-directory")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        BackgroundWriter writer(blocker.fileName() + QStringLiteral("/cache.sqlite"));
        QSignalSpy failed(&writer, &BackgroundWriter::failed);
        std::optional<bool> written;

        // WHEN an entry is appended
        writer.appendAudit(entry(QStringLiteral("1@lid")), this, [&](bool ok) { written = ok; });

        // THEN the caller hears it was not written, and why
        QTRY_VERIFY(written.has_value());
        QVERIFY(!*written);
        QCOMPARE(failed.size(), 1);
        QVERIFY(!failed.first().at(1).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBackgroundWriter)
#include "tst_backgroundwriter.moc"

// AuditModel under QAbstractItemModelTester: the audit log of a real cache, newest first,
// reloaded after another connection (the console's BackgroundWriter) appended to it.
#include "AuditModel.h"
#include "ModelTestCache.h"
#include "cache/AuditLog.h"
#include "cache/CacheDatabase.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QtTest>

namespace {
constexpr auto kMode = ModelTestCache::kTesterMode;

AuditEntry entry(const QString &action, const QString &result, qint64 at)
{
    AuditEntry e;
    e.at = at;
    e.profile = QStringLiteral("demo-profile");
    e.sessionId = QStringLiteral("demo");
    e.contact = QStringLiteral("100000000000001@lid");
    e.action = action;
    e.result = result;
    e.requestId = QStringLiteral("req_%1").arg(at);
    e.origin = AuditOrigin::LocalApi;
    if (result != QLatin1String("ok"))
        e.detail = QStringLiteral("The session is not connected.");
    return e;
}
} // namespace

class TestAuditModel : public QObject
{
    Q_OBJECT
private:
    ModelTestCache m_cache;

    // Appends through a connection of its own, as the console's writer does.
    void append(const AuditEntry &e)
    {
        QString error;
        auto db = CacheDatabase::open(m_cache.path(), CacheDatabase::Mode::ReadWrite, &error);
        QVERIFY2(db, qPrintable(error));
        AuditLog log(*db);
        QVERIFY2(log.append(e), qPrintable(log.lastError()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_cache.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void shouldShowEveryEntryNewestFirstAfterReload()
    {
        // GIVEN an empty log read by a model under its tester
        AuditLog log(m_cache.database());
        AuditModel model(&log);
        QAbstractItemModelTester tester(&model, kMode);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(AuditModel::ColumnCount));

        // WHEN another connection appends two entries and the model reloads
        append(entry(QStringLiteral("block"), QStringLiteral("ok"), 1700000000000));
        append(entry(QStringLiteral("unblock"), QStringLiteral("not_implemented"), 1700000060000));
        QVERIFY(model.reload());

        // THEN both are rows, the newest first, each column what its title says
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, AuditModel::Action).data().toString(), QStringLiteral("unblock"));
        QCOMPARE(model.index(1, AuditModel::Action).data().toString(), QStringLiteral("block"));
        QCOMPARE(model.index(0, AuditModel::Result).data().toString(),
                 QStringLiteral("not_implemented"));
        QCOMPARE(model.index(0, AuditModel::Result).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("The session is not connected."));
        QCOMPARE(model.index(0, AuditModel::Origin).data().toString(), QStringLiteral("local-api"));
        QCOMPARE(model.index(0, AuditModel::RequestId).data().toString(),
                 QStringLiteral("req_1700000060000"));
        QVERIFY(!model.index(0, AuditModel::When).data().toString().isEmpty());
        QCOMPARE(model.headerData(AuditModel::Contact, Qt::Horizontal).toString(),
                 QStringLiteral("Contact"));
        QCOMPARE(model.entryAt(1).result, QStringLiteral("ok"));
    }

    void shouldExportTheWholeLog()
    {
        // GIVEN a model over a log with entries
        AuditLog log(m_cache.database());
        AuditModel model(&log);
        QVERIFY(model.rowCount() >= 2);

        // WHEN it is exported as CSV and as JSON Lines
        QBuffer csv;
        csv.open(QIODevice::WriteOnly);
        QVERIFY(model.exportTo(&csv, false));
        QBuffer jsonl;
        jsonl.open(QIODevice::WriteOnly);
        QVERIFY(model.exportTo(&jsonl, true));

        // THEN each holds a line per entry (CSV has its header row too)
        QCOMPARE(csv.data().count('\n'), model.rowCount() + 1);
        QCOMPARE(jsonl.data().count('\n'), model.rowCount());
    }

    void shouldReportALogThatCannotBeRead()
    {
        // GIVEN a model without a log
        AuditModel model(nullptr);
        QAbstractItemModelTester tester(&model, kMode);

        // WHEN it reloads or exports THEN it says so and shows nothing
        QVERIFY(!model.reload());
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        QString error;
        QVERIFY(!model.exportTo(&out, false, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(model.rowCount(), 0);
    }

    // The audit grows as live actions run: new entries are inserted at the top in place.
    void shouldInsertNewEntriesAtTheTopWithoutAReset()
    {
        // GIVEN a model over a log with entries, its last row selected
        AuditLog log(m_cache.database());
        AuditModel model(&log);
        QAbstractItemModelTester tester(&model, kMode);
        QVERIFY(model.reload());
        const int before = model.rowCount();
        QVERIFY(before >= 1);
        QItemSelectionModel selection(&model);
        selection.setCurrentIndex(model.index(before - 1, 0),
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        const qint64 selectedId = model.entryAt(before - 1).id;
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        // WHEN another connection appends an entry and the model reloads, twice
        append(entry(QStringLiteral("block"), QStringLiteral("ok"), 1700000120000));
        QVERIFY(model.reload());
        QVERIFY(model.reload());

        // THEN the entry is the first row, inserted once, and the selection stayed on its entry
        QCOMPARE(model.rowCount(), before + 1);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(model.entryAt(selection.currentIndex().row()).id, selectedId);
    }
};

QTEST_GUILESS_MAIN(TestAuditModel)
#include "tst_auditmodel.moc"

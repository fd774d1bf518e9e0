// GroupsModel under QAbstractItemModelTester on a real SQLite cache: a session's groups,
// refreshed after a sync lands, and reset to no session.
#include "GroupsModel.h"
#include "ModelTestCache.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QtTest>

namespace {
constexpr auto kMode = ModelTestCache::kTesterMode;

// DemoCache's JID of group g: the first one is announce-only and locked.
QString groupJid(int g)
{
    return QStringLiteral("1203630%1@g.us").arg(g, 8, 10, QLatin1Char('0'));
}
} // namespace

class TestGroupsModel : public QObject
{
    Q_OBJECT
private:
    ModelTestCache m_cache;

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_cache.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void shouldListTheSessionsGroupsWhenPopulated()
    {
        // GIVEN a model under its tester
        GroupsModel groups(&m_cache.reader());
        QAbstractItemModelTester tester(&groups, kMode);

        // WHEN it is given the session
        groups.setSession(QStringLiteral("demo"));

        // THEN its 6 groups are the rows, each with its JID
        QCOMPARE(groups.rowCount(), 6);
        QCOMPARE(groups.sessionId(), QStringLiteral("demo"));
        const QString jid = groups.index(0, 0).data(GroupsModel::GroupJidRole).toString();
        QVERIFY(jid.endsWith(QLatin1String("@g.us")));
        QCOMPARE(groups.index(0, GroupsModel::Jid).data().toString(), jid);
        QCOMPARE(groups.groupAt(0)->group.groupJid, jid);
        QCOMPARE(groups.rowOfGroup(jid), 0);
    }

    void shouldShowEachGroupsSubjectMembersAndFlags()
    {
        // GIVEN a populated model
        GroupsModel groups(&m_cache.reader());
        QAbstractItemModelTester tester(&groups, kMode);
        groups.setSession(QStringLiteral("demo"));

        // WHEN the first and the second group are found by JID
        const int first = groups.rowOfGroup(groupJid(0));
        const int second = groups.rowOfGroup(groupJid(1));
        QVERIFY(first >= 0 && second >= 0);

        // THEN their columns say what DemoCache stored
        QCOMPARE(groups.index(first, GroupsModel::Subject).data().toString(),
                 QStringLiteral("Warga RT 05 #1"));
        QCOMPARE(groups.index(first, GroupsModel::Members).data().toString(), QStringLiteral("12"));
        QCOMPARE(groups.index(first, GroupsModel::Members).data(Qt::TextAlignmentRole).toInt(),
                 int(Qt::AlignRight | Qt::AlignVCenter));
        QCOMPARE(groups.index(first, GroupsModel::Owner).data().toString(), DemoCache::lid(0));
        QCOMPARE(groups.index(first, GroupsModel::Flags).data().toString(),
                 QStringLiteral("Announce, Locked"));
        QVERIFY(!groups.index(first, GroupsModel::Created).data().toString().isEmpty());
        QCOMPARE(groups.index(second, GroupsModel::Subject).data().toString(),
                 QStringLiteral("Alumni SMA 3 #2"));
        QCOMPARE(groups.index(second, GroupsModel::Flags).data().toString(), QString());
        QCOMPARE(groups.rowOfGroup(QStringLiteral("nobody@g.us")), -1);
        QVERIFY(!groups.groupAt(-1));
        QVERIFY(!groups.groupAt(6));
    }

    void shouldBeEmptyWhenTheSessionIsCleared()
    {
        // GIVEN a populated model
        GroupsModel groups(&m_cache.reader());
        QAbstractItemModelTester tester(&groups, kMode);
        groups.setSession(QStringLiteral("demo"));
        QCOMPARE(groups.rowCount(), 6);

        // WHEN it is reset to no session
        groups.setSession(QString());

        // THEN it has no rows
        QCOMPARE(groups.rowCount(), 0);

        // WHEN it is given a session the cache does not hold
        groups.setSession(QStringLiteral("no-such-session"));

        // THEN it has no rows either
        QCOMPARE(groups.rowCount(), 0);
    }

    void shouldReadTheNewGroupsWhenRefreshedAfterASync()
    {
        // GIVEN a populated model over a cache of its own
        ModelTestCache cache;
        const QString error = cache.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        GroupsModel groups(&cache.reader());
        QAbstractItemModelTester tester(&groups, kMode);
        groups.setSession(cache.sessionId());
        QCOMPARE(groups.rowCount(), 6);
        QSignalSpy resets(&groups, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&groups, &QAbstractItemModel::rowsInserted);

        // WHEN another connection stores a sync with 8 groups and the model refreshes
        DemoCache::Spec more = ModelTestCache::smallSpec();
        more.groups = 8;
        const QString landError = cache.land(more);
        QVERIFY2(landError.isEmpty(), qPrintable(landError));
        groups.refresh();

        // THEN the 8 groups are the rows, the 2 new ones inserted, without a reset
        QCOMPARE(groups.rowCount(), 8);
        QCOMPARE(resets.size(), 0);
        int rows = 0;
        for (const QList<QVariant> &args : std::as_const(inserted))
            rows += args.at(2).toInt() - args.at(1).toInt() + 1;
        QCOMPARE(rows, 2);
        QVERIFY(groups.rowOfGroup(groupJid(7)) >= 0);
    }

    void shouldNameEveryColumn()
    {
        // GIVEN a model
        GroupsModel groups(&m_cache.reader());

        // WHEN its horizontal header is read
        QStringList headers;
        for (int c = 0; c < groups.columnCount(); ++c)
            headers << groups.headerData(c, Qt::Horizontal).toString();

        // THEN every column has its own name
        QCOMPARE(headers.size(), int(GroupsModel::ColumnCount));
        QCOMPARE(headers.at(GroupsModel::Subject), QStringLiteral("Subject"));
        QCOMPARE(headers.removeDuplicates(), 0);
        QVERIFY(!headers.contains(QString()));
    }

    // The realtime feed's group.update and a join: the rows change in place, the selected
    // group stays selected.
    void shouldChangeTheGroupInPlaceWhenItChangesLive()
    {
        // GIVEN a populated model over a cache of its own, its second group selected
        ModelTestCache cache;
        const QString error = cache.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        GroupsModel groups(&cache.reader());
        QAbstractItemModelTester tester(&groups, kMode);
        groups.setSession(cache.sessionId());
        const QString jid = groups.index(1, 0).data(GroupsModel::GroupJidRole).toString();
        QItemSelectionModel selection(&groups);
        selection.setCurrentIndex(groups.index(1, 0),
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QSignalSpy resets(&groups, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&groups, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&groups, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&groups, &QAbstractItemModel::rowsRemoved);

        // WHEN the feed renames it and a contact joins it, and the model refreshes
        const QString applyError = cache.applyLive(
            {ModelTestCache::subjectChanged(jid, QStringLiteral("Renamed live")),
             ModelTestCache::participants(jid, {DemoCache::lid(999)}, {})});
        QVERIFY2(applyError.isEmpty(), qPrintable(applyError));
        groups.refresh();

        // THEN its row shows the new subject, with no reset, and is still the selected one
        QCOMPARE(resets.size(), 0);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
        QVERIFY(changed.size() >= 1);
        const QModelIndex current = selection.currentIndex();
        QCOMPARE(current.data(GroupsModel::GroupJidRole).toString(), jid);
        QCOMPARE(groups.index(current.row(), GroupsModel::Subject).data().toString(),
                 QStringLiteral("Renamed live"));
        QVERIFY(selection.isRowSelected(current.row(), {}));
        QCOMPARE(selection.selectedRows().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestGroupsModel)
#include "tst_groupsmodel.moc"

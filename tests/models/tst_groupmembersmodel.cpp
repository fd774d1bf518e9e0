// GroupMembersModel under QAbstractItemModelTester on a real SQLite cache: one group's
// members, owner first, refreshed after a sync lands, and reset to no group.
#include "GroupMembersModel.h"
#include "ModelTestCache.h"
#include "cache/CacheReader.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QtTest>

namespace {
constexpr auto kMode = ModelTestCache::kTesterMode;
}

class TestGroupMembersModel : public QObject
{
    Q_OBJECT
private:
    ModelTestCache m_cache;
    QString m_jid;

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_cache.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_jid = m_cache.firstGroupJid();
        QVERIFY(m_jid.endsWith(QLatin1String("@g.us")));
    }

    void shouldListOwnerThenAdminsThenMembers()
    {
        // GIVEN a model under its tester
        GroupMembersModel members(&m_cache.reader());
        QAbstractItemModelTester tester(&members, kMode);

        // WHEN it is given a group
        members.setGroup(QStringLiteral("demo"), m_jid);

        // THEN its 12 members are the rows: the owner first, then the admins
        QCOMPARE(members.rowCount(), 12);
        QCOMPARE(members.groupJid(), m_jid);
        QCOMPARE(members.index(0, GroupMembersModel::Role).data().toString(),
                 QStringLiteral("Owner"));
        QCOMPARE(members.index(1, GroupMembersModel::Role).data().toString(),
                 QStringLiteral("Admin"));
        QCOMPARE(members.index(2, GroupMembersModel::Role).data().toString(),
                 QStringLiteral("Admin"));
        QCOMPARE(members.index(5, GroupMembersModel::Role).data().toString(),
                 QStringLiteral("Member"));
        QVERIFY(!members.index(1, GroupMembersModel::Tag).data().toString().isEmpty());
    }

    void shouldShowTheContactOfEachMember()
    {
        // GIVEN a populated model
        GroupMembersModel members(&m_cache.reader());
        QAbstractItemModelTester tester(&members, kMode);
        members.setGroup(QStringLiteral("demo"), m_jid);

        // WHEN each row is read
        for (int row = 0; row < members.rowCount(); ++row) {
            const QString lid = members.index(row, GroupMembersModel::Lid).data().toString();

            // THEN its name and phone are those of the contact with its LID
            QCOMPARE(members.index(row, 0).data(GroupMembersModel::LidRole).toString(), lid);
            const auto contact = m_cache.reader().contact(m_cache.sessionId(), lid);
            QVERIFY2(contact, qPrintable(lid));
            QCOMPARE(members.index(row, GroupMembersModel::Name).data().toString(),
                     contact->contact.contact.name.value_or(QString()));
            QCOMPARE(members.index(row, GroupMembersModel::Phone).data().toString(),
                     contact->contact.contact.phoneNumber.value_or(QString()));
        }
    }

    void shouldBeEmptyWhenTheGroupIsClearedOrUnknown()
    {
        // GIVEN a populated model
        GroupMembersModel members(&m_cache.reader());
        QAbstractItemModelTester tester(&members, kMode);
        members.setGroup(QStringLiteral("demo"), m_jid);
        QCOMPARE(members.rowCount(), 12);

        // WHEN it is reset to no group
        members.setGroup(QStringLiteral("demo"), QString());

        // THEN it has no rows
        QCOMPARE(members.rowCount(), 0);

        // WHEN it is given a group the cache does not hold
        members.setGroup(QStringLiteral("demo"), QStringLiteral("nobody@g.us"));

        // THEN it has no rows either
        QCOMPARE(members.rowCount(), 0);
    }

    void shouldReadTheMembersAgainWhenRefreshedAfterASync()
    {
        // GIVEN a populated model over a cache of its own
        ModelTestCache cache;
        const QString error = cache.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        GroupMembersModel members(&cache.reader());
        QAbstractItemModelTester tester(&members, kMode);
        members.setGroup(cache.sessionId(), cache.firstGroupJid());
        QCOMPARE(members.rowCount(), 12);
        QSignalSpy resets(&members, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&members, &QAbstractItemModel::rowsInserted);

        // WHEN another connection stores a sync with 20 members per group and it refreshes
        DemoCache::Spec more = ModelTestCache::smallSpec();
        more.membersPerGroup = 20;
        const QString landError = cache.land(more);
        QVERIFY2(landError.isEmpty(), qPrintable(landError));
        members.refresh();

        // THEN the 20 members are the rows, the 8 new ones inserted without a reset, the owner
        // still first
        QCOMPARE(members.rowCount(), 20);
        QCOMPARE(resets.size(), 0);
        int rows = 0;
        for (const QList<QVariant> &args : std::as_const(inserted))
            rows += args.at(2).toInt() - args.at(1).toInt() + 1;
        QCOMPARE(rows, 8);
        QCOMPARE(members.index(0, GroupMembersModel::Role).data().toString(),
                 QStringLiteral("Owner"));
    }

    void shouldNameEveryColumn()
    {
        // GIVEN a model
        GroupMembersModel members(&m_cache.reader());

        // WHEN its horizontal header is read
        QStringList headers;
        for (int c = 0; c < members.columnCount(); ++c)
            headers << members.headerData(c, Qt::Horizontal).toString();

        // THEN every column has its own name
        QCOMPARE(headers.size(), int(GroupMembersModel::ColumnCount));
        QCOMPARE(headers.at(GroupMembersModel::Tag), QStringLiteral("Tag"));
        QCOMPARE(headers.removeDuplicates(), 0);
        QVERIFY(!headers.contains(QString()));
    }

    // The realtime feed's group.participant: a join is inserted, a leave removed, a promotion
    // changes the row; the selected member stays selected.
    void shouldChangeTheMembersInPlaceWhenTheyChangeLive()
    {
        // GIVEN a populated model over a cache of its own, a plain member selected
        ModelTestCache cache;
        const QString error = cache.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        GroupMembersModel members(&cache.reader());
        QAbstractItemModelTester tester(&members, kMode);
        const QString jid = cache.firstGroupJid();
        members.setGroup(cache.sessionId(), jid);
        QCOMPARE(members.rowCount(), 12);
        const int last = members.rowCount() - 1;
        const QString kept = members.index(last, GroupMembersModel::Lid).data().toString();
        const QString leaving = members.index(last - 1, GroupMembersModel::Lid).data().toString();
        const QString promoted = members.index(last - 2, GroupMembersModel::Lid).data().toString();
        QItemSelectionModel selection(&members);
        selection.setCurrentIndex(members.index(last, 0),
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QSignalSpy resets(&members, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&members, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&members, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&members, &QAbstractItemModel::dataChanged);
        QSignalSpy moved(&members, &QAbstractItemModel::rowsMoved);

        // WHEN one joins, one leaves and one is promoted, and the model refreshes
        const QString applyError = cache.applyLive(
            {ModelTestCache::participants(jid, {DemoCache::lid(998)}, {leaving}, {promoted})});
        QVERIFY2(applyError.isEmpty(), qPrintable(applyError));
        members.refresh();

        // THEN one row was inserted and one removed, the promoted one is an admin, no reset
        QCOMPARE(resets.size(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(removed.size(), 1);
        QVERIFY(changed.size() + moved.size() >= 1);
        QCOMPARE(members.rowCount(), 12);
        QStringList lids;
        for (int row = 0; row < members.rowCount(); ++row)
            lids << members.index(row, GroupMembersModel::Lid).data().toString();
        QVERIFY(lids.contains(DemoCache::lid(998)));
        QVERIFY(!lids.contains(leaving));
        QCOMPARE(
            members.index(int(lids.indexOf(promoted)), GroupMembersModel::Role).data().toString(),
            QStringLiteral("Admin"));
        // AND the selected member is still the selected one
        QCOMPARE(selection.currentIndex().data(GroupMembersModel::LidRole).toString(), kept);
        QCOMPARE(selection.selectedRows().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestGroupMembersModel)
#include "tst_groupmembersmodel.moc"

// ContactGroupsModel under QAbstractItemModelTester: the groups of a contact as the cache's
// detail lists them, set, replaced and cleared.
#include "ContactGroupsModel.h"
#include "ModelTestCache.h"
#include "cache/CacheReader.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QtTest>

namespace {
constexpr auto kMode = ModelTestCache::kTesterMode;
}

class TestContactGroupsModel : public QObject
{
    Q_OBJECT
private:
    ModelTestCache m_cache;

    QList<ContactGroup> groupsOf(int contact)
    {
        const auto detail = m_cache.reader().contact(m_cache.sessionId(), DemoCache::lid(contact));
        return detail ? detail->detail.groups : QList<ContactGroup>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_cache.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void shouldListTheContactsGroupsWhenPopulated()
    {
        // GIVEN a model under its tester and the first contact's detail (it owns a group)
        ContactGroupsModel model;
        QAbstractItemModelTester tester(&model, kMode);
        const auto detail = m_cache.reader().contact(QStringLiteral("demo"), DemoCache::lid(0));
        QVERIFY(detail);
        QVERIFY(!detail->detail.groups.isEmpty());

        // WHEN it is given the detail's groups
        model.setGroups(detail->detail.groups);

        // THEN they are the rows, the owned group first, with a tag
        QCOMPARE(model.rowCount(), detail->detail.groups.size());
        QCOMPARE(model.index(0, ContactGroupsModel::Role).data().toString(),
                 QStringLiteral("Owner"));
        QVERIFY(!model.index(0, ContactGroupsModel::Tag).data().toString().isEmpty());
        QCOMPARE(model.groups().size(), detail->detail.groups.size());
    }

    void shouldShowEachGroupsNameAndJid()
    {
        // GIVEN a model populated with the first contact's groups
        ContactGroupsModel model;
        QAbstractItemModelTester tester(&model, kMode);
        const QList<ContactGroup> groups = groupsOf(0);
        QVERIFY(!groups.isEmpty());
        model.setGroups(groups);

        // WHEN each row is read
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString jid = model.index(row, ContactGroupsModel::Jid).data().toString();

            // THEN its name is the group's subject in the cache, its JID the one views select by
            QCOMPARE(model.index(row, 0).data(ContactGroupsModel::GroupJidRole).toString(), jid);
            const auto group = m_cache.reader().group(m_cache.sessionId(), jid);
            QVERIFY2(group, qPrintable(jid));
            QCOMPARE(model.index(row, ContactGroupsModel::Name).data().toString(),
                     group->group.subject.value_or(QString()));
        }
    }

    void shouldReplaceTheRowsWhenAnotherContactIsShown()
    {
        // GIVEN a model showing the first contact's groups
        ContactGroupsModel model;
        QAbstractItemModelTester tester(&model, kMode);
        const QList<ContactGroup> first = groupsOf(0);
        model.setGroups(first);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        // WHEN the groups of a contact in another group are set
        const QList<ContactGroup> other = groupsOf(7);
        QVERIFY(!first.isEmpty() && !other.isEmpty());
        QVERIFY(other.first().jid != first.first().jid);
        model.setGroups(other);

        // THEN they are the rows, through one reset
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model.rowCount(), other.size());
        QCOMPARE(model.index(0, ContactGroupsModel::Jid).data().toString(), other.first().jid);
    }

    void shouldBeEmptyWhenCleared()
    {
        // GIVEN a populated model
        ContactGroupsModel model;
        QAbstractItemModelTester tester(&model, kMode);
        model.setGroups(groupsOf(0));
        QVERIFY(model.rowCount() > 0);

        // WHEN its groups are cleared
        model.setGroups({});

        // THEN it has no rows
        QCOMPARE(model.rowCount(), 0);
    }

    void shouldNameEveryColumn()
    {
        // GIVEN a model
        ContactGroupsModel model;

        // WHEN its horizontal header is read
        QStringList headers;
        for (int c = 0; c < model.columnCount(); ++c)
            headers << model.headerData(c, Qt::Horizontal).toString();

        // THEN every column has its own name
        QCOMPARE(headers.size(), int(ContactGroupsModel::ColumnCount));
        QCOMPARE(headers.at(ContactGroupsModel::Name), QStringLiteral("Group"));
        QCOMPARE(headers.removeDuplicates(), 0);
        QVERIFY(!headers.contains(QString()));
    }

    // The same contact's groups again (the feed changed them): the difference by JID.
    void shouldUpdateTheRowsInPlaceForTheSameContact()
    {
        // GIVEN a model showing three groups, the last one selected
        ContactGroupsModel model;
        QAbstractItemModelTester tester(&model, kMode);
        QList<ContactGroup> groups;
        for (int g = 0; g < 3; ++g) {
            ContactGroup group;
            group.jid = QStringLiteral("g%1@g.us").arg(g);
            group.name = QStringLiteral("Group %1").arg(g);
            group.role = QStringLiteral("member");
            groups << group;
        }
        model.setGroups(groups);
        QItemSelectionModel selection(&model);
        selection.setCurrentIndex(model.index(2, 0),
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // WHEN the first is left, the last promoted, and a new one joined at the front
        QList<ContactGroup> fresh = groups.mid(1);
        fresh.last().role = QStringLiteral("admin");
        ContactGroup joined;
        joined.jid = QStringLiteral("new@g.us");
        joined.role = QStringLiteral("member");
        fresh.prepend(joined);
        model.updateGroups(fresh);

        // THEN one row went, one came, one changed; no reset; the selection stayed on its group
        QCOMPARE(resets.size(), 0);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, ContactGroupsModel::Jid).data().toString(), joined.jid);
        QCOMPARE(selection.currentIndex().data(ContactGroupsModel::GroupJidRole).toString(),
                 QStringLiteral("g2@g.us"));
        QCOMPARE(
            model.index(selection.currentIndex().row(), ContactGroupsModel::Role).data().toString(),
            QStringLiteral("Admin"));
        QCOMPARE(selection.selectedRows().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestContactGroupsModel)
#include "tst_contactgroupsmodel.moc"

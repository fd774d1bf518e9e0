// Every model under QAbstractItemModelTester (QtTest mode): reading, filter changes, sorting,
// and a sync landing (another connection commits) while the model is in use.
#include "DemoCache.h"

#include "ContactGroupsModel.h"
#include "ContactsModel.h"
#include "DataVersionWatcher.h"
#include "GroupMembersModel.h"
#include "GroupsModel.h"
#include "ProfileCache.h"
#include "ProfileModels.h"
#include "SessionsModel.h"
#include "cache/CacheReader.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

class TestModels : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<ProfileCache> m_cache;
    static constexpr auto Mode = QAbstractItemModelTester::FailureReportingMode::QtTest;

    ContactFilter filter(const QString &text = {}) const
    {
        ContactFilter f;
        f.sessionId = QStringLiteral("demo");
        f.text = text;
        return f;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("cache.sqlite"));
        DemoCache::Spec spec;
        spec.contacts = 1000;
        spec.groups = 6;
        spec.membersPerGroup = 12;
        const QString error = DemoCache::build(m_path, spec);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QString openError;
        m_cache = ProfileCache::open(QStringLiteral("demo-profile"), m_path, &openError);
        QVERIFY2(m_cache, qPrintable(openError));
    }
    void cleanupTestCase() { m_cache.reset(); }

    void contactsPagesAndFilters()
    {
        ContactsModel model(&m_cache->reader());
        model.setPageSize(50);
        model.setMaxPages(4);
        QAbstractItemModelTester tester(&model, Mode);
        model.setFilter(filter());
        QCOMPARE(model.rowCount(), 1000);
        QVERIFY(model.countExact());
        // Every row readable, in pages, with only 4 pages held at a time.
        QStringList names;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString lid = model.index(row, ContactsModel::Lid).data().toString();
            QVERIFY2(lid.endsWith(QLatin1String("@lid")), qPrintable(QString::number(row)));
            names << model.index(row, ContactsModel::Name).data().toString();
        }
        QStringList sorted = names;
        std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
            return a.compare(b, Qt::CaseInsensitive) < 0;
        });
        QCOMPARE(names.first(), sorted.first());
        // Jumping back to the top reads again.
        QVERIFY(!model.index(0, 0).data().toString().isEmpty());

        model.setFilter(filter(QStringLiteral("budi")));
        QVERIFY(model.rowCount() > 0);
        QVERIFY(model.rowCount() < 1000);
        // Every Budi (one contact in 24), plus contacts whose group tag says Budi.
        int budis = 0;
        for (int row = 0; row < model.rowCount(); ++row)
            budis += model.index(row, ContactsModel::Name)
                         .data()
                         .toString()
                         .startsWith(QLatin1String("Budi"))
                ? 1
                : 0;
        QCOMPARE(budis, 42);

        ContactFilter dm = filter();
        dm.source = ContactSource::Dm;
        model.setFilter(dm);
        QCOMPARE(model.rowCount(), 334); // every third contact has a direct chat
        QCOMPARE(model.index(0, ContactsModel::Source).data().toString(),
                 QStringLiteral("Direct chat"));

        ContactFilter group = filter();
        group.groupJid =
            m_cache->models()->groups()->index(0, 0).data(GroupsModel::GroupJidRole).toString();
        m_cache->models()->groups()->setSession(QStringLiteral("demo"));
        group.groupJid =
            m_cache->models()->groups()->index(0, 0).data(GroupsModel::GroupJidRole).toString();
        model.setFilter(group);
        QCOMPARE(model.rowCount(), 12);

        model.setFilter(filter(QStringLiteral("zzzz-nobody")));
        QCOMPARE(model.rowCount(), 0);
    }

    void contactsShortSearchCountIsCorrected()
    {
        ContactsModel model(&m_cache->reader());
        QAbstractItemModelTester tester(&model, Mode);
        model.setFilter(filter(QStringLiteral("a")));
        QVERIFY(model.rowCount() > 0);
        // Reading the last page settles the count to what the pages hold.
        const int last = model.rowCount() - 1;
        model.index(last, 0).data();
        QTRY_VERIFY(model.countExact());
    }

    // Counting in the background: the first page at once, shown as "200+", then the count;
    // when the filter changes before a count arrives, that count is never applied.
    void contactsCountArrivesInTheBackground()
    {
        ContactsModel model(&m_cache->reader());
        model.countInBackground(m_path);
        QAbstractItemModelTester tester(&model, Mode);
        QSignalSpy counted(&model, &ContactsModel::countChanged);
        model.setFilter(filter());
        QCOMPARE(model.rowCount(), 200); // the first page, painted without waiting
        QVERIFY(!model.countExact());
        ContactsModel counted1(&m_cache->reader());
        counted1.setFilter(filter());
        QCOMPARE(model.index(0, ContactsModel::Lid).data().toString(),
                 counted1.index(0, ContactsModel::Lid).data().toString());
        QTRY_COMPARE(model.rowCount(), 1000);
        QVERIFY(model.countExact());
        QCOMPARE(counted.last().at(0).toLongLong(), 1000);

        // Typed on: "Budi" replaces the count of everything before it lands.
        model.setFilter(filter());
        model.setFilter(filter(QStringLiteral("Budi")));
        ContactsModel reference(&m_cache->reader());
        reference.setFilter(filter(QStringLiteral("Budi")));
        QTRY_VERIFY(model.countExact());
        QCOMPARE(model.rowCount(), reference.rowCount());
        QVERIFY(reference.rowCount() > 0 && reference.rowCount() < 1000);

        // A filter whose rows fit in the first page is counted exactly at once.
        model.setFilter(filter(DemoCache::lid(7)));
        QVERIFY(model.countExact());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, ContactsModel::Lid).data().toString(), DemoCache::lid(7));
    }

    // With a counter the total ("of 1,000") is counted there too, never on the caller's thread:
    // unknown (-1) until totalChanged, or taken from the count of a filter that keeps every
    // contact; counted again after a refresh, never per filter change.
    void contactsTotalArrivesInTheBackground()
    {
        ContactsModel model(&m_cache->reader());
        model.countInBackground(m_path);
        QSignalSpy totals(&model, &ContactsModel::totalChanged);
        model.setFilter(filter(QStringLiteral("Budi")));
        QCOMPARE(model.totalCount(), -1);
        QTRY_COMPARE(totals.size(), 1);
        QCOMPARE(totals.last().at(0).toLongLong(), 1000);
        QCOMPARE(model.totalCount(), 1000);
        model.setFilter(filter(QStringLiteral("Budi S")));
        model.setFilter(filter(QStringLiteral("Siti")));
        QTRY_VERIFY(model.countExact());
        QCOMPARE(totals.size(), 1);
        model.refresh();
        QCOMPARE(model.totalCount(), -1);
        QTRY_COMPARE(totals.size(), 2);
        QCOMPARE(model.totalCount(), 1000);

        ContactsModel all(&m_cache->reader());
        all.countInBackground(m_path);
        QSignalSpy allTotals(&all, &ContactsModel::totalChanged);
        all.setFilter(filter());
        QTRY_VERIFY(all.countExact());
        QCOMPARE(allTotals.size(), 1);
        QCOMPARE(all.totalCount(), 1000);

        // Without a counter it is counted when asked, as before.
        ContactsModel direct(&m_cache->reader());
        direct.setFilter(filter(QStringLiteral("Budi")));
        QCOMPARE(direct.totalCount(), 1000);
    }

    // The groups column says in how many groups each contact was seen: the same number as
    // the contact's detail lists.
    void contactsGroupCountColumn()
    {
        ContactsModel model(&m_cache->reader());
        QAbstractItemModelTester tester(&model, Mode);
        model.setFilter(filter());
        int withGroups = 0;
        for (int row = 0; row < model.rowCount(); row += 37) {
            const QString lid = model.index(row, ContactsModel::Lid).data().toString();
            const auto detail = m_cache->reader().contact(QStringLiteral("demo"), lid);
            QVERIFY(detail);
            const QVariant shown = model.index(row, ContactsModel::GroupCount).data();
            QVERIFY2(shown.isValid(), qPrintable(lid));
            QCOMPARE(shown.toInt(), int(detail->detail.groups.size()));
            withGroups += shown.toInt() > 0 ? 1 : 0;
        }
        QVERIFY(withGroups > 0);
    }

    void contactsSort()
    {
        ContactsModel model(&m_cache->reader());
        QAbstractItemModelTester tester(&model, Mode);
        model.setFilter(filter());
        model.sort(ContactsModel::Lid, Qt::DescendingOrder);
        QCOMPARE(model.index(0, ContactsModel::Lid).data().toString(), DemoCache::lid(999));
        model.sort(ContactsModel::Lid, Qt::AscendingOrder);
        QCOMPARE(model.index(0, ContactsModel::Lid).data().toString(), DemoCache::lid(0));
        QCOMPARE(model.filter().sort, ContactSort::Lid);
        model.sort(ContactsModel::Business, Qt::AscendingOrder); // not a reader order: ignored
        QCOMPARE(model.filter().sort, ContactSort::Lid);
    }

    void sessionsModel()
    {
        SessionsModel model(&m_cache->reader());
        QAbstractItemModelTester tester(&model, Mode);
        model.refresh();
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex i = model.index(0);
        QCOMPARE(i.data(SessionsModel::SessionIdRole).toString(), QStringLiteral("demo"));
        QVERIFY(i.data(SessionsModel::ConnectedRole).toBool());
        QCOMPARE(i.data(SessionsModel::StatusTextRole).toString(), QStringLiteral("Connected"));
        QVERIFY(i.data(Qt::DisplayRole).toString().contains(QLatin1String("Support line")));
        QVERIFY(SessionsModel::statusText(QStringLiteral("logged_out"))
                    .contains(QLatin1String("not connected")));
        QVERIFY(SessionsModel::badgeColor(QStringLiteral("working"))
                != SessionsModel::badgeColor(QStringLiteral("failed")));
    }

    void groupsAndMembers()
    {
        GroupsModel groups(&m_cache->reader());
        GroupMembersModel members(&m_cache->reader());
        QAbstractItemModelTester t1(&groups, Mode);
        QAbstractItemModelTester t2(&members, Mode);
        groups.setSession(QStringLiteral("demo"));
        QCOMPARE(groups.rowCount(), 6);
        const QString jid = groups.index(0, 0).data(GroupsModel::GroupJidRole).toString();
        QVERIFY(jid.endsWith(QLatin1String("@g.us")));
        members.setGroup(QStringLiteral("demo"), jid);
        QCOMPARE(members.rowCount(), 12);
        // Owner first, then admins.
        QCOMPARE(members.index(0, GroupMembersModel::Role).data().toString(),
                 QStringLiteral("Owner"));
        QCOMPARE(members.index(1, GroupMembersModel::Role).data().toString(),
                 QStringLiteral("Admin"));
        QCOMPARE(members.index(5, GroupMembersModel::Role).data().toString(),
                 QStringLiteral("Member"));
        QVERIFY(!members.index(1, GroupMembersModel::Tag).data().toString().isEmpty());
        groups.setSession(QString());
        QCOMPARE(groups.rowCount(), 0);
    }

    void contactGroups()
    {
        ContactGroupsModel model;
        QAbstractItemModelTester tester(&model, Mode);
        const auto detail = m_cache->reader().contact(QStringLiteral("demo"), DemoCache::lid(0));
        QVERIFY(detail);
        QVERIFY(!detail->detail.groups.isEmpty());
        model.setGroups(detail->detail.groups);
        QCOMPARE(model.rowCount(), detail->detail.groups.size());
        QCOMPARE(model.index(0, ContactGroupsModel::Role).data().toString(),
                 QStringLiteral("Owner"));
        QVERIFY(!model.index(0, ContactGroupsModel::Tag).data().toString().isEmpty());
        model.setGroups({});
        QCOMPARE(model.rowCount(), 0);
    }

    // Runs last: it adds rows. Another connection commits, the watcher sees it, every model
    // refreshes under its tester and the selected contact keeps its row.
    void syncLandsWhileOpen()
    {
        ContactsModel *contacts = m_cache->models()->contacts();
        QAbstractItemModelTester t1(contacts, Mode);
        QAbstractItemModelTester t2(m_cache->models()->sessions(), Mode);
        QAbstractItemModelTester t3(m_cache->models()->groups(), Mode);
        QAbstractItemModelTester t4(m_cache->models()->members(), Mode);
        contacts->setFilter(filter());
        m_cache->models()->groups()->setSession(QStringLiteral("demo"));
        const QString jid =
            m_cache->models()->groups()->index(0, 0).data(GroupsModel::GroupJidRole).toString();
        m_cache->models()->members()->setGroup(QStringLiteral("demo"), jid);
        const QString firstLid = contacts->index(0, ContactsModel::Lid).data().toString();
        QTRY_COMPARE(contacts->rowCount(), 1000); // the window's model counts in the background

        QSignalSpy changed(m_cache->models()->watcher(), &DataVersionWatcher::changed);
        QSignalSpy refreshed(m_cache->models(), &ProfileModels::refreshed);
        DemoCache::Spec more;
        more.contacts = 200;
        more.firstContact = 1000;
        more.groups = 6;
        more.membersPerGroup = 12;
        const QString error = DemoCache::build(m_path, more);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() > 0, 10000);
        QTRY_COMPARE(contacts->rowCount(), 1200);
        QVERIFY(contacts->countExact());
        QCOMPARE(contacts->index(0, ContactsModel::Lid).data().toString(), firstLid);
        QCOMPARE(m_cache->models()->members()->rowCount(), 12);
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"

// ContactDetailModel: the contact the detail pane shows, from a real cache at once and then
// live from the simulator through a real GatewayClient.
#include "ContactDetailModel.h"
#include "ContactGroupsModel.h"
#include "ModelTestCache.h"
#include "gateway/GatewayClient.h"

#include "SimulatorProcess.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QtTest>

class TestContactDetailModel : public QObject
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

    void shouldShowTheCachedContactAndItsGroupsAtOnce()
    {
        // GIVEN a model over the cache, without a gateway
        ContactDetailModel model(&m_cache.reader());
        QAbstractItemModelTester tester(model.groups(), ModelTestCache::kTesterMode);
        QSignalSpy changed(&model, &ContactDetailModel::changed);

        // WHEN a contact that owns a group is shown
        model.show(m_cache.sessionId(), DemoCache::lid(0));

        // THEN its row and groups are there without waiting, marked as cached
        QVERIFY(changed.count() >= 1);
        QVERIFY(model.contact().has_value());
        QCOMPARE(model.contact()->contact.lid, DemoCache::lid(0));
        QVERIFY(model.contact()->contact.name.has_value());
        QCOMPARE(model.freshness(), ContactDetailModel::Freshness::Cached);
        QVERIFY(model.groups()->rowCount() > 0);
        QCOMPARE(model.sessionId(), m_cache.sessionId());
    }

    void shouldShowAContactTheCacheDoesNotHoldByItsLid()
    {
        // GIVEN a model over the cache
        ContactDetailModel model(&m_cache.reader());

        // WHEN an unknown contact is shown
        model.show(m_cache.sessionId(), QStringLiteral("999999999999999@lid"));

        // THEN it is shown by its LID alone, with no groups
        QVERIFY(model.contact().has_value());
        QCOMPARE(model.contact()->contact.lid, QStringLiteral("999999999999999@lid"));
        QVERIFY(!model.contact()->contact.name.has_value());
        QCOMPARE(model.groups()->rowCount(), 0);
    }

    void shouldForgetTheContactWhenCleared()
    {
        // GIVEN a contact shown
        ContactDetailModel model(&m_cache.reader());
        model.show(m_cache.sessionId(), DemoCache::lid(0));
        QSignalSpy changed(&model, &ContactDetailModel::changed);

        // WHEN cleared
        model.clear();

        // THEN nothing is shown
        QCOMPARE(changed.count(), 1);
        QVERIFY(!model.contact().has_value());
        QCOMPARE(model.freshness(), ContactDetailModel::Freshness::None);
        QCOMPARE(model.groups()->rowCount(), 0);
        QVERIFY(model.lid().isEmpty());
    }

    void shouldTakeTheGatewaysLiveAnswer()
    {
        // GIVEN the simulator and a client pointed at it
        SimulatorProcess sim;
        QVERIFY2(sim.start({QStringLiteral("--seed"), QStringLiteral("11"),
                            QStringLiteral("--contacts"), QStringLiteral("20")}),
                 qPrintable(sim.errorString()));
        GatewayClient client;
        client.setEndpoint(sim.url(), QStringLiteral("wa_demo"));
        std::optional<GatewayResult<Page<Contact>>> page;
        client.listContacts(sim.workingSession().id, {}, this,
                            [&](const GatewayResult<Page<Contact>> &r) { page = r; });
        QTRY_VERIFY_WITH_TIMEOUT(page.has_value(), 20000);
        QVERIFY(page->ok() && !page->value->items.isEmpty());
        const QString lid = page->value->items.first().lid;
        ContactDetailModel model(&m_cache.reader());
        model.setClient(&client);

        // WHEN a contact of that session is shown
        model.show(sim.workingSession().id, lid);

        // THEN the gateway's answer replaces the cached view
        QTRY_COMPARE_WITH_TIMEOUT(model.freshness(), ContactDetailModel::Freshness::Live, 20000);
        QCOMPARE(model.contact()->contact.lid, lid);
        QVERIFY(model.contact()->detailSyncedAt.has_value());
    }

    // The realtime feed renames the contact shown and it joins a group: the detail says so,
    // its groups change in place, the selected group stays selected.
    void shouldRefreshTheShownContactInPlaceWhenItChangesLive()
    {
        // GIVEN a cache of its own and a model showing a contact in a group, its first group
        // selected
        ModelTestCache cache;
        const QString error = cache.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        ContactDetailModel model(&cache.reader());
        QAbstractItemModelTester tester(model.groups(), ModelTestCache::kTesterMode);
        const QString lid = DemoCache::lid(0);
        model.show(cache.sessionId(), lid);
        const int groupsBefore = model.groups()->rowCount();
        QVERIFY(groupsBefore > 0);
        const QString selectedJid =
            model.groups()->index(0, 0).data(ContactGroupsModel::GroupJidRole).toString();
        QItemSelectionModel selection(model.groups());
        selection.setCurrentIndex(model.groups()->index(0, 0),
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QString joined;
        for (int g = 0; joined.isEmpty() && g < 6; ++g) {
            const QString jid = QStringLiteral("1203630%1@g.us").arg(g, 8, 10, QLatin1Char('0'));
            bool member = false;
            for (int row = 0; row < groupsBefore; ++row)
                member = member
                    || model.groups()->index(row, 0).data(ContactGroupsModel::GroupJidRole) == jid;
            if (!member)
                joined = jid;
        }
        QVERIFY(!joined.isEmpty());
        QSignalSpy changed(&model, &ContactDetailModel::changed);
        QSignalSpy resets(model.groups(), &QAbstractItemModel::modelReset);
        QSignalSpy inserted(model.groups(), &QAbstractItemModel::rowsInserted);

        // WHEN the feed renames it and it joins a group it was not in, and the model refreshes
        const QString applyError = cache.applyLive(
            {ModelTestCache::renamed(lid, QStringLiteral("Renamed live")),
             ModelTestCache::participants(joined, {lid}, {})});
        QVERIFY2(applyError.isEmpty(), qPrintable(applyError));
        model.refresh();

        // THEN the detail shows the new name and the group was inserted, without a reset
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.contact()->contact.name.value_or(QString()), QStringLiteral("Renamed live"));
        QCOMPARE(model.groups()->rowCount(), groupsBefore + 1);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(selection.currentIndex().data(ContactGroupsModel::GroupJidRole).toString(),
                 selectedJid);
        QCOMPARE(selection.selectedRows().size(), 1);

        // AND a refresh with nothing new says nothing
        model.refresh();
        QCOMPARE(changed.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestContactDetailModel)
#include "tst_contactdetailmodel.moc"

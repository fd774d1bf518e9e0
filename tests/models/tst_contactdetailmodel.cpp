// ContactDetailModel: the contact the detail pane shows, from a real cache at once and then
// live from the simulator through a real GatewayClient.
#include "ContactDetailModel.h"
#include "ContactGroupsModel.h"
#include "ModelTestCache.h"
#include "gateway/GatewayClient.h"

#include "SimulatorProcess.h"

#include <QAbstractItemModelTester>
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
};

QTEST_GUILESS_MAIN(TestContactDetailModel)
#include "tst_contactdetailmodel.moc"

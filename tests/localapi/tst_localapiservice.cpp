// LocalApiService without a signed-in profile: token made, server listening on the cache,
// discovery file written and removed, token regenerated (the old one refused).
#include "localapi/LocalApiService.h"
#include "localapi/LocalApiToken.h"

#include "HttpTestClient.h"

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestLocalApiService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsServesRegeneratesAndStops()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString discovery = dir.filePath(QStringLiteral("run/local-api.json"));
        LocalApiService service(nullptr);
        QCOMPARE(service.port(), LocalApiService::kDefaultPort);
        service.setPort(0);
        service.setDatabasePath(
            dir.filePath(QStringLiteral("cache.sqlite"))); // not there yet: made empty
        service.setDiscoveryFile(discovery);
        QSignalSpy listening(&service, &LocalApiService::listening);
        service.start();
        QVERIFY(listening.wait(10000));
        QVERIFY(service.isListening());
        QCOMPARE(service.url(), listening.first().first().toUrl());
        QVERIFY(LocalApiToken::isWellFormed(service.token()));
        QVERIFY(QFile::exists(discovery));
        QVERIFY(QFile(discovery).open(QIODevice::ReadOnly));

        const quint16 port = quint16(service.url().port());
        HttpReply r = roundTrip(port,
                                httpRequest("GET", "/api/v1/sessions", port, service.token()));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("data")).toArray().size(), 0);
        // Not signed in: the live routes say so.
        r = roundTrip(port,
                      httpRequest("POST", "/api/v1/sessions/s/contacts/1%40lid/block", port,
                                  service.token()));
        QCOMPARE(r.status, 503);
        QCOMPARE(r.errorCode(), QStringLiteral("gateway_unavailable"));
        // No sync trigger here.
        r = roundTrip(
            port, httpRequest("POST", "/api/v1/console/sessions/s/sync", port, service.token()));
        QCOMPARE(r.status, 501);

        const QByteArray old = service.token();
        QSignalSpy changed(&service, &LocalApiService::tokenChanged);
        listening.clear();
        service.regenerateToken();
        QCOMPARE(changed.size(), 1);
        QVERIFY(listening.wait(10000));
        QVERIFY(service.token() != old);
        const quint16 port2 = quint16(service.url().port());
        QCOMPARE(roundTrip(port2, httpRequest("GET", "/api/v1/sessions", port2, old)).status, 401);
        QCOMPARE(
            roundTrip(port2, httpRequest("GET", "/api/v1/sessions", port2, service.token())).status,
            200);

        service.stop();
        QVERIFY(!service.isListening());
        QVERIFY(!QFile::exists(discovery));
    }

    void reportsAPortInUse()
    {
        QTemporaryDir dir;
        LocalApiService first(nullptr);
        first.setPort(0);
        first.setDatabasePath(dir.filePath(QStringLiteral("cache.sqlite")));
        first.setDiscoveryFile({}, false);
        QSignalSpy listening(&first, &LocalApiService::listening);
        first.start();
        QVERIFY(listening.wait(10000));
        LocalApiService second(nullptr);
        second.setPort(quint16(first.url().port()));
        second.setDatabasePath(dir.filePath(QStringLiteral("cache.sqlite")));
        second.setDiscoveryFile({}, false);
        QSignalSpy failed(&second, &LocalApiService::failed);
        second.start();
        QVERIFY(failed.wait(10000));
        QVERIFY(!second.isListening());
    }
};

QTEST_GUILESS_MAIN(TestLocalApiService)
#include "tst_localapiservice.moc"

#include "core/AppInfo.h"
#include "core/DiagnosticsReport.h"
#include "core/RecentMessages.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

class TestDiagnosticsReport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { RecentMessages::install(); }

    void saysWhatSupportNeedsAndNoSecret()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QSettings settings(dir.filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("contacts/sortColumn"), 3);
        settings.setValue(QStringLiteral("profiles/acme/url"),
                          QStringLiteral("https://gw.example"));
        settings.setValue(QStringLiteral("window/geometry"), QByteArray(64, 'x'));
        // Never written by the console; a key that names a secret is masked all the same.
        settings.setValue(QStringLiteral("legacy/apiToken"), QStringLiteral("tok-should-not-show"));

        RecentMessages::clear();
        qWarning("sync failed: 503 (request id req-7)");

        DiagnosticsReport report;
        report.addFact(QStringLiteral("Profile"), QStringLiteral("acme"));
        report.addFact(QStringLiteral("Gateway"), QStringLiteral("https://gw.example"));
        report.setSettings(&settings);
        const QString text = report.text();

        QVERIFY(text.startsWith(AppInfo::displayName() + QLatin1Char(' ') + AppInfo::version()));
        QVERIFY(text.contains(QLatin1String("Qt ") + QLatin1String(qVersion())));
        QVERIFY(text.contains(QLatin1String("Profile: acme")));
        QVERIFY(text.contains(QLatin1String("contacts/sortColumn = 3")));
        QVERIFY(text.contains(QLatin1String("profiles/acme/url = https://gw.example")));
        QVERIFY(text.contains(QLatin1String("window/geometry = <64 bytes>")));
        QVERIFY(text.contains(QLatin1String("sync failed: 503 (request id req-7)")));
        QVERIFY(text.contains(QLatin1String("legacy/apiToken = [redacted]")));
        QVERIFY(!text.contains(QLatin1String("tok-should-not-show")));
    }

    void factsAreRedactedToo()
    {
        DiagnosticsReport report;
        report.addFact(QStringLiteral("Gateway"),
                       QStringLiteral("https://gw.example/?token=abc123def"));
        QVERIFY(!report.text().contains(QLatin1String("abc123def")));
    }
};

QTEST_GUILESS_MAIN(TestDiagnosticsReport)
#include "tst_diagnosticsreport.moc"

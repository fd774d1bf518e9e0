#include "cache/CacheLocation.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

class TestCacheLocation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void directoryNamesAreSafeAndDistinct();
    void pathIsUnderProfilesRoot();
    void purgeAndRename();
};

void TestCacheLocation::directoryNamesAreSafeAndDistinct()
{
    const QStringList names{QStringLiteral("Work"),           QStringLiteral("work"),
                            QStringLiteral("Kantor Jakarta"), QStringLiteral("عمل"),
                            QStringLiteral("工作"),           QStringLiteral("😀😀"),
                            QStringLiteral("../../etc"),      QStringLiteral("CON"),
                            QStringLiteral("a:b*c?"),         QString(200, QLatin1Char('x'))};
    const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_-]{1,32}-[0-9a-f]{12}$"));
    QSet<QString> seen;
    for (const QString &name : names) {
        const QString dir = CacheLocation::directoryName(name);
        QVERIFY2(safe.match(dir).hasMatch(), qPrintable(dir));
        QVERIFY2(!seen.contains(dir.toLower()),
                 qPrintable(dir)); // distinct even case-insensitively
        seen.insert(dir.toLower());
        QCOMPARE(CacheLocation::directoryName(name), dir); // stable
    }
    QVERIFY(
        CacheLocation::directoryName(QStringLiteral("工作")).startsWith(QLatin1String("profile-")));
    QVERIFY(
        CacheLocation::directoryName(QStringLiteral("Work")).startsWith(QLatin1String("Work-")));
}

void TestCacheLocation::pathIsUnderProfilesRoot()
{
    const QString path = CacheLocation::databasePath(QStringLiteral("Work"));
    QVERIFY(path.startsWith(CacheLocation::profilesRoot() + QLatin1Char('/')));
    QVERIFY(path.endsWith(QLatin1String("/cache.sqlite")));
    QCOMPARE(CacheLocation::databasePath(QStringLiteral("Work"), QStringLiteral("/r")),
             QStringLiteral("/r/") + CacheLocation::directoryName(QStringLiteral("Work"))
                 + QStringLiteral("/cache.sqlite"));
}

void TestCacheLocation::purgeAndRename()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QString path = CacheLocation::databasePath(QStringLiteral("A"), root.path());
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile f(path + suffix);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    QString error;
    QVERIFY(CacheLocation::rename(QStringLiteral("A"), QStringLiteral("B"), &error, root.path()));
    QVERIFY(!QFile::exists(path));
    const QString moved = CacheLocation::databasePath(QStringLiteral("B"), root.path());
    QVERIFY(QFile::exists(moved));
    QVERIFY(CacheLocation::purge(QStringLiteral("B"), &error, root.path()));
    QVERIFY(!QFile::exists(moved));
    QVERIFY(!QFileInfo::exists(QFileInfo(moved).absolutePath()));
    QVERIFY(CacheLocation::purge(QStringLiteral("never"), &error, root.path())); // nothing to do
    QVERIFY(
        CacheLocation::rename(QStringLiteral("never"), QStringLiteral("x"), &error, root.path()));
}

QTEST_GUILESS_MAIN(TestCacheLocation)
#include "tst_cachelocation.moc"

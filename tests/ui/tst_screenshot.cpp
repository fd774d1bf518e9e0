// Renders the main window over a 10,000-contact demo cache (offscreen grab) and saves it as
// a build artefact: build/screenshots/main-window.png.
#include "DemoCache.h"

#include "ContactDetailPane.h"
#include "ContactGroupsModel.h"
#include "ContactsModel.h"
#include "ContactsPane.h"
#include "MainWindow.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

class tst_Screenshot : public QObject
{
    Q_OBJECT
private slots:
    void mainWindow()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("gc-screenshot-test"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        DemoCache::Spec spec; // 10,000 contacts
        const QString error = DemoCache::build(path, spec);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        MainWindow window;
        QString openError;
        QVERIFY2(window.openProfile(QStringLiteral("Acme support"), path, &openError), qPrintable(openError));
        window.resize(1440, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        ContactsPane *contacts = window.contactsPane();
        QTRY_COMPARE(contacts->model()->rowCount(), 10000); // counted in the background
        contacts->searchBox()->setText(QStringLiteral("budi"));
        QTRY_VERIFY(contacts->model()->filter().text == QLatin1String("budi"));
        QTRY_VERIFY(contacts->model()->countExact()); // the screenshot shows the final count
        QVERIFY(contacts->model()->rowCount() > 0);
        contacts->view()->setCurrentIndex(contacts->model()->index(0, 0));
        QTRY_VERIFY(!window.detailPane()->lid().isEmpty());
        QVERIFY(window.detailPane()->groupsModel()->rowCount() > 0);
        QVERIFY(contacts->countLabel()->text().contains(QLatin1String("of 10,000")));

        const QImage image = window.grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(QDir().mkpath(QStringLiteral(GC_SCREENSHOT_DIR)));
        const QString out = QStringLiteral(GC_SCREENSHOT_DIR "/main-window.png");
        QVERIFY(image.save(out));
        qInfo("screenshot: %s", qPrintable(out));
    }
};

QTEST_MAIN(tst_Screenshot)
#include "tst_screenshot.moc"

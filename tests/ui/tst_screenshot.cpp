// Renders the main window over a 10,000-contact demo cache (offscreen grab) in every
// language, saves each as a build artefact (build/screenshots/main-window-<lang>.png) and
// fails when any text in it is clipped.
#include "ClippedText.h"
#include "DemoCache.h"

#include "ContactDetailPane.h"
#include "ContactGroupsModel.h"
#include "ContactsModel.h"
#include "ContactsPane.h"
#include "MainWindow.h"
#include "ProfileCache.h"
#include "auth/CredentialStore.h"
#include "auth/ProfileStore.h"
#include "auth/SignInController.h"
#include "core/Translations.h"
#include "signin/SignInDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QtTest>

class TestScreenshot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("gc-screenshot-test"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        m_cache = m_dir.filePath(QStringLiteral("cache.sqlite"));
        DemoCache::Spec spec; // 10,000 contacts
        const QString error = DemoCache::build(m_cache, spec);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanupTestCase() { QVERIFY(Translations::install(QStringLiteral("en"))); }

    // The check must be able to fail: one cut text of each kind it looks at.
    void clippedTextIsFound()
    {
        QWidget root;
        auto layout = new QVBoxLayout(&root);
        const QString longText = QStringLiteral("A text far too long for the room it is given");
        auto label = new QLabel(longText);
        label->setMinimumWidth(10);
        auto button = new QPushButton(longText);
        button->setMinimumSize(10, 10);
        auto box = new QGroupBox(longText);
        box->setMinimumWidth(10);
        auto tabs = new QTabWidget;
        tabs->addTab(new QWidget, longText);
        tabs->tabBar()->setElideMode(Qt::ElideRight);
        tabs->setMinimumWidth(10);
        auto bar = new QMenuBar;
        bar->addMenu(longText);
        bar->addMenu(QStringLiteral("&Second"));
        auto wrapped = new QLabel(longText); // word-wrapped labels may take more lines
        wrapped->setWordWrap(true);
        for (QWidget *w : {static_cast<QWidget *>(bar), static_cast<QWidget *>(label),
                           static_cast<QWidget *>(button), static_cast<QWidget *>(box),
                           static_cast<QWidget *>(tabs), static_cast<QWidget *>(wrapped)}) {
            w->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
            layout->addWidget(w);
        }
        root.resize(120, 400);
        root.show();
        QVERIFY(QTest::qWaitForWindowExposed(&root));
        const QString found = ClippedText::find(&root).join(QLatin1Char('\n'));
        for (const char *kind : {"label '", "button '", "group box '", "tab '", "menu '"})
            QVERIFY2(found.contains(QLatin1String(kind) + longText),
                     qPrintable(kind + (":\n" + found)));
        QCOMPARE(found.count(QLatin1String("label '")), 1);

        root.resize(2000, 400);
        QTRY_VERIFY2(ClippedText::find(&root).isEmpty(),
                     qPrintable(ClippedText::find(&root).join(QLatin1Char('\n'))));
    }

    void mainWindow_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("ofTotal"); // the count label's "of 10,000", localized
        QTest::addColumn<QString>("cancel");  // Qt's standard button, from our catalogue
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("of 10,000")
                            << QStringLiteral("Cancel");
        QTest::newRow("id") << QStringLiteral("id") << QStringLiteral("dari 10.000")
                            << QStringLiteral("Batal");
        QTest::newRow("pt_BR") << QStringLiteral("pt_BR") << QStringLiteral("de 10.000")
                               << QStringLiteral("Cancelar");
    }

    void mainWindow()
    {
        QFETCH(QString, lang);
        QFETCH(QString, ofTotal);
        QFETCH(QString, cancel);
        QString langError;
        QVERIFY2(Translations::install(lang, &langError), qPrintable(langError));
        // Each language starts from no saved layout, as on a first start.
        QTemporaryDir settings;
        QVERIFY(settings.isValid());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());

        // The sign-in parts too (Profile menu, status bar), never started: no keychain is read.
        ProfileStore profiles(settings.filePath(QStringLiteral("profiles.ini")));
        CredentialStore credentials;
        SignInController signIn(&profiles, &credentials);
        QString openError;
        std::unique_ptr<ProfileCache> cache = ProfileCache::open(QStringLiteral("Acme support"),
                                                                 m_cache, &openError);
        QVERIFY2(cache, qPrintable(openError));
        MainWindow window;
        window.setSignInController(&signIn);
        window.attach(cache->models(), nullptr);
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
        QVERIFY2(contacts->countLabel()->text().contains(ofTotal),
                 qPrintable(contacts->countLabel()->text()));

        const QImage image = window.grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(QDir().mkpath(QStringLiteral(GC_SCREENSHOT_DIR)));
        const QString out = QStringLiteral(GC_SCREENSHOT_DIR "/main-window-%1.png").arg(lang);
        QVERIFY(image.save(out));
        qInfo("screenshot: %s", qPrintable(out));

        QStringList clipped = ClippedText::find(&window);

        // The sign-in dialog (its .ui strings) at the size it opens with.
        SignInDialog dialog(&signIn);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.grab().save(QStringLiteral(GC_SCREENSHOT_DIR "/sign-in-%1.png").arg(lang)));
        clipped += ClippedText::find(&dialog);
        const auto buttons = dialog.findChild<QDialogButtonBox *>();
        QVERIFY(buttons);
        QCOMPARE(buttons->button(QDialogButtonBox::Cancel)->text(), cancel);
        QVERIFY2(clipped.isEmpty(),
                 qPrintable(QStringLiteral("clipped in %1:\n  ").arg(lang)
                            + clipped.join(QStringLiteral("\n  "))));
    }

private:
    QTemporaryDir m_dir;
    QString m_cache;
};

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"

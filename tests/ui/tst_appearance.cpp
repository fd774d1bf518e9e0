// "Looks right in light and dark palettes and at 200% scaling": the window over a demo cache is
// rendered under each palette (ctest runs it once more with QT_SCALE_FACTOR=2) and every
// visible text — labels, buttons, tabs, headers, table rows, the status badges — must stand
// out from what is behind it (WCAG contrast ≥ 4.5, measured on the rendered pixels, so a
// hard-coded colour that vanishes on a dark palette fails). Screenshots are saved as artefacts.
#include "DemoCache.h"

#include "ContactDetailPane.h"
#include "ContactsModel.h"
#include "ContactsPane.h"
#include "MainWindow.h"
#include "ProfileCache.h"
#include "SessionsPane.h"
#include "SyncBar.h"
#include "auth/CredentialStore.h"
#include "auth/ProfileStore.h"
#include "auth/SignInController.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStatusBar>
#include <QStyleFactory>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

namespace {

double luminance(QRgb c)
{
    auto channel = [](int v) {
        const double s = v / 255.0;
        return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(qRed(c)) + 0.7152 * channel(qGreen(c)) + 0.0722 * channel(qBlue(c));
}

double contrast(QRgb a, QRgb b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The most common colour of the rendered widget is its background; its text is the pixel that
// differs most from it. Antialiasing only lowers the figure, so this is a fair lower bound
// for the text's core pixels.
double renderedContrast(QWidget *widget)
{
    const QImage image = widget->grab().toImage().convertToFormat(QImage::Format_RGB32);
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            ++counts[line[x] & 0xffffff];
    }
    QRgb background = 0;
    int best = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > best) {
            best = it.value();
            background = it.key();
        }
    double most = 1.0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        most = std::max(most, contrast(background, it.key()));
    return most;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x3a, 0x3d, 0x41));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x41));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x8a, 0x8a, 0x8a));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x8a, 0x8a, 0x8a));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x8a, 0x8a, 0x8a));
    return p;
}

} // namespace

class TestAppearance : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_cachePath;

    // Opens the demo cache, shows the window and selects the first contact (detail filled).
    void showWithFirstContact(MainWindow &window, std::unique_ptr<ProfileCache> &cache)
    {
        QString error;
        cache = ProfileCache::open(QStringLiteral("Acme support"), m_cachePath, &error);
        QVERIFY2(cache, qPrintable(error));
        window.attach(cache->models(), nullptr);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ContactsPane *contacts = window.contactsPane();
        QTRY_VERIFY(contacts->model()->rowCount() > 0);
        contacts->view()->setCurrentIndex(contacts->model()->index(0, 0));
        QTRY_VERIFY(!window.detailPane()->lid().isEmpty());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("gc-appearance-test"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
        m_cachePath = m_dir.filePath(QStringLiteral("cache.sqlite"));
        DemoCache::Spec spec;
        spec.contacts = 2000;
        const QString error = DemoCache::build(m_cachePath, spec);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    }

    // Every control a keyboard can reach has a name a screen reader can say, and Tab walks the
    // window in reading order: sessions, search, found-in filter, contacts, then the detail.
    void everyControlIsNamedAndInReadingOrder()
    {
        std::unique_ptr<ProfileCache> cache;
        MainWindow window;
        showWithFirstContact(window, cache);
        if (QTest::currentTestFailed())
            return;
        ContactsPane *contacts = window.contactsPane();

        QStringList unnamed;
        for (QWidget *w : window.findChildren<QWidget *>()) {
            if (!w->isVisible() || w->focusPolicy() == Qt::NoFocus || !w->isEnabled())
                continue;
            QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
            QVERIFY(a);
            if (a->text(QAccessible::Name).trimmed().isEmpty())
                unnamed << QStringLiteral("%1 '%2'").arg(
                    QLatin1String(w->metaObject()->className()), w->objectName());
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1String(", "))));

        QList<QWidget *> chain;
        QWidget *w = window.sessionsPane()->view();
        for (int i = 0; i < 200 && (chain.isEmpty() || w != chain.first()); ++i) {
            chain << w;
            w = w->nextInFocusChain();
        }
        auto at = [&](QWidget *target) { return chain.indexOf(target); };
        const QList<QWidget *> order = {window.sessionsPane()->view(), contacts->searchBox(),
                                        contacts->findChild<QComboBox *>(), contacts->view(),
                                        window.detailPane()->unblockButton()};
        for (int i = 1; i < order.size(); ++i) {
            QVERIFY2(order[i] && at(order[i]) >= 0, qPrintable(QString::number(i)));
            QVERIFY2(at(order[i - 1]) < at(order[i]),
                     qPrintable(QStringLiteral("%1 comes after %2 in the Tab order")
                                    .arg(QLatin1String(order[i - 1]->metaObject()->className()),
                                         QLatin1String(order[i]->metaObject()->className()))));
        }
    }

    void textStandsOut_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void textStandsOut()
    {
        QFETCH(bool, dark);
        QApplication::setPalette(dark ? darkPalette() : QApplication::style()->standardPalette());

        // A sign-in controller only so the status bar has its sync bar and offline badge;
        // nothing signs in.
        ProfileStore profiles(m_dir.filePath(QStringLiteral("profiles.ini")));
        CredentialStore keychain;
        SignInController signIn(&profiles, &keychain);
        std::unique_ptr<ProfileCache> cache;
        MainWindow window;
        window.setSignInController(&signIn);
        window.resize(1440, 860);
        showWithFirstContact(window, cache);
        if (QTest::currentTestFailed())
            return;
        window.syncBar()->setReachable(false); // the offline badge
        QVERIFY(window.syncBar()->offlineLabel()->isVisible());

        const qreal ratio = window.devicePixelRatio();
        const QString suffix = (dark ? QStringLiteral("dark") : QStringLiteral("light"))
            + (ratio > 1 ? QStringLiteral("-%1x").arg(ratio) : QString());
        QVERIFY(QDir().mkpath(QStringLiteral(GC_SCREENSHOT_DIR)));

        QStringList faint;
        auto check = [&](QWidget *w, const QString &what) {
            // Disabled controls are meant to recede (WCAG exempts them).
            if (!w->isVisible() || !w->isEnabled() || w->width() < 4 || w->height() < 4)
                return;
            const double c = renderedContrast(w);
            if (c < 4.5)
                faint << QStringLiteral("%1 (%2): %3").arg(what, w->objectName()).arg(c, 0, 'f', 2);
        };
        auto checkAll = [&](const QString &state) {
            for (QLabel *label : window.findChildren<QLabel *>())
                if (!label->text().isEmpty() && label->pixmap().isNull())
                    check(label,
                          state + QLatin1String(" label '") + label->text().left(30)
                              + QLatin1Char('\''));
            for (QAbstractButton *button : window.findChildren<QAbstractButton *>())
                if (!button->text().isEmpty())
                    check(button,
                          state + QLatin1String(" button '") + button->text() + QLatin1Char('\''));
            for (QTabBar *tabs : window.findChildren<QTabBar *>())
                check(tabs, state + QLatin1String(" tab bar"));
            for (QTableView *view : window.findChildren<QTableView *>()) {
                check(view->horizontalHeader(), state + QLatin1String(" header"));
                if (view->model() && view->model()->rowCount() > 0)
                    check(view->viewport(), state + QLatin1String(" rows"));
            }
        };

        checkAll(QStringLiteral("idle"));
        QVERIFY(window.grab().save(
            QStringLiteral(GC_SCREENSHOT_DIR "/main-window-%1.png").arg(suffix)));
        window.detailPane()->setBusy(true, QStringLiteral("Unblocking…"));
        checkAll(QStringLiteral("busy"));
        window.detailPane()->setBusy(false, QString());
        window.detailPane()->showResult(true, QStringLiteral("Unblocked."));
        checkAll(QStringLiteral("done"));
        window.detailPane()->showResult(false, QStringLiteral("The session is not connected."));
        checkAll(QStringLiteral("failed"));
        QVERIFY2(faint.isEmpty(), qPrintable(faint.join(QLatin1String("\n"))));

        // Fixed row heights come from the font, so a scaled screen still fits a line of text.
        for (QTableView *view : window.findChildren<QTableView *>())
            QVERIFY(view->verticalHeader()->defaultSectionSize() >= view->fontMetrics().height());
        if (qEnvironmentVariableIsSet("QT_SCALE_FACTOR"))
            QCOMPARE(ratio, qEnvironmentVariable("QT_SCALE_FACTOR").toDouble());
    }
};

QTEST_MAIN(TestAppearance)
#include "tst_appearance.moc"

// The sign-in dialog and the window with no D-Bus at all (the bus address points at a socket
// that does not exist): the message names the cause, nothing falls back silently, and the
// user's choice to keep the token for this run only signs in. The token reaches no file under
// the private HOME and no log line.
#include "MainWindow.h"
#include "auth/CredentialStore.h"
#include "auth/SignInController.h"
#include "core/AppInfo.h"
#include "signin/ProfilesMenu.h"
#include "signin/SignInDialog.h"
#include "signin/SignInStatus.h"

#include "NoKeychainEnvironment.h"
#include "SecretScan.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

constexpr int kTimeoutMs = 20000;

template <typename T>
T *child(QWidget *parent, const char *objectName)
{
    return parent->findChild<T *>(QString::fromLatin1(objectName));
}

void type(QWidget *dialog, const char *field, const QString &text)
{
    auto *edit = child<QLineEdit>(dialog, field);
    edit->clear();
    QTest::keyClicks(edit, text);
}

QPushButton *okButton(QWidget *dialog)
{
    return child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok);
}

} // namespace

class TestSignInDialogNoKeychain : public QObject
{
    Q_OBJECT
public:
    explicit TestSignInDialogNoKeychain(const QString &home)
        : m_home(home)
    {
    }

private:
    QString m_home;
    SecretScan::Capture m_capture;
    QStringList m_secrets;

    QString secretKey()
    {
        m_secrets << "wa_dlg_nokc_" + QUuid::createUuid().toString(QUuid::Id128);
        return m_secrets.last();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_capture.start(m_home + "/stderr.log")); }
    void cleanupTestCase() { m_capture.stop(); }

    void dialogOffersMemoryOnly()
    {
        ProfileStore profiles(m_home + "/dialog.ini");
        CredentialStore credentials;
        SignInController c(&profiles, &credentials);
        SignInDialog dialog(&c);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.open();
        type(&dialog, "profileEdit", "nokc");
        type(&dialog, "urlEdit", "https://gateway.example.com");
        type(&dialog, "tokenEdit", secretKey());
        auto *error = child<QLabel>(&dialog, "errorLabel");
        auto *memory = child<QPushButton>(&dialog, "memoryOnlyButton");
        QVERIFY(memory->isHidden());

        QTest::mouseClick(okButton(&dialog), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), kTimeoutMs);
        QVERIFY(dialog.isVisible());
        QCOMPARE(accepted.count(), 0);
        QVERIFY2(error->text().contains("D-Bus") && error->text().contains("this run only"),
                 qPrintable(error->text()));
        QVERIFY(!memory->isHidden());
        QVERIFY(!c.isMemoryOnly());          // never chosen silently
        QVERIFY(!profiles.contains("nokc")); // nothing saved half-way

        QTest::mouseClick(memory, Qt::LeftButton);
        QVERIFY(accepted.wait(kTimeoutMs));
        QVERIFY(c.isMemoryOnly());
        QVERIFY(c.isSignedIn());
        QCOMPARE(c.profileName(), QStringLiteral("nokc"));
        QVERIFY(profiles.contains("nokc")); // the metadata is not secret
    }

    void windowOffersMemoryOnly()
    {
        ProfileStore profiles(m_home + "/window.ini");
        GatewayProfile p;
        p.name = "saved";
        p.baseUrl = QUrl("https://gateway.example.com");
        p.tokenKind = TokenKind::ApiKey;
        QVERIFY(profiles.add(p));
        QVERIFY(profiles.setCurrent(p.name));
        CredentialStore credentials;
        credentials.setRetryDelayMs(50);
        SignInController c(&profiles, &credentials);
        MainWindow window;
        window.setSignInController(&c);
        window.show();
        auto *menu = window.findChild<ProfilesMenu *>();
        auto *status = window.findChild<SignInStatus *>();
        QVERIFY(menu && status);

        QSignalSpy unavailable(&c, &SignInController::keychainUnavailable);
        c.start();
        QVERIFY(unavailable.wait(kTimeoutMs));
        QTRY_VERIFY(menu->openMessage() && menu->openMessage()->isVisible());
        QMessageBox *box = menu->openMessage();
        QVERIFY(box->text().contains("saved"));
        QVERIFY2(box->informativeText().contains("D-Bus"), qPrintable(box->informativeText()));
        QVERIFY(box->informativeText().contains("never keeps a token in a file"));
        QVERIFY(status->text().contains("keychain is unavailable"));
        QVERIFY(!menu->signInDialog()); // nothing asked before the user chose

        QPushButton *keep = nullptr;
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == QMessageBox::AcceptRole)
                keep = qobject_cast<QPushButton *>(b);
        QVERIFY(keep);
        QVERIFY(keep->text().contains("this run only"));
        QTest::mouseClick(keep, Qt::LeftButton);
        QVERIFY(c.isMemoryOnly());
        QTRY_VERIFY(menu->signInDialog() && menu->signInDialog()->isVisible());
        SignInDialog *dialog = menu->signInDialog();
        QVERIFY(child<QLabel>(dialog, "messageLabel")->text().contains("memory"));
        QCOMPARE(child<QLineEdit>(dialog, "profileEdit")->text(), QStringLiteral("saved"));
        QCOMPARE(child<QLineEdit>(dialog, "urlEdit")->text(),
                 QStringLiteral("https://gateway.example.com"));

        QSignalSpy signedIn(&c, &SignInController::signedIn);
        type(dialog, "tokenEdit", secretKey());
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QVERIFY(signedIn.wait(kTimeoutMs));
        QVERIFY2(status->text().contains("saved") && status->text().contains("memory only"),
                 qPrintable(status->text()));
    }

    void nothingReachedDiskOrLogs()
    {
        const QString canary = "canary-" + QUuid::createUuid().toString(QUuid::Id128);
        {
            QFile f(m_home + "/canary.txt");
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(canary.toUtf8());
        }
        QCOMPARE(SecretScan::filesContaining(m_home, canary), QStringList{m_home + "/canary.txt"});
        QVERIFY(QFile::remove(m_home + "/canary.txt"));
        for (const QString &secret : std::as_const(m_secrets)) {
            const QStringList leaks = SecretScan::filesContaining(m_home, secret);
            QVERIFY2(leaks.isEmpty(), qPrintable("token found in " + leaks.join(", ")));
            QCOMPARE(SecretScan::logLinesContaining(secret), 0);
        }
        QVERIFY(SecretScan::logLinesContaining("signed in to profile") > 0);
    }
};

int main(int argc, char *argv[])
{
    // Before Qt, GLib or libsecret read the environment.
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    NoKeychainEnvironment::applyTo(home.path());
    qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    AppInfo::applyTo(app);
    TestSignInDialogNoKeychain test(home.path());
    return QTest::qExec(&test, argc, argv);
}

#include "tst_signindialog_nokeychain.moc"

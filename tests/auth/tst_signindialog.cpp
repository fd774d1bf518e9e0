// The sign-in dialog and the Profile menu, driven offscreen with QTest: typed URL and
// token, the token's kind/claims/expiry, the warnings, Check against the gateway simulator,
// Sign in into the real keychain (./run test's private gnome-keyring) and QSettings, and the
// window's reactions to the controller (no profile, 401, sign-out with purge).
//
// Files go to a private HOME made before Qt starts; the D-Bus session (and its keyring) is
// the one the test runs under. The token must reach no file there (nor under the keyring's
// own HOME when ./run made it) and no log line.
#include "MainWindow.h"
#include "auth/CapabilityProbe.h"
#include "auth/CredentialStore.h"
#include "auth/SignInController.h"
#include "core/AppInfo.h"
#include "gateway/GatewayClient.h"
#include "signin/ProfilesMenu.h"
#include "signin/SignInDialog.h"
#include "signin/SignInStatus.h"

#include "SecretScan.h"
#include "SimulatorProcess.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

constexpr int kTimeoutMs = 30000;

// A JWT as the frontend shapes it; the signature is junk (the dialog only reads claims).
QString unsignedJwt(const QString &org, const QString &orgRole, qint64 exp)
{
    const auto b64 = [](const QByteArray &raw) {
        return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    const QJsonObject claims{{"sub", "user_dlg"},
                             {"activeOrganizationId", org},
                             {"orgRole", orgRole},
                             {"role", "user"},
                             {"exp", double(exp)}};
    return QString::fromLatin1(b64(R"({"alg":"EdDSA","typ":"JWT"})") + '.'
                               + b64(QJsonDocument(claims).toJson(QJsonDocument::Compact))
                               + ".c2ln");
}

} // namespace

class TestSignInDialog : public QObject
{
    Q_OBJECT
public:
    TestSignInDialog(const QString &home, const QString &keyringHome)
        : m_home(home)
        , m_keyringHome(keyringHome)
    {
    }

private:
    QString m_home;        // this process's private HOME
    QString m_keyringHome; // the HOME ./run made for the keyring daemon; empty elsewhere
    SimulatorProcess m_sim;
    QString m_prefix;
    QStringList m_used;
    QStringList m_secrets; // every token typed: none may reach a file or a log line
    CredentialStore m_keychain;
    int m_iniCount = 0;
    SecretScan::Capture m_capture;

    QString name(const QString &base)
    {
        const QString n = m_prefix + base;
        if (!m_used.contains(n))
            m_used << n;
        return n;
    }
    QString secretKey()
    {
        const QString key = "wa_dlg_" + QUuid::createUuid().toString(QUuid::Id128);
        m_secrets << key;
        return key;
    }
    QString freshIni() { return m_home + QStringLiteral("/profiles-%1.ini").arg(++m_iniCount); }

    template <typename T>
    static T *child(QWidget *parent, const char *objectName)
    {
        T *w = parent->findChild<T *>(QString::fromLatin1(objectName));
        if (!w)
            qWarning("no child %s", objectName);
        return w;
    }
    static QPushButton *okButton(QWidget *dialog)
    {
        return child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok);
    }
    static void type(QWidget *dialog, const char *field, const QString &text)
    {
        auto *edit = child<QLineEdit>(dialog, field);
        edit->clear();
        QTest::keyClicks(edit, text);
    }
    static QString text(QWidget *dialog, const char *label)
    {
        return child<QLabel>(dialog, label)->text();
    }
    static bool shown(QWidget *dialog, const char *label)
    {
        return !child<QWidget>(dialog, label)->isHidden();
    }
    std::pair<QString, CredentialError> storedToken(const QString &profile)
    {
        std::optional<std::pair<QString, CredentialError>> result;
        m_keychain.readToken(profile, this, [&](const QString &t, const CredentialError &e) {
            result = std::make_pair(t, e);
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kTimeoutMs); }();
        return result.value_or(std::make_pair(QString(), CredentialError()));
    }
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_capture.start(m_home + "/stderr.log"));
        m_prefix = "dlg-" + QUuid::createUuid().toString(QUuid::Id128).left(8) + "-";
        QVERIFY2(m_sim.start({"--seed", "11", "--sessions", "2", "--contacts", "50", "--groups",
                              "4", "--members", "40", "--api-key", "wa_dlg_full=read,manage",
                              "--api-key", "wa_dlg_ro=read"}),
                 qPrintable(m_sim.errorString()));
        m_secrets << m_sim.jwt("owner") << m_sim.jwt("admin") << m_sim.jwt("member");
    }

    void cleanupTestCase()
    {
        for (const QString &n : std::as_const(m_used)) {
            bool done = false;
            m_keychain.removeToken(n, this, [&done](const CredentialError &) { done = true; });
            QTRY_VERIFY_WITH_TIMEOUT(done, kTimeoutMs);
        }
        m_capture.stop();
    }

    void accessibleAndInTabOrder()
    {
        ProfileStore store(freshIni());
        SignInController c(&store);
        SignInDialog dialog(&c);
        const char *const controls[] = {"profileEdit",    "urlEdit",         "tokenEdit",
                                        "showTokenCheck", "sessionsEdit",    "checkButton",
                                        "reportView",     "memoryOnlyButton"};
        for (const char *n : controls)
            QVERIFY2(!child<QWidget>(&dialog, n)->accessibleName().isEmpty(), n);
        QVERIFY(!okButton(&dialog)->accessibleName().isEmpty());
        QCOMPARE(okButton(&dialog)->text(), QStringLiteral("&Sign in"));

        // What Tab reaches from the first field: focusable by Tab and not hidden.
        QWidget *w = child<QWidget>(&dialog, "profileEdit");
        for (const char *next : {"urlEdit", "tokenEdit", "showTokenCheck", "sessionsEdit",
                                 "checkButton", "reportView"}) {
            w = w->nextInFocusChain();
            while (!(w->focusPolicy() & Qt::TabFocus) || w->isHidden())
                w = w->nextInFocusChain();
            QCOMPARE(w->objectName(), QString::fromLatin1(next));
        }
    }

    void tokenKindAndClaims()
    {
        ProfileStore store(freshIni());
        SignInController c(&store);
        SignInDialog dialog(&c);
        dialog.show();
        auto *token = child<QLineEdit>(&dialog, "tokenEdit");
        QCOMPARE(int(token->echoMode()), int(QLineEdit::Password));
        QVERIFY(!shown(&dialog, "tokenInfoLabel"));

        type(&dialog, "urlEdit", m_sim.url().toString());
        QCOMPARE(child<QLineEdit>(&dialog, "profileEdit")->text(), QStringLiteral("127.0.0.1"));
        QVERIFY(!shown(&dialog, "urlWarningLabel")); // loopback http is fine
        type(&dialog, "tokenEdit", m_sim.jwt("owner"));
        QVERIFY(shown(&dialog, "tokenInfoLabel"));
        const QString info = text(&dialog, "tokenInfoLabel");
        QVERIFY2(info.contains("JWT"), qPrintable(info));
        QVERIFY2(info.contains("Organization: " + m_sim.primaryOrg()), qPrintable(info));
        QVERIFY2(info.contains("Role: owner"), qPrintable(info));
        QVERIFY2(info.contains("Expires:") && info.contains("in 30 days"), qPrintable(info));
        QVERIFY2(!info.contains(m_sim.jwt("owner")), "the token is never shown as details");
        QVERIFY(!shown(&dialog, "tokenWarningLabel"));
        QVERIFY(okButton(&dialog)->isEnabled());

        QTest::mouseClick(child<QCheckBox>(&dialog, "showTokenCheck"), Qt::LeftButton);
        QCOMPARE(int(token->echoMode()), int(QLineEdit::Normal));
        QTest::mouseClick(child<QCheckBox>(&dialog, "showTokenCheck"), Qt::LeftButton);
        QCOMPARE(int(token->echoMode()), int(QLineEdit::Password));

        type(&dialog, "tokenEdit", "Bearer wa_dlg_full");
        QVERIFY2(text(&dialog, "tokenInfoLabel").contains("api-key (wa_...)"),
                 qPrintable(text(&dialog, "tokenInfoLabel")));
        QVERIFY2(text(&dialog, "tokenInfoLabel").contains("Bearer"), // the note on the prefix
                 qPrintable(text(&dialog, "tokenInfoLabel")));

        type(&dialog, "tokenEdit", "two words");
        QVERIFY(text(&dialog, "tokenInfoLabel").startsWith("Not a usable token"));
        QVERIFY(!okButton(&dialog)->isEnabled());
        QVERIFY(!child<QPushButton>(&dialog, "checkButton")->isEnabled());
    }

    void expiryWarnings()
    {
        ProfileStore store(freshIni());
        SignInController c(&store);
        SignInDialog dialog(&c);
        dialog.show();
        type(&dialog, "profileEdit", name("expiry"));
        type(&dialog, "urlEdit", m_sim.url().toString());

        type(&dialog, "tokenEdit", m_sim.jwt("expired"));
        QVERIFY(shown(&dialog, "tokenWarningLabel"));
        QVERIFY2(text(&dialog, "tokenWarningLabel").contains("has expired"),
                 qPrintable(text(&dialog, "tokenWarningLabel")));
        QVERIFY(text(&dialog, "tokenInfoLabel").contains("Expired:"));
        QVERIFY(!okButton(&dialog)->isEnabled()); // an expired token cannot be saved
        QVERIFY(child<QPushButton>(&dialog, "checkButton")->isEnabled()); // but can be checked

        const QString soon = unsignedJwt("org_soon", "member",
                                         QDateTime::currentSecsSinceEpoch() + 3 * 3600 + 60);
        type(&dialog, "tokenEdit", soon);
        QVERIFY2(text(&dialog, "tokenWarningLabel").contains("within a day"),
                 qPrintable(text(&dialog, "tokenWarningLabel")));
        QVERIFY(text(&dialog, "tokenWarningLabel").contains("in 3 hours"));
        QVERIFY(text(&dialog, "tokenInfoLabel").contains("Organization: org_soon"));
        QVERIFY(text(&dialog, "tokenInfoLabel").contains("Role: member (platform role user)"));
        QVERIFY(okButton(&dialog)->isEnabled());

        type(&dialog, "tokenEdit",
             unsignedJwt("org_later", "admin", QDateTime::currentSecsSinceEpoch() + 3 * 86400));
        QVERIFY(!shown(&dialog, "tokenWarningLabel"));
    }

    void insecureUrlWarning()
    {
        ProfileStore store(freshIni());
        SignInController c(&store);
        SignInDialog dialog(&c);
        dialog.show();
        type(&dialog, "tokenEdit", "wa_dlg_full");

        type(&dialog, "urlEdit", "http://gateway.example.com");
        QVERIFY(shown(&dialog, "urlWarningLabel"));
        QVERIFY2(text(&dialog, "urlWarningLabel").contains("unencrypted"),
                 qPrintable(text(&dialog, "urlWarningLabel")));
        QVERIFY(text(&dialog, "urlWarningLabel").contains("gateway.example.com"));
        QVERIFY(okButton(&dialog)->isEnabled()); // a warning, not a refusal

        for (const char *fine :
             {"https://gateway.example.com", "http://localhost:8080", "http://[::1]:9000/api/v1"}) {
            type(&dialog, "urlEdit", QString::fromLatin1(fine));
            QVERIFY2(!shown(&dialog, "urlWarningLabel"), fine);
        }

        type(&dialog, "urlEdit", "ftp://gateway.example.com");
        QVERIFY(shown(&dialog, "urlWarningLabel"));
        QVERIFY(text(&dialog, "urlWarningLabel").contains("https://"));
        QVERIFY(!okButton(&dialog)->isEnabled());
        QVERIFY(!child<QPushButton>(&dialog, "checkButton")->isEnabled());
    }

    void checkReportsWhatTheTokenCanDo()
    {
        ProfileStore store(freshIni());
        SignInController c(&store);
        SignInDialog dialog(&c);
        dialog.show();
        QSignalSpy checked(&dialog, &SignInDialog::checkFinished);
        auto *check = child<QPushButton>(&dialog, "checkButton");
        auto *report = child<QPlainTextEdit>(&dialog, "reportView");
        type(&dialog, "urlEdit", m_sim.url().toString());

        type(&dialog, "tokenEdit", "wa_dlg_full");
        QTest::mouseClick(check, Qt::LeftButton);
        QVERIFY(!check->isEnabled()); // one check at a time
        QVERIFY(checked.wait(kTimeoutMs));
        QVERIFY2(report->toPlainText().contains("This token can: read, manage."),
                 qPrintable(report->toPlainText()));
        QVERIFY(report->toPlainText().contains("Not known yet: send, events."));
        QVERIFY(report->toPlainText().contains(m_sim.workingSession().id)); // listed sessions
        QCOMPARE(text(&dialog, "checkStatusLabel"), QStringLiteral("Checked."));

        // Without manage: the words say to add a session id, and with one, read is found.
        type(&dialog, "tokenEdit", "wa_dlg_ro");
        QTest::mouseClick(check, Qt::LeftButton);
        QVERIFY(checked.wait(kTimeoutMs));
        QVERIFY2(report->toPlainText().contains("It cannot: manage."),
                 qPrintable(report->toPlainText()));
        QVERIFY(report->toPlainText().contains("Session ids"));
        type(&dialog, "sessionsEdit", m_sim.workingSession().id);
        QTest::mouseClick(check, Qt::LeftButton);
        QVERIFY(checked.wait(kTimeoutMs));
        QVERIFY2(report->toPlainText().contains("This token can: read."),
                 qPrintable(report->toPlainText()));

        // A JWT's role tells send and events.
        type(&dialog, "sessionsEdit", QString());
        type(&dialog, "tokenEdit", m_sim.jwt("member"));
        QTest::mouseClick(check, Qt::LeftButton);
        QVERIFY(checked.wait(kTimeoutMs));
        QVERIFY2(report->toPlainText().contains("This token can: send, events."),
                 qPrintable(report->toPlainText()));
        QVERIFY(report->toPlainText().contains("member"));

        // Rejected.
        const QString unknown = secretKey();
        type(&dialog, "tokenEdit", unknown);
        QTest::mouseClick(check, Qt::LeftButton);
        QVERIFY(checked.wait(kTimeoutMs));
        QVERIFY2(report->toPlainText().contains("rejected"), qPrintable(report->toPlainText()));
        QCOMPARE(text(&dialog, "checkStatusLabel"), QStringLiteral("Check failed."));
        QVERIFY(!report->toPlainText().contains(unknown));
        QCOMPARE(int(c.state()),
                 int(SignInController::State::SignedOut)); // a check signs nobody in
    }

    void signInStoresTokenAndProfile()
    {
        // The application's own QSettings, under the private HOME.
        ProfileStore store;
        SignInController c(&store);
        SignInDialog dialog(&c);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QSignalSpy signedIn(&c, &SignInController::signedIn);
        dialog.open();
        const QString n = name("saved");
        const QString key = secretKey();
        type(&dialog, "profileEdit", n);
        type(&dialog, "urlEdit", m_sim.url().toString() + "/api/v1");
        type(&dialog, "tokenEdit", key);
        type(&dialog, "sessionsEdit", "sess-a, sess-b sess-a");
        QTest::mouseClick(okButton(&dialog), Qt::LeftButton);
        QVERIFY(dialog.isBusy());
        QVERIFY(!okButton(&dialog)->isEnabled());
        QVERIFY(accepted.wait(kTimeoutMs));
        QCOMPARE(signedIn.count(), 1);
        QCOMPARE(signedIn.at(0).at(0).toString(), n);
        QVERIFY(!dialog.isVisible());

        const auto [stored, error] = storedToken(n);
        QVERIFY2(error.isOk(), qPrintable(error.message));
        QCOMPARE(stored, key);
        QSettings settings(AppInfo::organizationName(), AppInfo::applicationName());
        QVERIFY(settings.fileName().startsWith(m_home));
        QVERIFY(QFile::exists(settings.fileName()));
        ProfileStore reread;
        QCOMPARE(reread.currentName(), n);
        QCOMPARE(reread.profile(n)->baseUrl, m_sim.url());
        QCOMPARE(reread.profile(n)->sessionIds, (QStringList{"sess-a", "sess-b"}));
        QCOMPARE(int(reread.profile(n)->tokenKind), int(TokenKind::ApiKey));

        // Opened again for that profile: URL and session ids filled in, the token not.
        SignInDialog again(&c);
        again.setRequest(n, QStringLiteral("why"));
        QCOMPARE(child<QLineEdit>(&again, "urlEdit")->text(), m_sim.url().toString());
        QCOMPARE(child<QLineEdit>(&again, "sessionsEdit")->text(), QStringLiteral("sess-a sess-b"));
        QVERIFY(child<QLineEdit>(&again, "tokenEdit")->text().isEmpty());
        QCOMPARE(text(&again, "messageLabel"), QStringLiteral("why"));
        QVERIFY(text(&again, "errorLabel").contains("replaces its token"));
    }

    void windowFlow()
    {
        ProfileStore store(freshIni());
        SignInController c(&store);
        QStringList purged;
        c.setCachePurger([&purged](const QString &profile, QString *) {
            purged << profile;
            return true;
        });
        MainWindow window;
        window.setSignInController(&c);
        window.show();
        auto *menu = window.findChild<ProfilesMenu *>();
        QVERIFY(menu);
        auto *status = window.statusBar()->findChild<SignInStatus *>();
        QVERIFY(status);

        // First start: no profile, the dialog opens by itself.
        c.start();
        QVERIFY(menu->signInDialog());
        QTRY_VERIFY(menu->signInDialog()->isVisible());
        QCOMPARE(int(menu->signInDialog()->windowModality()), int(Qt::WindowModal));
        QVERIFY(!menu->signOutAction()->isEnabled());
        QVERIFY(!menu->addSessionAction()->isEnabled());
        QCOMPARE(status->text(), QStringLiteral("Not signed in"));

        // Signed in with a token the gateway does not know (as if revoked).
        SignInDialog *dialog = menu->signInDialog();
        QSignalSpy signedIn(&c, &SignInController::signedIn);
        const QString n = name("window");
        type(dialog, "profileEdit", n);
        type(dialog, "urlEdit", m_sim.url().toString());
        type(dialog, "tokenEdit", secretKey());
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QVERIFY(signedIn.wait(kTimeoutMs));
        QTRY_VERIFY(!menu->signInDialog()); // closed and deleted
        QVERIFY(status->text().contains(n));
        QVERIFY(status->text().contains("api-key"));
        QVERIFY(menu->signOutAction()->isEnabled());
        QVERIFY(menu->addSessionAction()->isEnabled());
        QCOMPARE(menu->switchMenu()->actions().size(), 1);
        QVERIFY(menu->switchMenu()->actions().first()->isChecked());

        // The gateway answers 401: the dialog offers to sign in again, profile filled in.
        std::optional<int> status401;
        c.client()->listSessions(
            this, [&](const GatewayResult<Page<WaSession>> &r) { status401 = r.httpStatus; });
        QTRY_VERIFY_WITH_TIMEOUT(menu->signInDialog() && menu->signInDialog()->isVisible(),
                                 kTimeoutMs);
        // The window's own calls may meet the 401 first; ours still gets its answer.
        QTRY_COMPARE_WITH_TIMEOUT(status401.value_or(0), 401, kTimeoutMs);
        dialog = menu->signInDialog();
        QVERIFY(text(dialog, "messageLabel").contains("401"));
        QCOMPARE(child<QLineEdit>(dialog, "profileEdit")->text(), n);
        QCOMPARE(child<QLineEdit>(dialog, "urlEdit")->text(), m_sim.url().toString());
        QVERIFY(status->text().contains("sign-in needed"));
        type(dialog, "tokenEdit", "wa_dlg_ro");
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QVERIFY(signedIn.wait(kTimeoutMs));
        QCOMPARE(storedToken(n).first, QStringLiteral("wa_dlg_ro"));

        // A JWT shows its organization and role in the status bar.
        const QString j = name("window-jwt");
        menu->signInAction()->trigger();
        QTRY_VERIFY(menu->signInDialog() && menu->signInDialog()->isVisible());
        dialog = menu->signInDialog();
        QVERIFY(child<QLineEdit>(dialog, "profileEdit")->text().isEmpty()); // a new profile
        type(dialog, "profileEdit", j);
        type(dialog, "urlEdit", m_sim.url().toString());
        type(dialog, "tokenEdit", m_sim.jwt("admin"));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QVERIFY(signedIn.wait(kTimeoutMs));
        QVERIFY2(status->text().contains(m_sim.primaryOrg()) && status->text().contains("admin")
                     && status->text().contains("expires in"),
                 qPrintable(status->text()));

        // Switch back through the menu.
        QCOMPARE(menu->switchMenu()->actions().size(), 2);
        QAction *back = nullptr;
        for (QAction *a : menu->switchMenu()->actions())
            if (a->data().toString() == n)
                back = a;
        QVERIFY(back);
        QVERIFY(!back->isChecked());
        back->trigger();
        QVERIFY(signedIn.wait(kTimeoutMs));
        QCOMPARE(c.profileName(), n);

        // Sign out with the purge tick-box.
        QSignalSpy signedOut(&c, &SignInController::signedOut);
        menu->signOutAction()->trigger();
        QTRY_VERIFY(menu->openMessage() && menu->openMessage()->isVisible());
        QMessageBox *box = menu->openMessage();
        QVERIFY(box->text().contains(n));
        QVERIFY(box->checkBox());
        box->checkBox()->setChecked(true);
        QPushButton *confirm = nullptr;
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == QMessageBox::AcceptRole)
                confirm = qobject_cast<QPushButton *>(b);
        QVERIFY(confirm);
        QTest::mouseClick(confirm, Qt::LeftButton);
        QVERIFY(signedOut.wait(kTimeoutMs));
        QCOMPARE(purged, QStringList{n});
        QCOMPARE(int(storedToken(n).second.kind), int(CredentialError::Kind::NotFound));
        QCOMPARE(status->text(), QStringLiteral("Not signed in"));
        QVERIFY(!menu->addSessionAction()->isEnabled());
    }

    void tokenReachedNoFileAndNoLog()
    {
        QVERIFY(!m_secrets.isEmpty());
        QStringList roots{m_home};
        if (!m_keyringHome.isEmpty())
            roots << m_keyringHome; // where gnome-keyring keeps its (encrypted) keyrings
        // The scan can see a secret at all: a canary is found.
        const QString canary = "canary-" + QUuid::createUuid().toString(QUuid::Id128);
        {
            QFile f(m_home + "/canary.txt");
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(canary.toUtf8());
        }
        QCOMPARE(SecretScan::filesContaining(m_home, canary), QStringList{m_home + "/canary.txt"});
        QVERIFY(QFile::remove(m_home + "/canary.txt"));

        for (const QString &root : std::as_const(roots))
            for (const QString &secret : std::as_const(m_secrets)) {
                const QStringList leaks = SecretScan::filesContaining(root, secret);
                QVERIFY2(leaks.isEmpty(), qPrintable("token found in " + leaks.join(", ")));
            }
        QVERIFY(SecretScan::logLinesContaining("signed in to profile") > 0); // the handler saw us
        for (const QString &secret : std::as_const(m_secrets))
            QVERIFY2(SecretScan::logLinesContaining(secret) == 0, "token found in a log line");
    }
};

int main(int argc, char *argv[])
{
    // Files of this process go to a private HOME; the D-Bus session (and the keyring on it)
    // stay the ones the test runs under.
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    const QString outerHome = qEnvironmentVariable("HOME");
    // ./run's with_test_keyring gives the keyring a throwaway HOME with runtime/ inside it.
    const QString keyringHome = !outerHome.isEmpty()
            && qEnvironmentVariable("XDG_RUNTIME_DIR") == outerHome + "/runtime"
        ? outerHome
        : QString();
    const QByteArray h = QFile::encodeName(home.path());
    qputenv("HOME", h);
    qputenv("XDG_CONFIG_HOME", h + "/.config");
    qputenv("XDG_DATA_HOME", h + "/.local/share");
    qputenv("XDG_CACHE_HOME", h + "/.cache");

    QApplication app(argc, argv);
    AppInfo::applyTo(app);
    TestSignInDialog test(home.path(), keyringHome);
    return QTest::qExec(&test, argc, argv);
}

#include "tst_signindialog.moc"

// CredentialStore with no D-Bus at all: the documented error, memory-only mode keeps
// working, and the token reaches no file and no log line.
//
// The process points HOME, the XDG dirs and the session bus at a private temporary
// directory before anything touches them, so the whole "disk" it could write is scanned.
#include "auth/CredentialStore.h"
#include "auth/ProfileStore.h"
#include "core/AppInfo.h"

#include "NoKeychainEnvironment.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QLoggingCategory>
#include <QMutex>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace {

QMutex logMutex;
QStringList capturedLog;
QtMessageHandler previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&logMutex);
        capturedLog << message;
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

struct ReadResult {
    bool done = false;
    QString token;
    CredentialError error;
};

} // namespace

class TestNoKeychain : public QObject
{
    Q_OBJECT
public:
    explicit TestNoKeychain(const QString &home)
        : m_home(home)
    {
    }

private:
    QString m_home;
    QString m_token = "wa_memonly_" + QUuid::createUuid().toString(QUuid::Id128);
    CredentialStore m_store;
    int m_savedStderr = -1;
    QString m_stderrFile;

    ReadResult read(const QString &profile)
    {
        ReadResult r;
        m_store.readToken(profile, this, [&r](const QString &t, const CredentialError &e) {
            r.token = t;
            r.error = e;
            r.done = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(r.done, 20000); }();
        return r;
    }
    CredentialError write(const QString &profile, const QString &token)
    {
        bool done = false;
        CredentialError error;
        m_store.writeToken(profile, token, this, [&](const CredentialError &e) {
            error = e;
            done = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 20000); }();
        return error;
    }
    CredentialError remove(const QString &profile)
    {
        bool done = false;
        CredentialError error;
        m_store.removeToken(profile, this, [&](const CredentialError &e) {
            error = e;
            done = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 20000); }();
        return error;
    }
    CredentialError move(const QString &from, const QString &to)
    {
        bool done = false;
        CredentialError error;
        m_store.moveToken(from, to, this, [&](const CredentialError &e) {
            error = e;
            done = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 20000); }();
        return error;
    }
    // Every readable file under the private HOME holding `secret` as UTF-8 or UTF-16.
    QStringList filesContaining(const QString &secret) const
    {
        const QByteArray utf8 = secret.toUtf8();
        const QByteArray utf16(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2);
        QStringList found;
        QDirIterator it(m_home, QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue; // sockets and the like
            const QByteArray content = f.readAll();
            if (content.contains(utf8) || content.contains(utf16))
                found << path;
        }
        return found;
    }
    int logLinesContaining(const QString &text)
    {
        QMutexLocker lock(&logMutex);
        return int(capturedLog.filter(text).size());
    }

private Q_SLOTS:
    void initTestCase()
    {
        // QTest installs its own handler in qExec, so ours goes on top and chains to it.
        previousHandler = qInstallMessageHandler(captureMessage);
        // Everything of ours, down to debug, so a token in any log line would show.
        QLoggingCategory::setFilterRules(QStringLiteral("gc.*=true"));
        // Whatever GLib, libsecret or Qt write straight to stderr is captured too.
        m_stderrFile = m_home + "/stderr.log";
        std::fflush(stderr);
        m_savedStderr = ::dup(STDERR_FILENO);
        const int fd = ::open(QFile::encodeName(m_stderrFile).constData(),
                              O_WRONLY | O_CREAT | O_TRUNC, 0600);
        QVERIFY(fd >= 0 && m_savedStderr >= 0);
        QVERIFY(::dup2(fd, STDERR_FILENO) >= 0);
        ::close(fd);

        for (const auto location :
             {QStandardPaths::AppConfigLocation, QStandardPaths::AppDataLocation,
              QStandardPaths::CacheLocation, QStandardPaths::GenericConfigLocation})
            QVERIFY2(QStandardPaths::writableLocation(location).startsWith(m_home),
                     qPrintable(QStandardPaths::writableLocation(location)));
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(previousHandler);
        std::fflush(stderr);
        if (m_savedStderr >= 0) {
            ::dup2(m_savedStderr, STDERR_FILENO);
            ::close(m_savedStderr);
        }
        // Show what was captured, for whoever reads a failing run.
        QFile f(m_stderrFile);
        if (f.open(QIODevice::ReadOnly))
            std::fprintf(stderr, "--- captured stderr ---\n%s", f.readAll().constData());
    }

    void keychainUnavailableIsReported()
    {
        m_store.setRetryDelayMs(50);
        const int retriesBefore = logLinesContaining("retrying once");
        const ReadResult r = read("nokc");
        QCOMPARE(r.error.kind, CredentialError::Kind::NoBackend);
        QVERIFY(r.error.keychainUnavailable());
        QVERIFY(r.token.isEmpty());
        QVERIFY2(r.error.message.contains("D-Bus") && r.error.message.contains("memory"),
                 qPrintable(r.error.message));
        // The Linux start-up race: one retry, then the error.
        QCOMPARE(logLinesContaining("retrying once") - retriesBefore, 1);

        const CredentialError w = write("nokc", m_token);
        QCOMPARE(w.kind, CredentialError::Kind::NoBackend);
        QCOMPARE(remove("nokc").kind, CredentialError::Kind::NoBackend);
        // Writes are not retried: the user is there to decide.
        QCOMPARE(logLinesContaining("retrying once") - retriesBefore, 1);
    }

    void memoryOnlyKeepsWorking()
    {
        QSignalSpy modeSpy(&m_store, &CredentialStore::modeChanged);
        m_store.setMode(CredentialStore::Mode::MemoryOnly);
        QCOMPARE(modeSpy.count(), 1);
        QVERIFY(m_store.isMemoryOnly());

        ProfileStore profiles; // the application's own QSettings, under the private HOME
        GatewayProfile p;
        p.name = "memory profile";
        p.baseUrl = QUrl("http://127.0.0.1:8080");
        p.tokenKind = TokenKind::ApiKey;
        QVERIFY(profiles.add(p));
        QVERIFY(profiles.setCurrent(p.name));

        QVERIFY(write(p.name, m_token).isOk());
        ReadResult r = read(profiles.currentName());
        QVERIFY(r.error.isOk());
        QCOMPARE(r.token, m_token);

        // Rename-safe: move the token, then the metadata.
        QVERIFY(move(p.name, "renamed").isOk());
        QVERIFY(profiles.rename(p.name, "renamed"));
        QCOMPARE(read("renamed").token, m_token);
        QCOMPARE(read(p.name).error.kind, CredentialError::Kind::NotFound);
        QCOMPARE(profiles.currentName(), QStringLiteral("renamed"));

        // A second profile, then removal of the first: the second keeps its token.
        QVERIFY(write("second", m_token + "-2").isOk());
        QVERIFY(remove("renamed").isOk());
        QCOMPARE(read("renamed").error.kind, CredentialError::Kind::NotFound);
        QCOMPARE(read("second").token, m_token + "-2");
        QVERIFY(QFile::exists(profiles.settingsFile()));
        QVERIFY(profiles.settingsFile().startsWith(m_home));
    }

    void nothingReachedDiskOrLogs()
    {
        std::fflush(stderr);
        // The scan must be able to see a secret at all: plant a canary and find it.
        const QString canary = "canary-" + QUuid::createUuid().toString(QUuid::Id128);
        {
            QFile f(m_home + "/.cache/canary/file");
            QVERIFY(QDir().mkpath(m_home + "/.cache/canary"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(canary.toUtf8());
        }
        QCOMPARE(filesContaining(canary), QStringList{m_home + "/.cache/canary/file"});
        QVERIFY(QFile::remove(m_home + "/.cache/canary/file"));

        const QStringList leaks = filesContaining(m_token);
        QVERIFY2(leaks.isEmpty(), qPrintable("token found in " + leaks.join(", ")));

        QMutexLocker lock(&logMutex);
        QVERIFY(!capturedLog.isEmpty()); // the handler really was in the path
        for (const QString &line : std::as_const(capturedLog))
            QVERIFY2(!line.contains(m_token), "token found in a log line");
    }
};

int main(int argc, char *argv[])
{
    // All of this must happen before Qt, GLib or libsecret read the environment.
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    NoKeychainEnvironment::applyTo(home.path());

    QCoreApplication app(argc, argv);
    AppInfo::applyTo(app);
    TestNoKeychain test(home.path());
    return QTest::qExec(&test, argc, argv);
}

#include "tst_credentialstore_nokeychain.moc"

// One whole session of the real console with every log category on, then a search of
// everything it wrote for the two secrets: the gateway token and the local API token.
//
// In a throwaway HOME and XDG dirs: `profile add` (token on stdin), `sync`, `--headless`
// with local API traffic (reads, a request with a wrong local token, one with the token in
// x-api-key, a forwarded unblock the gateway refuses with 501 and one it accepts, a sync
// trigger), then SIGTERM. Searched: every regular file under those dirs while the console
// runs and after it ended (SQLite cache with its WAL, QSettings, the runtime dir), the
// keyring's own files (encrypted: the raw token must not be there either), and every byte
// of stdout and stderr of all three runs. Forms searched: raw, percent-encoded, base64
// (standard and URL-safe, every alignment), hex and UTF-16. The one exception is the local
// API's discovery file, which must hold the local token: it is checked to exist with mode
// 0600 while the console runs and to be gone after.
//
// The console has no crash reporter, so there is no crash report to search.
#include "ConsoleRun.h"
#include "SimulatorProcess.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

struct Form {
    QString name;
    QByteArray bytes;
};

// Every way a secret could sit in a file or a log line. Base64 depends on where the token
// starts in the encoded data, so each of the three alignments contributes the part of its
// encoding that only depends on the token.
QList<Form> formsOf(const QString &label, const QByteArray &secret)
{
    QList<Form> forms;
    auto add = [&](const QString &how, const QByteArray &bytes) {
        if (bytes.size() >= 8)
            forms.append({label + QStringLiteral(" (") + how + QLatin1Char(')'), bytes});
    };
    add(QStringLiteral("raw"), secret);
    const QByteArray pct = QUrl::toPercentEncoding(QString::fromLatin1(secret));
    if (pct != secret)
        add(QStringLiteral("percent-encoded"), pct);
    QByteArray all, allLower;
    for (const char c : secret) {
        all += '%' + QByteArray(1, c).toHex().toUpper();
        allLower += '%' + QByteArray(1, c).toHex();
    }
    add(QStringLiteral("percent-encoded, every byte"), all);
    add(QStringLiteral("percent-encoded, every byte, lower case"), allLower);
    for (int shift = 0; shift < 3; ++shift) {
        const QByteArray padded = QByteArray(shift, '\0') + secret;
        for (const auto options : {QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding}) {
            QByteArray enc = padded.toBase64(options | QByteArray::OmitTrailingEquals);
            // Drop the characters that mix in the padding bytes or whatever follows.
            const int head = shift == 0 ? 0 : 4;
            enc = enc.mid(head, ((padded.size() / 3) * 4) - head);
            add(QStringLiteral("base64%1, alignment %2")
                    .arg(options == QByteArray::Base64UrlEncoding ? QStringLiteral("url")
                                                                  : QString())
                    .arg(shift),
                enc);
        }
    }
    add(QStringLiteral("hex"), secret.toHex());
    add(QStringLiteral("hex, upper case"), secret.toHex().toUpper());
    QByteArray utf16;
    for (const char c : secret)
        utf16 += QByteArray(1, c) + '\0';
    add(QStringLiteral("UTF-16"), utf16);
    return forms;
}

// "where: form at offset N" for every hit; never the secret itself.
QStringList findIn(const QString &where, const QByteArray &data, const QList<Form> &forms)
{
    QStringList hits;
    for (const Form &f : forms) {
        qsizetype at = data.indexOf(f.bytes);
        while (at >= 0) {
            hits << QStringLiteral("%1: %2 at offset %3").arg(where, f.name).arg(at);
            at = data.indexOf(f.bytes, at + 1);
        }
    }
    return hits;
}

QString enc(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

int httpStatus(const QByteArray &method, quint16 port, const QString &path,
               const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkAccessManager nam;
    QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setTransferTimeout(20000);
    QNetworkReply *reply = nam.sendCustomRequest(req, method, QByteArray());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int s = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return s;
}

} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    ConsoleRun::Dirs m_dirs;
    SimulatorProcess m_sim;
    QByteArray m_gatewayToken;
    const QString m_profile =
        QStringLiteral("gc-secrets-%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(8));

    QString console() const { return QStringLiteral(GATEWAY_CONSOLE_PATH); }

    // Every regular file under `dir` (hidden ones too), searched; `except` skipped.
    QStringList scanTree(const QString &dir, const QList<Form> &forms, const QString &except,
                         QStringList *scanned)
    {
        QStringList hits;
        QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path == except || !QFileInfo(path).isFile())
                continue;
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly)) {
                hits << QStringLiteral("%1: cannot be read, so cannot be cleared").arg(path);
                continue;
            }
            const QByteArray data = f.readAll();
            scanned->append(QStringLiteral("%1 (%2 bytes)")
                                .arg(QDir(m_dirs.root).relativeFilePath(path))
                                .arg(data.size()));
            hits += findIn(path, data, forms);
        }
        return hits;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_dirs.root = m_tmp.path();
        QVERIFY(m_dirs.make());
        m_gatewayToken = "wa_" + QByteArray::number(QRandomGenerator::system()->generate64(), 16)
            + QByteArray::number(QRandomGenerator::system()->generate64(), 16);
        QVERIFY2(m_sim.start({"--sessions", "2", "--disconnected", "1", "--foreign-sessions", "0",
                              "--contacts", "600", "--groups", "6", "--members", "300", "--api-key",
                              QString::fromLatin1(m_gatewayToken)
                                  + QStringLiteral("=read,send,manage,events")}),
                 qPrintable(m_sim.errorString()));
    }

    void wholeSessionLeaksNoToken()
    {
        const QProcessEnvironment env = m_dirs.environment(true);
        QList<QPair<QString, QByteArray>> outputs; // what the console printed, by run

        // Sign-in from a terminal, then a sync from one.
        ConsoleRun::Output add = ConsoleRun::runToEnd(
            console(), env, {"profile", "add", m_profile, "--url", m_sim.url().toString()},
            m_gatewayToken + "\n");
        outputs << qMakePair(QStringLiteral("profile add: stdout"), add.out)
                << qMakePair(QStringLiteral("profile add: stderr"), add.err);
        QCOMPARE(add.exitCode, 0);
        ConsoleRun::Output sync = ConsoleRun::runToEnd(console(), env,
                                                       {"sync", "--profile", m_profile});
        outputs << qMakePair(QStringLiteral("sync: stdout"), sync.out)
                << qMakePair(QStringLiteral("sync: stderr"), sync.err);
        QVERIFY(sync.exitCode == 0
                || sync.exitCode == 1); // 1: a session could not be synced; still no leak allowed
        QVERIFY2(sync.err.contains("attempt"),
                 "gc.gateway debug lines are missing: logging is not all on");

        // Headless, with local API traffic.
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(console(), {"--headless", "--profile", m_profile, "--local-api-port", "0"});
        QVERIFY(p.waitForStarted(30000));
        ConsoleRun::Discovery d;
        QTRY_VERIFY_WITH_TIMEOUT(ConsoleRun::readDiscovery(m_dirs.discovery(), p.processId(), &d)
                                     || p.state() == QProcess::NotRunning,
                                 60000);
        QByteArray headlessErr;
        if (p.state() != QProcess::Running) {
            headlessErr = p.readAllStandardError();
            QVERIFY2(!headlessErr.contains(m_gatewayToken),
                     "the console's stderr holds the gateway token");
            QFAIL(headlessErr.right(3000).constData());
        }
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(m_dirs.discovery()).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 07777), 0600);
        QVERIFY(d.token != m_gatewayToken);

        const QByteArray bearer = "Bearer " + d.token;
        const QList<QPair<QByteArray, QByteArray>> auth{{"Authorization", bearer}};
        QString working, stopped;
        for (const SimulatorProcess::Session &s : m_sim.primarySessions())
            (s.status == QLatin1String("working") ? working : stopped) = s.id;
        QVERIFY(!working.isEmpty() && !stopped.isEmpty());
        const QString w = QStringLiteral("/api/v1/sessions/") + enc(working);
        const QString x = QStringLiteral("/api/v1/sessions/") + enc(stopped);
        QTRY_COMPARE_WITH_TIMEOUT(
            httpStatus("GET", d.port, QStringLiteral("/api/v1/console/health"), auth), 200, 15000);
        QCOMPARE(httpStatus("GET", d.port, QStringLiteral("/api/v1/sessions"), auth), 200);
        QCOMPARE(httpStatus("GET", d.port, w + QStringLiteral("/contacts?limit=200&q=a"), auth),
                 200);
        QCOMPARE(httpStatus("GET", d.port, w + QStringLiteral("/groups"), auth), 200);
        QCOMPARE(
            httpStatus("GET", d.port, QStringLiteral("/api/v1/sessions"), {{"x-api-key", d.token}}),
            200);
        QCOMPARE(httpStatus("GET", d.port, QStringLiteral("/api/v1/sessions"),
                            {{"Authorization", "Bearer gcl_wrong_token_0123456789abcdef"}}),
                 401);
        // The gateway's token offered to the local API: refused, and not written anywhere either.
        QCOMPARE(httpStatus("GET", d.port, QStringLiteral("/api/v1/sessions"),
                            {{"Authorization", "Bearer " + m_gatewayToken}}),
                 401);
        // Forwarded with the gateway token: refused by the gateway (the session is not
        // connected: 501), one it carries out (204), and a sync trigger.
        const CacheFingerprint state = readCacheFingerprint(m_dirs.cacheFile());
        QVERIFY2(state.contacts > 0, qPrintable(state.describe()));
        QString realLid;
        {
            const QString name = QUuid::createUuid().toString();
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(m_dirs.cacheFile());
                QVERIFY(db.open());
                QSqlQuery q(db);
                q.prepare(QStringLiteral("SELECT lid FROM contacts WHERE sid = (SELECT sid FROM "
                                         "sessions WHERE id = ?) LIMIT 1"));
                q.addBindValue(working);
                QVERIFY(q.exec() && q.next());
                realLid = q.value(0).toString();
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
        QCOMPARE(
            httpStatus("POST", d.port,
                       x + QStringLiteral("/contacts/") + enc(realLid) + QStringLiteral("/unblock"),
                       auth),
            501);
        QCOMPARE(
            httpStatus("POST", d.port,
                       w + QStringLiteral("/contacts/") + enc(realLid) + QStringLiteral("/unblock"),
                       auth),
            204);
        const int trigger = httpStatus("POST", d.port,
                                       QStringLiteral("/api/v1/console/sessions/") + enc(working)
                                           + QStringLiteral("/sync"),
                                       auth);
        QVERIFY2(trigger == 202 || trigger == 409, qPrintable(QString::number(trigger)));
        QCOMPARE(httpStatus("GET", d.port, QStringLiteral("/api/v1/console/audit"), auth), 200);

        const QList<Form> forms = formsOf(QStringLiteral("gateway token"), m_gatewayToken)
            + formsOf(QStringLiteral("local API token"), d.token);
        // The search finds what it looks for: the local token in the discovery file (where it
        // belongs), and each encoded form inside unrelated bytes at any alignment.
        {
            QFile discovery(m_dirs.discovery());
            QVERIFY(discovery.open(QIODevice::ReadOnly));
            QVERIFY(!findIn(QStringLiteral("discovery"), discovery.readAll(), forms).isEmpty());
            for (int shift = 0; shift < 3; ++shift) {
                const QByteArray wrapped = QByteArray(shift + 1, 'x') + m_gatewayToken + "tail";
                for (const QByteArray &encoded :
                     {wrapped.toBase64(), wrapped.toBase64(QByteArray::Base64UrlEncoding),
                      QUrl::toPercentEncoding(QString::fromLatin1(wrapped)), wrapped.toHex(),
                      wrapped.toHex().toUpper()})
                    QVERIFY2(
                        !findIn(QStringLiteral("self-test"), "<" + encoded + ">", forms).isEmpty(),
                        qPrintable(QStringLiteral("shift %1").arg(shift)));
            }
        }
        QStringList hits, scanned;
        // While it runs: every file, the runtime dir included, except the discovery file.
        hits += scanTree(m_dirs.root, forms, m_dirs.discovery(), &scanned);
        const int scannedWhileRunning = scanned.size();
        const QStringList whileRunning = scanned;

        p.terminate(); // SIGTERM
        QVERIFY(p.waitForFinished(30000));
        outputs << qMakePair(QStringLiteral("headless: stdout"), p.readAllStandardOutput())
                << qMakePair(QStringLiteral("headless: stderr"),
                             headlessErr + p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(!QFile::exists(m_dirs.discovery()), "the discovery file outlived the console");

        // After it ended: every file, no exception left.
        scanned.clear();
        hits += scanTree(m_dirs.root, forms, QString(), &scanned);
        // The keyring's own files: encrypted, so not even there in the clear.
        const QString keyrings = qEnvironmentVariable("XDG_DATA_HOME",
                                                      QDir::homePath()
                                                          + QStringLiteral("/.local/share"))
            + QStringLiteral("/keyrings");
        QStringList keyringFiles;
        hits += scanTree(keyrings,
                         formsOf(QStringLiteral("gateway token"), m_gatewayToken).mid(0, 1)
                             + formsOf(QStringLiteral("local API token"), d.token).mid(0, 1),
                         QString(), &keyringFiles);
        for (const auto &o : outputs)
            hits += findIn(o.first, o.second, forms);

        qInfo("searched %d forms of the two tokens in %lld files while running, %lld after exit, "
              "%lld keyring files, "
              "%lld output streams (%lld bytes of stderr in all)",
              int(forms.size()), qint64(scannedWhileRunning), qint64(scanned.size()),
              qint64(keyringFiles.size()), qint64(outputs.size()),
              qint64(add.err.size() + sync.err.size() + outputs.last().second.size()));
        for (const QString &f : whileRunning)
            qInfo("  while running: %s", qPrintable(f));
        for (const QString &f : scanned)
            qInfo("  after exit: %s", qPrintable(f));
        for (const QString &f : keyringFiles)
            qInfo("  keyring: %s", qPrintable(f));
        // The scan looked where the secrets would be if they leaked.
        QVERIFY(scanned.filter(QStringLiteral("cache.sqlite")).size() >= 1);
        QVERIFY(!whileRunning.filter(QStringLiteral("cache.sqlite-wal"))
                     .isEmpty()); // the WAL, before the checkpoint at exit
        QVERIFY(!scanned.filter(QStringLiteral("config/")).isEmpty()); // QSettings
        QVERIFY2(!keyringFiles.isEmpty(), "no keyring file found to check");
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
        QVERIFY2(outputs.last().second.contains("local API on"),
                 "headless stderr is missing its log");
    }

    void cleanupTestCase()
    {
        ConsoleRun::runToEnd(console(), m_dirs.environment(),
                             {"profile", "remove", m_profile, "--purge-cache"});
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"

#pragma once

// The real gateway-console binary as a child of a hardening test, with a throwaway HOME and
// XDG dirs of its own (the keyring stays the one of the D-Bus session ./run made, so the
// token it stores is in the real Secret Service). Header-only helpers shared by
// tst_consolecrash and tst_secrets.
#include "CacheFingerprint.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QThread>

#include <csignal>

namespace ConsoleRun {

struct Dirs {
    QString root;
    QString home() const { return root + QStringLiteral("/home"); }
    QString config() const { return root + QStringLiteral("/config"); }
    QString data() const { return root + QStringLiteral("/data"); }
    QString cache() const { return root + QStringLiteral("/cache"); }
    QString state() const { return root + QStringLiteral("/state"); }
    QString runtime() const { return root + QStringLiteral("/run"); }
    QString tmp() const { return root + QStringLiteral("/tmp"); }
    QString discovery() const
    {
        return runtime() + QStringLiteral("/gateway-console/local-api.json");
    }

    bool make() const
    {
        for (const QString &d : {home(), config(), data(), cache(), state(), runtime(), tmp()})
            if (!QDir().mkpath(d))
                return false;
        return QFile::setPermissions(runtime(),
                                     QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    QProcessEnvironment environment(bool allLogging = false) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.insert(QStringLiteral("HOME"), home());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), config());
        env.insert(QStringLiteral("XDG_DATA_HOME"), data());
        env.insert(QStringLiteral("XDG_CACHE_HOME"), cache());
        env.insert(QStringLiteral("XDG_STATE_HOME"), state());
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime());
        env.insert(QStringLiteral("TMPDIR"), tmp());
        if (allLogging)
            env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("gc.*.debug=true"));
        return env;
    }

    // The one cache file under the data dir (one profile per test), empty if none yet.
    QString cacheFile() const
    {
        QDirIterator it(data(), {QStringLiteral("cache.sqlite")}, QDir::Files,
                        QDirIterator::Subdirectories);
        return it.hasNext() ? it.next() : QString();
    }
};

struct Output {
    int exitCode = -1; // -2: crashed, -1: did not start or finish
    QByteArray out, err;
};

// Runs `gateway-console ARGS` to its end with `input` on stdin.
inline Output runToEnd(const QString &program, const QProcessEnvironment &env,
                       const QStringList &args, const QByteArray &input = {},
                       int timeoutMs = 120000)
{
    Output o;
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted(30000))
        return o;
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
    } else {
        o.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    }
    o.out = p.readAllStandardOutput();
    o.err = p.readAllStandardError();
    return o;
}

struct Discovery {
    QByteArray token;
    quint16 port = 0;
    qint64 pid = 0;
};

// The discovery file, once it names `pid` (a stale one of a killed run names another).
inline bool readDiscovery(const QString &path, qint64 pid, Discovery *out)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    if (qint64(o.value(QStringLiteral("pid")).toDouble()) != pid)
        return false;
    out->token = o.value(QStringLiteral("token")).toString().toLatin1();
    out->port = quint16(o.value(QStringLiteral("port")).toInt());
    out->pid = pid;
    return !out->token.isEmpty() && out->port > 0;
}

} // namespace ConsoleRun

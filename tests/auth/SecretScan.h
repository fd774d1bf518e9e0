#pragma once

// Helpers for the sign-in tests that prove a token reached no file and no log line:
// a message handler that keeps every line, stderr redirected to a file (GLib, libsecret and
// Qt's own warnings land there), and a scan of every readable file under a directory.
#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace SecretScan {

inline QMutex &logMutex()
{
    static QMutex mutex;
    return mutex;
}
inline QStringList &capturedLog()
{
    static QStringList lines;
    return lines;
}
inline QtMessageHandler &previousHandler()
{
    static QtMessageHandler handler = nullptr;
    return handler;
}

inline void captureMessage(QtMsgType type, const QMessageLogContext &context,
                           const QString &message)
{
    {
        QMutexLocker lock(&logMutex());
        capturedLog() << message;
    }
    if (previousHandler())
        previousHandler()(type, context, message);
}

// Captures every message (gc.* down to debug) and stderr until stop(). Call from
// initTestCase (QTest installs its own handler in qExec; this one chains to it).
class Capture
{
public:
    bool start(const QString &stderrFile)
    {
        m_file = stderrFile;
        previousHandler() = qInstallMessageHandler(captureMessage);
        QLoggingCategory::setFilterRules(QStringLiteral("gc.*=true"));
        std::fflush(stderr);
        m_saved = ::dup(STDERR_FILENO);
        const int fd = ::open(QFile::encodeName(m_file).constData(), O_WRONLY | O_CREAT | O_TRUNC,
                              0600);
        if (fd < 0 || m_saved < 0)
            return false;
        const bool ok = ::dup2(fd, STDERR_FILENO) >= 0;
        ::close(fd);
        return ok;
    }
    // Restores stderr and replays what was captured there, for whoever reads a failing run.
    void stop()
    {
        qInstallMessageHandler(previousHandler());
        std::fflush(stderr);
        if (m_saved >= 0) {
            ::dup2(m_saved, STDERR_FILENO);
            ::close(m_saved);
            m_saved = -1;
        }
        QFile f(m_file);
        if (f.open(QIODevice::ReadOnly))
            std::fprintf(stderr, "--- captured stderr ---\n%s", f.readAll().constData());
    }

private:
    QString m_file;
    int m_saved = -1;
};

// Log lines that contain `text`.
inline int logLinesContaining(const QString &text)
{
    QMutexLocker lock(&logMutex());
    return int(capturedLog().filter(text).size());
}

// Every readable file under `root` holding `secret` as UTF-8 or UTF-16.
inline QStringList filesContaining(const QString &root, const QString &secret)
{
    std::fflush(stderr);
    const QByteArray utf8 = secret.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2);
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
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

} // namespace SecretScan

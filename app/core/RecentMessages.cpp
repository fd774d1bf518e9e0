#include "core/RecentMessages.h"

#include "core/SecretRedactor.h"

#include <QMutex>
#include <QMutexLocker>

#include <atomic>

namespace {

struct Store {
    QMutex mutex;
    QList<RecentMessages::Entry> entries;
    QtMessageHandler previous = nullptr;
};

Store &store()
{
    static Store instance; // lives until exit: late messages from other threads stay safe
    return instance;
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    Store &s = store();
    if (type != QtDebugMsg && type != QtInfoMsg) {
        RecentMessages::Entry entry{
            QDateTime::currentDateTimeUtc(), type,
            QString::fromUtf8(context.category ? context.category : "default"),
            SecretRedactor::redact(message)};
        QMutexLocker lock(&s.mutex);
        s.entries.append(std::move(entry));
        while (s.entries.size() > RecentMessages::kCapacity)
            s.entries.removeFirst();
    }
    if (s.previous)
        s.previous(type, context, message);
}

} // namespace

void RecentMessages::install()
{
    static std::atomic_bool installed{false};
    if (installed.exchange(true))
        return;
    store().previous = qInstallMessageHandler(handler);
}

QList<RecentMessages::Entry> RecentMessages::entries()
{
    Store &s = store();
    QMutexLocker lock(&s.mutex);
    return s.entries;
}

void RecentMessages::clear()
{
    Store &s = store();
    QMutexLocker lock(&s.mutex);
    s.entries.clear();
}

QString RecentMessages::typeName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return QStringLiteral("debug");
    case QtInfoMsg:
        return QStringLiteral("info");
    case QtWarningMsg:
        return QStringLiteral("warning");
    case QtCriticalMsg:
        return QStringLiteral("critical");
    case QtFatalMsg:
        return QStringLiteral("fatal");
    }
    return QStringLiteral("?");
}

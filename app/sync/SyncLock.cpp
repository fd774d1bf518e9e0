#include "sync/SyncLock.h"

#include <QCryptographicHash>
#include <QFileInfo>

SyncLock::SyncLock(const QString &databasePath, const QString &sessionId)
{
    // Session ids come from the gateway or the user: hash them into a safe file name.
    const QByteArray hash =
        QCryptographicHash::hash(sessionId.toUtf8(), QCryptographicHash::Sha256).toHex().left(24);
    m_path = QFileInfo(databasePath).absolutePath() + QStringLiteral("/sync-")
        + QString::fromLatin1(hash) + QStringLiteral(".lock");
    m_lock = std::make_unique<QLockFile>(m_path);
    m_lock->setStaleLockTime(0); // only a dead owner makes it stale, never its age
}

bool SyncLock::tryLock()
{
    return m_lock->tryLock(0);
}

void SyncLock::unlock()
{
    m_lock->unlock();
}

#pragma once

#include <QLockFile>
#include <QString>

#include <memory>

// One sync per (profile cache, session) at a time, across processes: the window, a
// terminal `sync` and the headless mode may all try. A lock left by a killed process is
// recognised as stale (QLockFile checks the owner's pid) and taken over.
class SyncLock
{
public:
    // databasePath: the profile's cache file; the lock lives beside it.
    SyncLock(const QString &databasePath, const QString &sessionId);

    bool tryLock();
    void unlock();
    bool isLocked() const { return m_lock && m_lock->isLocked(); }
    QString path() const { return m_path; }

private:
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
};

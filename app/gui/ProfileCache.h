#pragma once

#include <QString>

#include <memory>

class AuditLog;
class CacheDatabase;
class CacheReader;
class ContactCounter;
class ProfileModels;

// The window's read side of one profile's cache: a Read connection on the GUI thread, the
// reader and audit log over it, the counter that counts contacts on a thread and connection
// of its own, and the ProfileModels the window shows. Part of the window's
// composition root, so that models and widgets open nothing themselves.
class ProfileCache
{
public:
    // Creates (and migrates) the file when missing, then only reads it. nullptr and *error
    // on failure.
    static std::unique_ptr<ProfileCache> open(const QString &profile, const QString &path,
                                              QString *error = nullptr);
    ~ProfileCache();
    ProfileCache(const ProfileCache &) = delete;
    ProfileCache &operator=(const ProfileCache &) = delete;

    ProfileModels *models() const { return m_models.get(); }
    CacheReader &reader() const { return *m_reader; }

private:
    ProfileCache() = default;

    std::unique_ptr<CacheDatabase> m_db;
    std::unique_ptr<CacheReader> m_reader;
    std::unique_ptr<AuditLog> m_auditLog;
    std::unique_ptr<ContactCounter> m_counter; // its own thread and connection
    std::unique_ptr<ProfileModels> m_models;
};

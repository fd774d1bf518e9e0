#include "ProfileCache.h"

#include "ProfileModels.h"
#include "cache/AuditLog.h"
#include "cache/CacheDatabase.h"
#include "cache/CacheReader.h"
#include "cache/ContactCounter.h"

std::unique_ptr<ProfileCache> ProfileCache::open(const QString &profile, const QString &path,
                                                 QString *error)
{
    std::unique_ptr<ProfileCache> c(new ProfileCache);
    // ReadWrite first: it creates and migrates the file, which a Read connection cannot.
    if (!CacheDatabase::open(path, CacheDatabase::Mode::ReadWrite, error))
        return nullptr;
    c->m_db = CacheDatabase::open(path, CacheDatabase::Mode::Read, error);
    if (!c->m_db)
        return nullptr;
    c->m_reader = std::make_unique<CacheReader>(*c->m_db);
    c->m_auditLog = std::make_unique<AuditLog>(*c->m_db);
    c->m_counter = std::make_unique<ContactCounter>(path);
    c->m_models = std::make_unique<ProfileModels>(profile, path, c->m_db.get(), c->m_reader.get(),
                                                  c->m_auditLog.get(), c->m_counter.get());
    return c;
}

ProfileCache::~ProfileCache()
{
    // The models hold statements of the connection: gone before it.
    m_models.reset();
    m_counter.reset();
    m_auditLog.reset();
    m_reader.reset();
    m_db.reset();
}

#include "ProfileCache.h"

#include "ContactsModel.h"
#include "DataVersionWatcher.h"
#include "GroupMembersModel.h"
#include "GroupsModel.h"
#include "SessionsModel.h"
#include "cache/AuditLog.h"
#include "cache/CacheDatabase.h"
#include "cache/CacheReader.h"
#include "cache/CacheWriter.h"

std::unique_ptr<ProfileCache> ProfileCache::open(const QString &profile, const QString &path,
                                                 QString *error)
{
    std::unique_ptr<ProfileCache> c(new ProfileCache);
    c->m_profile = profile;
    c->m_path = path;
    // ReadWrite first: it creates and migrates the file, which a Read connection cannot.
    c->m_writeDb = CacheDatabase::open(path, CacheDatabase::Mode::ReadWrite, error);
    if (!c->m_writeDb)
        return nullptr;
    c->m_db = CacheDatabase::open(path, CacheDatabase::Mode::Read, error);
    if (!c->m_db)
        return nullptr;
    c->m_reader = std::make_unique<CacheReader>(*c->m_db);
    c->m_audit = std::make_unique<AuditLog>(*c->m_writeDb);
    c->m_sessions = new SessionsModel(c->m_reader.get(), c.get());
    c->m_contacts = new ContactsModel(c->m_reader.get(), c.get());
    c->m_contacts->countInBackground(path); // typing never waits for a count
    // A window shows ~30 rows: a first page of 100 fills it with room to scroll, and costs
    // half the search work of 200 while typing.
    c->m_contacts->setPageSize(100);
    c->m_groups = new GroupsModel(c->m_reader.get(), c.get());
    c->m_members = new GroupMembersModel(c->m_reader.get(), c.get());
    c->m_watcher = new DataVersionWatcher(c->m_db.get(), 1000, c.get());
    connect(c->m_watcher, &DataVersionWatcher::changed, c.get(), &ProfileCache::refresh);
    c->m_sessions->refresh();
    return c;
}

ProfileCache::~ProfileCache()
{
    // Models and the reader hold statements of the connections: gone before them.
    delete m_watcher;
    delete m_members;
    delete m_groups;
    delete m_contacts;
    delete m_sessions;
    m_audit.reset();
    m_reader.reset();
    m_db.reset();
    m_writeDb.reset();
}

void ProfileCache::refresh()
{
    m_sessions->refresh();
    m_contacts->refresh();
    m_groups->refresh();
    m_members->refresh();
    Q_EMIT refreshed();
}

bool ProfileCache::storeSessions(const QList<WaSession> &sessions)
{
    CacheWriter writer(*m_writeDb);
    const bool ok = writer.upsertSessions(sessions);
    m_sessions->refresh();
    return ok;
}

bool ProfileCache::addSessionIds(const QStringList &ids)
{
    CacheWriter writer(*m_writeDb);
    const QList<CachedSession> known = m_reader->sessions();
    bool ok = true;
    for (const QString &id : ids) {
        const bool present = std::any_of(
            known.begin(), known.end(), [&](const CachedSession &s) { return s.session.id == id; });
        if (!present)
            ok = writer.addSession(id) && ok;
    }
    m_sessions->refresh();
    return ok;
}

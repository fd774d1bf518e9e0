#include "ProfileModels.h"

#include "AuditModel.h"
#include "ContactDetailModel.h"
#include "ContactsModel.h"
#include "DataVersionWatcher.h"
#include "GroupMembersModel.h"
#include "GroupsModel.h"
#include "SessionsModel.h"

ProfileModels::ProfileModels(const QString &profile, const QString &path, CacheDatabase *db,
                             CacheReader *reader, AuditLog *auditLog, ContactCounter *counter,
                             QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_path(path)
    , m_reader(reader)
    , m_sessions(new SessionsModel(reader, this))
    , m_contacts(new ContactsModel(reader, this))
    , m_groups(new GroupsModel(reader, this))
    , m_members(new GroupMembersModel(reader, this))
    , m_detail(new ContactDetailModel(reader, this))
    , m_audit(new AuditModel(auditLog, this))
    , m_watcher(new DataVersionWatcher(db, kWatchMs, this))
{
    m_contacts->countInBackground(counter); // typing never waits for a count
    // A window shows ~30 rows: a first page of 100 fills it with room to scroll, and costs
    // half the search work of 200 while typing.
    m_contacts->setPageSize(100);
    m_gap.setSingleShot(true);
    m_gap.setInterval(kRefreshGapMs);
    connect(&m_gap, &QTimer::timeout, this, [this] {
        if (!m_pending)
            return;
        m_pending = false;
        refresh();
        m_gap.start();
    });
    connect(m_watcher, &DataVersionWatcher::changed, this, &ProfileModels::noteCacheChanged);
    m_sessions->refresh();
}

ProfileModels::~ProfileModels()
{
    // The models hold statements of the reader's connection: gone before the owner closes it.
    delete m_watcher;
    delete m_audit;
    delete m_detail;
    delete m_members;
    delete m_groups;
    delete m_contacts;
    delete m_sessions;
}

void ProfileModels::noteCacheChanged()
{
    if (m_gap.isActive()) {
        m_pending = true;
        return;
    }
    refresh();
    m_gap.start();
}

void ProfileModels::refresh()
{
    m_sessions->refresh();
    m_contacts->refresh();
    m_groups->refresh();
    m_members->refresh();
    m_detail->refresh();
    m_audit->reload();
    Q_EMIT refreshed();
}

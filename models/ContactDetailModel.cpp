#include "ContactDetailModel.h"

#include "ContactGroupsModel.h"
#include "cache/CacheReader.h"
#include "gateway/GatewayClient.h"

#include <QDateTime>

namespace {

bool sameGroups(const QList<ContactGroup> &a, const QList<ContactGroup> &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i) {
        const ContactGroup &x = a.at(i);
        const ContactGroup &y = b.at(i);
        if (x.jid != y.jid || x.role != y.role || x.tag != y.tag || x.name != y.name
            || x.lastSeen != y.lastSeen)
            return false;
    }
    return true;
}

bool sameDetail(const CachedContactDetail &a, const CachedContactDetail &b)
{
    const CachedContact &x = a.contact;
    const CachedContact &y = b.contact;
    return x.contact.name == y.contact.name && x.contact.phoneNumber == y.contact.phoneNumber
        && x.contact.businessName == y.contact.businessName && x.contact.source == y.contact.source
        && x.phoneJid == y.phoneJid && x.firstSeenAt == y.firstSeenAt && x.updatedAt == y.updatedAt
        && x.detailSyncedAt == y.detailSyncedAt && x.syncedAt == y.syncedAt
        && a.detail.dm == b.detail.dm && sameGroups(a.detail.groups, b.detail.groups);
}

} // namespace

ContactDetailModel::ContactDetailModel(CacheReader *reader, QObject *parent)
    : QObject(parent)
    , m_reader(reader)
    , m_groups(new ContactGroupsModel(this))
{
}

void ContactDetailModel::setClient(GatewayClient *client)
{
    m_client = client;
}

bool ContactDetailModel::hasDm() const
{
    return m_dm || (m_contact && m_contact->contact.source == QLatin1String("dm"));
}

void ContactDetailModel::clear()
{
    m_session.clear();
    m_lid.clear();
    m_contact.reset();
    m_cached.reset();
    m_dm = false;
    m_freshness = Freshness::None;
    m_groups->setGroups({});
    Q_EMIT changed();
}

void ContactDetailModel::show(const QString &sessionId, const QString &lid)
{
    if (sessionId == m_session && lid == m_lid)
        return;
    clear();
    if (lid.isEmpty())
        return;
    m_session = sessionId;
    m_lid = lid;
    m_freshness = Freshness::Cached;
    if (auto detail = m_reader ? m_reader->contact(sessionId, lid) : std::nullopt) {
        m_cached = detail;
        m_contact = detail->contact;
        m_dm = detail->detail.dm;
        m_groups->setGroups(detail->detail.groups);
    } else {
        CachedContact c;
        c.contact.lid = lid;
        m_contact = c;
    }
    Q_EMIT changed();
    fetchLive();
}

void ContactDetailModel::refresh()
{
    if (m_lid.isEmpty() || !m_reader)
        return;
    const std::optional<CachedContactDetail> detail = m_reader->contact(m_session, m_lid);
    if (!detail || (m_cached && sameDetail(*m_cached, *detail)))
        return; // unreadable, not cached, or unchanged: what is shown stays
    m_cached = detail;
    // The cache is as new as the feed: its fields win, a live answer fills what it lacks.
    CachedContact c = detail->contact;
    if (m_contact) {
        if (!c.phoneJid)
            c.phoneJid = m_contact->phoneJid;
        if (!c.firstSeenAt)
            c.firstSeenAt = m_contact->firstSeenAt;
        if (!c.updatedAt)
            c.updatedAt = m_contact->updatedAt;
        if (m_freshness == Freshness::Live)
            c.detailSyncedAt = m_contact->detailSyncedAt;
    }
    m_contact = c;
    m_dm = detail->detail.dm || (m_freshness == Freshness::Live && m_dm);
    m_groups->updateGroups(detail->detail.groups);
    Q_EMIT changed();
}

void ContactDetailModel::fetchLive()
{
    if (!m_client || !m_client->hasEndpoint())
        return;
    const QString session = m_session;
    const QString lid = m_lid;
    m_client->getContact(session, lid, this,
                         [this, session, lid](const GatewayResult<ContactDetail> &r) {
                             if (session != m_session || lid != m_lid)
                                 return; // another contact is shown by now
                             if (r.ok())
                                 applyLive(*r.value);
                         });
}

void ContactDetailModel::applyLive(const ContactDetail &detail)
{
    CachedContact c = m_contact.value_or(CachedContact());
    if (const auto &id = detail.identity) {
        if (id->name)
            c.contact.name = id->name;
        if (id->phoneNumber)
            c.contact.phoneNumber = id->phoneNumber;
        if (id->phoneJid)
            c.phoneJid = id->phoneJid;
        if (id->businessName)
            c.contact.businessName = id->businessName;
        if (id->firstSeenAt > 0)
            c.firstSeenAt = id->firstSeenAt;
        if (id->updatedAt > 0)
            c.updatedAt = id->updatedAt;
    }
    c.detailSyncedAt = QDateTime::currentMSecsSinceEpoch();
    m_contact = c;
    m_dm = detail.dm;
    m_freshness = Freshness::Live;
    m_groups->updateGroups(detail.groups); // the same contact: its selected group stays
    Q_EMIT changed();
}

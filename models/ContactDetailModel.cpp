#include "ContactDetailModel.h"

#include "ContactGroupsModel.h"
#include "cache/CacheReader.h"
#include "gateway/GatewayClient.h"

#include <QDateTime>

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
    m_groups->setGroups(detail.groups);
    Q_EMIT changed();
}

#include "DataSet.h"

namespace sim {

const QStringList &DataSet::statuses()
{
    static const QStringList s = {QStringLiteral("starting"), QStringLiteral("scan_qr_code"),
                                  QStringLiteral("working"),  QStringLiteral("failed"),
                                  QStringLiteral("stopped"),  QStringLiteral("logged_out")};
    return s;
}

bool DataSet::isPaired(const QString &status)
{
    // Before pairing (or after a logout) the session has no number attached.
    return status == QLatin1String("working") || status == QLatin1String("stopped")
        || status == QLatin1String("failed");
}

bool DataSet::isLive(qint64 contact, int session) const
{
    return contact >= 0 && quint64(contact) < contacts.size()
        && contacts[size_t(contact)].session == session
        && !contacts[size_t(contact)].has(Contact::Removed);
}

qint64 DataSet::contactByLidDigits(int session, QByteArrayView digits) const
{
    const auto added = overlay.lidContact.constFind(Overlay::key(digits, session));
    if (added != overlay.lidContact.cend() && isLive(*added, session))
        return *added;
    const qint64 i = m_ids.contactFromLid(digits);
    return isLive(i, session) ? i : -1;
}

qint64 DataSet::contactByPhone(int session, QByteArrayView digits) const
{
    const auto added = overlay.phoneContact.constFind(Overlay::key(digits, session));
    if (added != overlay.phoneContact.cend() && isLive(*added, session))
        return *added;
    int plan = -1;
    const qint64 i = m_ids.contactFromPhone(digits, &plan);
    if (!isLive(i, session) || !contacts[size_t(i)].has(Contact::HasPhone))
        return -1;
    // The digits only decode to this row if they were generated with the row's own plan.
    return phonePlanOf(quint32(i)) == plan ? i : -1;
}

qint64 DataSet::groupByDigits(int session, QByteArrayView digits) const
{
    const qint64 g = m_ids.groupFromDigits(digits);
    if (g < 0 || quint64(g) >= groups.size() || groups[size_t(g)].session != session)
        return -1;
    return g;
}

std::pair<const quint32 *, const quint32 *> DataSet::membershipsOf(quint32 contact) const
{
    if (contact + 1 >= contactMemOffsets.size()) // added later by a mutation: in no group
        return {nullptr, nullptr};
    const quint32 *base = contactMems.data();
    return {base + contactMemOffsets[contact], base + contactMemOffsets[contact + 1]};
}

const QList<quint32> &DataSet::addedMembershipsOf(quint32 contact) const
{
    static const QList<quint32> kNoRows;
    const auto it = overlay.contactMembers.constFind(contact);
    return it == overlay.contactMembers.cend() ? kNoRows : *it;
}

const QList<quint32> &DataSet::addedMembersOf(quint32 group) const
{
    static const QList<quint32> kNoRows;
    const auto it = overlay.groupMembers.constFind(group);
    return it == overlay.groupMembers.cend() ? kNoRows : *it;
}

} // namespace sim

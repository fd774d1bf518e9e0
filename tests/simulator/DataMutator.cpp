#include "DataMutator.h"

#include "DataSet.h"
#include "Salts.h"

#include <QSet>

#include <algorithm>

namespace sim {

namespace {

class Mutator
{
public:
    Mutator(DataSet &d, int session)
        : d(d)
        , si(session)
        , s(d.sessions[session])
        , rng(hashOf(d.seed(), salt::Mutation, (quint64(quint32(session)) << 32) | s.mutations++))
    {
    }

    // Up to n distinct live contacts of the session, drawn from the seeded stream.
    QList<quint32> pickContacts(qint64 n)
    {
        QList<quint32> out;
        const quint64 slotCount = quint64(s.contactEnd - s.contactBegin)
            + quint64(s.extraContacts.size());
        n = std::min<qint64>(n, s.liveContacts);
        QSet<quint32> seen;
        for (quint64 tries = 0; qint64(out.size()) < n && tries < quint64(n) * 20 + 1000; ++tries)
            consider(slotRow(rng.below(slotCount)), &out, &seen);
        for (quint64 k = 0; qint64(out.size()) < n && k < slotCount;
             ++k) // few live rows left: sweep
            consider(slotRow(k), &out, &seen);
        return out;
    }

    QList<quint32> pickMemberships(qint64 n)
    {
        QList<quint32> out;
        if (s.groupBegin == s.groupEnd)
            return out;
        const quint32 begin = d.groups[s.groupBegin].memBegin,
                      end = d.groups[s.groupEnd - 1].memEnd;
        n = std::min<qint64>(n, s.liveMemberships);
        QSet<quint32> seen;
        auto consider = [&](quint32 m) {
            if (!d.memberships[m].removed && !seen.contains(m)) {
                seen.insert(m);
                out << m;
            }
        };
        for (quint64 tries = 0;
             qint64(out.size()) < n && tries < quint64(n) * 20 + 1000 && end > begin; ++tries)
            consider(begin + quint32(rng.below(end - begin)));
        for (quint32 m = begin; qint64(out.size()) < n && m < end; ++m)
            consider(m);
        return out;
    }

    void removeMembership(quint32 m, MutationResult *r)
    {
        Membership &row = d.memberships[m];
        if (row.removed)
            return;
        row.removed = true;
        --d.groups[row.group].liveMembers;
        --s.liveMemberships;
        r->removedMemberships << m;
    }

    DataSet &d;
    int si;
    Session &s;
    Prng rng;

private:
    quint32 slotRow(quint64 slot) const
    {
        const quint64 range = s.contactEnd - s.contactBegin;
        return slot < range ? s.contactBegin + quint32(slot)
                            : s.extraContacts[qsizetype(slot - range)];
    }

    void consider(quint32 c, QList<quint32> *out, QSet<quint32> *seen)
    {
        if (!d.contacts[c].has(Contact::Removed) && !seen->contains(c)) {
            seen->insert(c);
            *out << c;
        }
    }
};

} // namespace

MutationResult mutate(DataSet &d, int session, const MutationRequest &req, qint64 nowSec)
{
    Mutator m(d, session);
    MutationResult r;
    r.removed = m.pickContacts(req.removeContacts);
    for (quint32 c : r.removed) {
        d.contacts[c].flags |= Contact::Removed;
        --m.s.liveContacts;
        const auto [begin, end] = d.membershipsOf(c);
        for (const quint32 *it = begin; it != end; ++it)
            m.removeMembership(*it, &r);
        for (quint32 mi : d.addedMembershipsOf(c))
            m.removeMembership(mi, &r);
    }
    r.renamed = m.pickContacts(req.renameContacts);
    for (quint32 c : r.renamed)
        d.renameContact(c, quint64(m.s.mutations) + 1, nowSec);
    for (quint32 mi : m.pickMemberships(req.removeMemberships))
        m.removeMembership(mi, &r);
    for (int k = 0; k < req.addContacts; ++k) {
        const quint32 c = quint32(d.contacts.size());
        Contact row = d.makeContact(c, session, true); // new rows come from direct chats
        row.firstSeen = row.updated = quint32(nowSec);
        d.contacts.push_back(row);
        m.s.extraContacts << c;
        ++m.s.liveContacts;
        r.added << c;
    }
    return r;
}

} // namespace sim

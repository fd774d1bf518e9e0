// Builds the deterministic data set: orgs, sessions, contacts, groups and memberships.
#include "DataSet.h"

#include "NamePools.h"
#include "Salts.h"

#include <algorithm>
#include <cmath>

namespace sim {

namespace {

constexpr qint64 kSpan = kDataNow - kDataEpoch;
constexpr qint64 kDay = 86400;
constexpr qint64 kGroupsEverCreated = 1388534400; // 2014-01-01: oldest createdAtWa

const char *const kDisconnectedCycle[] = {"stopped", "scan_qr_code", "logged_out", "failed",
                                          "starting"};

qint64 share(qint64 total, int parts, int i)
{
    return parts <= 0 ? 0 : total / parts + (i < total % parts ? 1 : 0);
}

} // namespace

class DataGenerator
{
public:
    DataGenerator(DataSet &d, const GenParams &p)
        : d(d)
        , p(p)
    {
    }
    void run();

private:
    void addSession(int org, int index, const QString &status, qint64 contacts, qint64 groups,
                    qint64 members);
    void addGroups(int si, qint64 n);
    void addMemberships(int si, qint64 n);
    void buildContactIndex();

    DataSet &d;
    const GenParams &p;
};

DataSet::DataSet(const GenParams &params)
    : m_seed(params.seed)
    , m_ids(params.seed)
{
    DataGenerator(*this, params).run();
}

void DataGenerator::run()
{
    for (int o = 0; o < 2; ++o)
        d.orgs << Org{QStringLiteral("org_")
                          + d.m_ids.ulid((kDataEpoch - 86400 * 200) * 1000, salt::Org, quint64(o)),
                      o == 1};
    const qint64 total = qint64(p.sessions) + p.foreignSessions;
    d.contacts.reserve(size_t(p.contacts + 50 * p.foreignSessions));
    d.memberships.reserve(size_t(p.members + 120 * p.foreignSessions));
    for (int i = 0; i < p.sessions; ++i) {
        const int k = i - (p.sessions - p.disconnected);
        const QString status = QString::fromLatin1(k >= 0 ? kDisconnectedCycle[k % 5] : "working");
        addSession(0, i, status, share(p.contacts, p.sessions, i), share(p.groups, p.sessions, i),
                   share(p.members, p.sessions, i));
    }
    for (int f = 0; f < p.foreignSessions; ++f)
        addSession(1, p.sessions + f, QStringLiteral("working"), 50, 3, 120);
    Q_ASSERT(d.sessions.size() == total);
    buildContactIndex();
}

void DataGenerator::addSession(int org, int index, const QString &status, qint64 contacts,
                               qint64 groups, qint64 members)
{
    const quint64 h = hashOf(p.seed, salt::Session, quint64(index));
    Session s;
    s.org = org;
    s.status = status;
    s.createdAt = (kDataEpoch + qint64(below(h, kSpan / 2))) * 1000 + qint64(below(mix64(h), 1000));
    s.id = d.m_ids.ulid(s.createdAt, salt::Session, quint64(index));
    s.updatedAt = s.createdAt + qint64(below(mix64(h + 1), quint64(kSpan / 2) * 1000));
    if (status == QLatin1String("working"))
        s.lastConnectedAt = kDataNow * 1000 - qint64(below(mix64(h + 2), 3600 * 1000));
    else if (DataSet::isPaired(status))
        s.lastConnectedAt = s.updatedAt - qint64(below(mix64(h + 3), 86400 * 1000));
    s.label = index % 5 == 4 ? -1 : index % int(pools::sessionLabels().size());
    s.gateway = index % int(pools::gatewayIds().size());
    if (index % 3 != 2)
        s.createdBy = QStringLiteral("user_")
            + d.m_ids.ulid(kDataEpoch * 1000, salt::User, quint64(index % 2));
    s.admin = org == 0 && index == 0;
    s.autoRead = index % 2 == 1;
    s.presenceTyping = index % 3 != 1;
    s.ratePerMin = 20 + 10 * (index % 3);
    s.ratePerHour = s.ratePerMin * 30;

    const int si = int(d.sessions.size());
    d.m_sessionIndex.insert(s.id, si);
    d.sessions << s;

    Session &ss = d.sessions[si];
    ss.contactBegin = quint32(d.contacts.size());
    const bool dmOnly = groups == 0;
    for (qint64 i = 0; i < contacts; ++i)
        d.contacts.push_back(d.makeContact(quint32(d.contacts.size()), si, dmOnly));
    ss.contactEnd = quint32(d.contacts.size());
    ss.liveContacts = contacts;
    addGroups(si, groups);
    addMemberships(si, members);
}

Contact DataSet::makeContact(quint32 i, int session, bool dmOnly) const
{
    Contact c;
    c.session = quint16(session);
    const quint64 h1 = hashOf(m_seed, salt::ContactFlags, i);
    const quint64 h2 = mix64(h1), h3 = mix64(h2), h4 = mix64(h3);
    if (chance(h1, 0.70) && phonePlanOf(i) >= 0)
        c.flags |= Contact::HasPhone;
    if (chance(h3, 0.08))
        c.flags |= Contact::Business;
    if (dmOnly || chance(h4, 0.30))
        c.flags |= Contact::Dm;
    if (chance(h2, 0.85)) {
        const pools::Culture &cu = pools::culture(cultureOf(i));
        const quint64 hn = hashOf(m_seed, salt::ContactName, i);
        c.flags |= Contact::HasName;
        c.first = quint16(cu.firstBegin + int(below(hn, quint64(cu.firstEnd - cu.firstBegin))));
        if (chance(mix64(hn), cu.lastChance))
            c.last = quint16(cu.lastBegin
                             + int(below(mix64(hn + 1), quint64(cu.lastEnd - cu.lastBegin))));
        const quint64 hd = mix64(hn + 2);
        int honorific = 0, emoji = 0;
        if (cultureOf(i) == pools::Indonesian && chance(hd, 0.12))
            honorific = 1 + int(below(mix64(hd), quint64(pools::honorifics().size() - 1)));
        if (chance(mix64(hd + 1), 0.10))
            emoji = 1 + int(below(mix64(hd + 2), quint64(pools::emojis().size() - 1)));
        c.deco = quint8(honorific | (emoji << 4));
    }
    const quint64 ht = hashOf(m_seed, salt::ContactTimes, i);
    c.firstSeen = quint32(kDataEpoch + qint64(below(ht, quint64(kSpan * 9 / 10))));
    c.updated = c.firstSeen + quint32(below(mix64(ht), quint64(kDataNow - c.firstSeen)));
    return c;
}

void DataSet::renameContact(quint32 contact, quint64 variant, qint64 nowSec)
{
    Contact &c = contacts[contact];
    const pools::Culture &cu = pools::culture(cultureOf(contact));
    const quint64 hn = hashOf(m_seed, salt::ContactName, contact ^ (variant << 40));
    const quint16 oldFirst = c.first;
    c.first = quint16(cu.firstBegin + int(below(hn, quint64(cu.firstEnd - cu.firstBegin))));
    if (c.first == oldFirst) // a rename must be visible
        c.first = quint16(cu.firstBegin
                          + (c.first - cu.firstBegin + 1) % (cu.firstEnd - cu.firstBegin));
    c.flags |= Contact::HasName;
    c.updated = quint32(nowSec);
    overlay.contactName.remove(contact); // a name an event gave would hide the new one
}

void DataGenerator::addGroups(int si, qint64 n)
{
    Session &s = d.sessions[si];
    s.groupBegin = quint32(d.groups.size());
    for (qint64 k = 0; k < n; ++k) {
        const quint32 g = quint32(d.groups.size());
        const quint64 ht = hashOf(p.seed, salt::GroupText, g);
        const quint64 hf = hashOf(p.seed, salt::GroupFlags, g);
        const quint64 hs = hashOf(p.seed, salt::GroupTimes, g);
        Group gr;
        gr.session = quint16(si);
        gr.subject = quint16(below(ht, quint64(pools::groupSubjects().size())));
        gr.subjectNumber = quint8(1 + below(mix64(ht), 20));
        gr.description = quint16(below(mix64(ht + 1), quint64(pools::groupDescriptions().size())));
        auto flagIf = [&gr](quint64 h, double pr, Group::Flag f) {
            if (chance(h, pr))
                gr.flags |= f;
        };
        quint64 x = hf;
        flagIf(x = mix64(x), 0.95, Group::HasSubject);
        flagIf(x = mix64(x), 0.35, Group::HasDescription);
        flagIf(x = mix64(x), 0.90, Group::HasOwner);
        flagIf(x = mix64(x), 0.85, Group::AnnounceKnown);
        flagIf(x = mix64(x), 0.15, Group::Announce);
        flagIf(x = mix64(x), 0.85, Group::LockedKnown);
        flagIf(x = mix64(x), 0.30, Group::Locked);
        flagIf(x = mix64(x), 0.90, Group::HasCreated);
        flagIf(x = mix64(x), 0.95, Group::CountKnown);
        gr.firstSeen = quint32(kDataEpoch + qint64(below(hs, quint64(kSpan * 6 / 10))));
        gr.createdWa = quint32(std::max<qint64>(
            kGroupsEverCreated, gr.firstSeen - qint64(below(mix64(hs), 8 * 365 * kDay))));
        gr.updated = gr.firstSeen + quint32(below(mix64(hs + 1), quint64(kDataNow - gr.firstSeen)));
        d.groups.push_back(gr);
    }
    s.groupEnd = quint32(d.groups.size());
}

void DataGenerator::addMemberships(int si, qint64 wanted)
{
    Session &s = d.sessions[si];
    const quint64 nGroups = s.groupEnd - s.groupBegin;
    const quint64 nContacts = s.contactEnd - s.contactBegin;
    if (nGroups == 0 || nContacts == 0 || wanted <= 0)
        return;
    const quint64 target = std::min<quint64>(quint64(wanted), nGroups * nContacts);

    // Group sizes are skewed like real life: a few big groups, many small ones.
    std::vector<double> cumulative(nGroups);
    double sum = 0;
    for (quint64 g = 0; g < nGroups; ++g)
        cumulative[g] = sum += std::exp(
            3.5 * unitOf(hashOf(p.seed, salt::GroupWeight, s.groupBegin + g)));
    Prng rng(hashOf(p.seed, salt::MemberPick, quint64(si)));
    auto pickGroup = [&]() -> quint64 {
        const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), rng.unit() * sum);
        return std::min<quint64>(quint64(it - cumulative.begin()), nGroups - 1);
    };

    // Pairs (local group << 32 | local contact): sorted, they are the group member lists.
    std::vector<quint64> pairs;
    pairs.reserve(size_t(target));
    for (quint64 c = 0; c < nContacts && pairs.size() < target;
         ++c) // "group" contacts need a group
        if (!d.contacts[s.contactBegin + c].has(Contact::Dm))
            pairs.push_back(pickGroup() << 32 | c);
    for (int round = 0; round < 8 && pairs.size() < target; ++round) {
        for (quint64 need = target - pairs.size(); need > 0; --need)
            pairs.push_back(pickGroup() << 32 | rng.below(nContacts));
        std::sort(pairs.begin(), pairs.end());
        pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    }
    if (pairs.size() < target) { // nearly every pair wanted: take the missing ones in order
        std::vector<quint64> extra;
        for (quint64 g = 0; g < nGroups && pairs.size() + extra.size() < target; ++g)
            for (quint64 c = 0; c < nContacts && pairs.size() + extra.size() < target; ++c)
                if (!std::binary_search(pairs.begin(), pairs.end(), g << 32 | c))
                    extra.push_back(g << 32 | c);
        pairs.insert(pairs.end(), extra.begin(), extra.end());
    }
    std::sort(pairs.begin(), pairs.end());

    size_t at = 0;
    for (quint64 lg = 0; lg < nGroups; ++lg) {
        const quint32 g = s.groupBegin + quint32(lg);
        Group &gr = d.groups[g];
        gr.memBegin = quint32(d.memberships.size());
        const size_t first = at;
        while (at < pairs.size() && (pairs[at] >> 32) == lg)
            ++at;
        const size_t size = at - first;
        const size_t owner = first + size_t(below(hashOf(p.seed, salt::MemberRole, g), size));
        for (size_t k = first; k < at; ++k) {
            Membership m;
            m.group = g;
            m.contact = s.contactBegin + quint32(pairs[k] & 0xffffffffu);
            const quint32 mi = quint32(d.memberships.size());
            const quint64 hr = hashOf(p.seed, salt::MemberRole, quint64(mi) + 1);
            m.role = k == owner ? Membership::SuperAdmin
                                : (chance(hr, 0.08) ? Membership::Admin : Membership::Member);
            const double t = unitOf(hashOf(p.seed, salt::MemberTag, mi));
            m.tag = t < 0.35 ? Membership::PhoneTag
                             : (t < 0.60 ? Membership::NameTag : Membership::NoTag);
            const quint64 ht = hashOf(p.seed, salt::MemberTimes, mi);
            const qint64 start = std::max<qint64>(d.contacts[m.contact].firstSeen, gr.firstSeen);
            m.firstSeen = quint32(std::min<qint64>(kDataNow, start + qint64(below(ht, 20 * kDay))));
            m.lastSeen = m.firstSeen
                + quint32(below(mix64(ht), quint64(kDataNow - m.firstSeen) + 1));
            d.memberships.push_back(m);
        }
        gr.memEnd = quint32(d.memberships.size());
        gr.liveMembers = quint32(size);
        if (size == 0)
            gr.flags &= quint16(~Group::HasOwner);
    }
    s.liveMemberships = qint64(pairs.size());
}

void DataGenerator::buildContactIndex()
{
    std::vector<quint32> &off = d.contactMemOffsets;
    off.assign(d.contacts.size() + 1, 0);
    for (const Membership &m : d.memberships)
        ++off[m.contact + 1];
    for (size_t i = 1; i < off.size(); ++i)
        off[i] += off[i - 1];
    d.contactMems.assign(d.memberships.size(), 0);
    std::vector<quint32> fill(off.begin(), off.end() - 1);
    for (quint32 mi = 0; mi < d.memberships.size(); ++mi)
        d.contactMems[fill[d.memberships[mi].contact]++] = mi;
}

} // namespace sim

#include "EventStream.h"

#include "DataSet.h"
#include "Events.h"
#include "NamePools.h"
#include "Realtime.h"
#include "Salts.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace sim {

namespace {

constexpr int kMaxPerTick = 1000; // a stalled event loop catches up in bounded steps

} // namespace

EventStream::EventStream(DataSet &data, Realtime &realtime, quint64 seed, QObject *parent)
    : QObject(parent)
    , m_data(data)
    , m_realtime(realtime)
    , m_rng(hashOf(seed, salt::Events, 0))
{
    connect(&m_timer, &QTimer::timeout, this, &EventStream::tick);
}

void EventStream::setRate(double perSecond)
{
    m_rate = std::clamp(perSecond, 0.0, kMaxRate);
    m_due = 0;
    m_timer.stop();
    if (m_rate <= 0)
        return;
    m_clock.start();
    m_timer.start(std::clamp(int(1000 / m_rate), 5, 1000));
}

void EventStream::tick()
{
    const quint64 target = quint64(double(m_clock.elapsed()) * m_rate / 1000.0);
    for (int n = 0; m_due < target && n < kMaxPerTick; ++n) {
        ++m_due;
        for (int tries = 0; tries < 8 && !publishOne(); ++tries) {}
    }
}

qint64 EventStream::randomContact(int s)
{
    const Session &ss = m_data.sessions[s];
    const quint64 slots = quint64(ss.contactEnd - ss.contactBegin)
        + quint64(ss.extraContacts.size());
    for (int tries = 0; slots > 0 && tries < 20; ++tries) {
        const quint64 k = m_rng.below(slots);
        const quint32 c = k < ss.contactEnd - ss.contactBegin
            ? ss.contactBegin + quint32(k)
            : ss.extraContacts[qsizetype(k - (ss.contactEnd - ss.contactBegin))];
        if (!m_data.contacts[c].has(Contact::Removed))
            return c;
    }
    return -1;
}

// One random change; false when the draw found nothing to change (the caller draws again).
bool EventStream::publishOne()
{
    const int s = int(m_rng.below(quint64(m_data.sessions.size())));
    const Session &ss = m_data.sessions[s];
    const quint64 kind = m_rng.below(100);
    QString event;
    QJsonObject p;
    if (kind < 55 || ss.groupBegin == ss.groupEnd) {
        const qint64 c = randomContact(s);
        if (c < 0)
            return false;
        event = QStringLiteral("contact.update");
        p.insert(QLatin1String("jid"), QString::fromLatin1(m_data.lid(quint32(c))));
        const QStringList &first = pools::firstNames(), &last = pools::lastNames();
        p.insert(QLatin1String("pushName"),
                 first.at(qsizetype(m_rng.below(quint64(first.size())))) + QLatin1Char(' ')
                     + last.at(qsizetype(m_rng.below(quint64(last.size())))));
    } else {
        const quint32 g = ss.groupBegin + quint32(m_rng.below(ss.groupEnd - ss.groupBegin));
        const Group &gr = m_data.groups[g];
        p.insert(QLatin1String("groupJid"), QString::fromLatin1(m_data.groupJid(g)));
        if (kind < 70) {
            event = QStringLiteral("group.update");
            const quint32 other = ss.groupBegin + quint32(m_rng.below(ss.groupEnd - ss.groupBegin));
            const QString subject = m_data.groupSubject(other);
            if (m_rng.below(2) == 0 && !subject.isEmpty())
                p.insert(QLatin1String("subject"),
                         subject + QStringLiteral(" (%1)").arg(m_rng.below(100)));
            else
                p.insert(QLatin1String("isAnnounce"), !gr.has(Group::Announce));
        } else {
            event = QStringLiteral("group.participant");
            const qint64 c = randomContact(s);
            const bool anyMember = gr.memEnd > gr.memBegin;
            const Membership *m = anyMember
                ? &m_data.memberships[gr.memBegin + quint32(m_rng.below(gr.memEnd - gr.memBegin))]
                : nullptr;
            const QString who = QString::fromLatin1(m && !m->removed ? m_data.lid(m->contact)
                                                                     : QByteArray());
            const quint64 what = m_rng.below(4);
            if (!who.isEmpty() && what == 0)
                p.insert(QLatin1String("leave"), QJsonArray{who});
            else if (!who.isEmpty() && what == 1 && m->role != Membership::SuperAdmin)
                p.insert(m->role == Membership::Admin ? QLatin1String("demote")
                                                      : QLatin1String("promote"),
                         QJsonArray{who});
            else if (c >= 0)
                p.insert(QLatin1String("join"),
                         QJsonArray{QString::fromLatin1(m_data.lid(quint32(c)))});
            else
                return false;
        }
    }
    const qint64 ms = QDateTime::currentMSecsSinceEpoch();
    EventChange change;
    Response error;
    if (!applyEvent(m_data, s, event, p, ms, &change, &error))
        return false;
    m_realtime.publish(s, change, ms);
    ++m_published;
    return true;
}

} // namespace sim

// The text of the data set, rebuilt from row indexes and the word pools on every request.
#include "DataSet.h"

#include "NamePools.h"
#include "Salts.h"

namespace sim {

int DataSet::cultureOf(quint32 contact) const
{
    double u = unitOf(hashOf(m_seed, salt::Culture, contact));
    for (int c = 0; c < pools::CultureCount - 1; ++c) {
        u -= pools::culture(c).weight;
        if (u < 0)
            return c;
    }
    return pools::CultureCount - 1;
}

int DataSet::phonePlanOf(quint32 contact) const
{
    return m_ids.phonePlan(contact, cultureOf(contact));
}

QByteArray DataSet::lid(quint32 contact) const
{
    const auto added = overlay.contactLid.constFind(contact);
    if (added != overlay.contactLid.cend())
        return *added + "@lid";
    return m_ids.lidDigits(contact) + "@lid";
}

QByteArray DataSet::phone(quint32 contact) const
{
    if (!contacts[contact].has(Contact::HasPhone))
        return {};
    const auto added = overlay.contactPhone.constFind(contact);
    if (added != overlay.contactPhone.cend())
        return *added;
    return m_ids.phoneDigits(contact, phonePlanOf(contact));
}

void DataSet::appendName(QString &out, quint32 contact) const
{
    const Contact &c = contacts[contact];
    if (!c.has(Contact::HasName))
        return;
    const auto renamed = overlay.contactName.constFind(contact);
    if (renamed != overlay.contactName.cend()) {
        out += *renamed;
        return;
    }
    if (const int h = c.deco & 0xf)
        out += pools::honorifics().at(h) + QLatin1Char(' ');
    out += pools::firstNames().at(c.first);
    if (c.last != kNone)
        out += QLatin1Char(' ') + pools::lastNames().at(c.last);
    if (const int e = c.deco >> 4)
        out += QLatin1Char(' ') + pools::emojis().at(e);
}

QString DataSet::name(quint32 contact) const
{
    QString s;
    appendName(s, contact);
    return s;
}

QString DataSet::businessName(quint32 contact) const
{
    if (!contacts[contact].has(Contact::Business))
        return {};
    const QList<QString> &pool = pools::businessNames();
    return pool.at(qsizetype(below(hashOf(m_seed, salt::Business, contact), quint64(pool.size()))));
}

QByteArray DataSet::groupJid(quint32 group) const
{
    return m_ids.groupDigits(group) + "@g.us";
}

QString DataSet::groupSubject(quint32 group) const
{
    const Group &g = groups[group];
    if (!g.has(Group::HasSubject))
        return {};
    const auto changed = overlay.groupSubject.constFind(group);
    if (changed != overlay.groupSubject.cend())
        return *changed;
    QString t = pools::groupSubjects().at(g.subject);
    const int n = g.subjectNumber;
    return t.replace(QLatin1String("%1"), QString::number(n))
        .replace(QLatin1String("%2"), QStringLiteral("%1").arg(n, 2, 10, QLatin1Char('0')))
        .replace(QLatin1String("%3"), QString::number(1 + n % 4));
}

QString DataSet::groupDescription(quint32 group) const
{
    const Group &g = groups[group];
    const auto changed = overlay.groupDescription.constFind(group);
    if (changed != overlay.groupDescription.cend())
        return *changed;
    return g.has(Group::HasDescription) ? pools::groupDescriptions().at(g.description) : QString();
}

QByteArray DataSet::groupOwnerJid(quint32 group) const
{
    const Group &g = groups[group];
    if (!g.has(Group::HasOwner))
        return {};
    for (quint32 m = g.memBegin; m < g.memEnd; ++m) {
        if (memberships[m].role != Membership::SuperAdmin)
            continue;
        const quint32 c = memberships[m].contact;
        const QByteArray p = phone(c);
        return p.isEmpty() ? lid(c) : p + "@s.whatsapp.net";
    }
    return {};
}

QString DataSet::memberTag(quint32 membership) const
{
    const Membership &m = memberships[membership];
    if (m.tag == Membership::NameTag) {
        const Contact &c = contacts[m.contact];
        const quint64 h = hashOf(m_seed, salt::MemberTag, quint64(membership) + (1ULL << 40));
        const qsizetype pool = pools::firstNames().size();
        // A contact named by an event keeps its name elsewhere (first is then out of range).
        const int first = c.has(Contact::HasName) && c.first < pool ? c.first
                                                                    : int(below(h, quint64(pool)));
        return QLatin1Char('~') + pools::firstNames().at(first);
    }
    if (m.tag == Membership::PhoneTag) {
        // WhatsApp's masked number for members whose number it hides: "+62 812•••••90".
        const int plan = phonePlanOf(m.contact);
        if (plan < 0)
            return {};
        const QByteArray d = m_ids.phoneDigits(m.contact, plan);
        const int cc = m_ids.countryCodeLength(plan);
        return QLatin1Char('+') + QString::fromLatin1(d.left(cc)) + QLatin1Char(' ')
            + QString::fromLatin1(d.mid(cc, 3)) + QStringLiteral("•••••")
            + QString::fromLatin1(d.right(2));
    }
    return {};
}

QString DataSet::about(quint32 contact) const
{
    const QList<QString> &pool = pools::aboutTexts();
    return pool.at(qsizetype(below(hashOf(m_seed, salt::About, contact), quint64(pool.size()))));
}

QString DataSet::pictureUrl(quint32 contact, QByteArray *id) const
{
    const quint64 h = hashOf(m_seed, salt::Picture, contact);
    if (!chance(h, 0.7)) // privacy settings hide the rest
        return {};
    const quint64 a = mix64(h), b = mix64(a), c = mix64(b);
    *id = QByteArray::number(1600000000 + below(a, 150000000));
    return QStringLiteral("https://pps.whatsapp.net/v/t61.24694-24/"
                          "%1_%2_%3_n.jpg?ccb=11-4&oh=01_Q5Aa%4&oe=%5&_nc_sid=5e03e0&_nc_cat=%6")
        .arg(below(a, 900000000) + 100000000)
        .arg(below(b, 9000000000000000ULL) + 1000000000000000ULL)
        .arg(below(c, 9000000000000000ULL) + 1000000000000000ULL)
        .arg(QString::number(mix64(c), 16))
        .arg(QString::number(0x68000000 + below(mix64(c + 1), 0x1000000), 16).toUpper())
        .arg(below(mix64(c + 2), 120) + 1);
}

} // namespace sim

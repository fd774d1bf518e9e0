#pragma once

#include "Rng.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

// WhatsApp-looking identifiers computed from a row index and back again. Each family is an
// affine permutation of its digit space, so ids are unique, look random, and a lookup by id is
// arithmetic instead of a hash table over a million rows.
namespace sim {

class Ids
{
public:
    explicit Ids(quint64 seed);

    // "205227043110953": 15 digits, the part before "@lid".
    QByteArray lidDigits(quint32 contact) const;
    qint64 contactFromLid(QByteArrayView digits) const; // candidate index or -1

    // The numbering plan of a contact's phone (country prefix, digits), by its culture.
    int phonePlan(quint32 contact, int culture) const; // -1 when the plan's space is too small
    QByteArray phoneDigits(quint32 contact, int plan) const;
    qint64 contactFromPhone(QByteArrayView digits, int *plan) const; // candidate index or -1
    int countryCodeLength(int plan) const;

    // "120363041234567890": 18 digits, the part before "@g.us".
    QByteArray groupDigits(quint32 group) const;
    qint64 groupFromDigits(QByteArrayView digits) const;

    QByteArray sessionPhone(quint32 session) const;
    QByteArray sessionLid(quint32 session) const;

    // A 26-character Crockford ULID for a timestamp, unique per (salt, index).
    QString ulid(qint64 ms, quint64 salt, quint64 index) const;

    static bool isDigits(QByteArrayView s);
    // The user part of "<digits>@<server>" (server "lid", "s.whatsapp.net" or "g.us"; groups
    // may also be the legacy "<creator>-<time>"). False for anything else, or over 64 chars.
    static bool userPart(const QString &jid, QLatin1String server, QByteArray *digits);

private:
    quint64 m_seed;
    AffinePerm m_lid;
    AffinePerm m_group;
    QList<AffinePerm> m_phone; // one per numbering plan
    AffinePerm m_sessionPhone;
};

} // namespace sim

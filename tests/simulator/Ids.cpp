#include "Ids.h"

#include "NamePools.h"
#include "Salts.h"

namespace sim {

namespace {

constexpr quint64 kLidSpace = 900000000000000ULL; // 15 digits, no leading zero
constexpr quint64 kLidBase = 100000000000000ULL;
constexpr quint64 kGroupSpace = 1000000000000ULL; // 12 digits after "120363"
constexpr char kGroupPrefix[] = "120363";

// Numbering plans: leading digits (country code first), then `digits` random digits.
struct Plan {
    const char *prefix;
    int countryCode; // length of the country code inside prefix
    int digits;
    int culture;
};

const Plan kPlans[] = {
    {"62812", 2, 8, pools::Indonesian}, {"62813", 2, 8, pools::Indonesian},
    {"62821", 2, 8, pools::Indonesian}, {"62852", 2, 8, pools::Indonesian},
    {"62857", 2, 8, pools::Indonesian}, {"62878", 2, 8, pools::Indonesian},
    {"62896", 2, 8, pools::Indonesian}, {"6012", 2, 8, pools::Indonesian},
    {"55119", 2, 8, pools::Brazilian},  {"55219", 2, 8, pools::Brazilian},
    {"55319", 2, 8, pools::Brazilian},  {"55619", 2, 8, pools::Brazilian},
    {"9665", 3, 8, pools::Arabic},      {"9715", 3, 8, pools::Arabic},
    {"2010", 2, 8, pools::Arabic},      {"86138", 2, 8, pools::Cjk},
    {"8190", 2, 8, pools::Cjk},         {"8210", 2, 8, pools::Cjk},
    {"1415", 1, 7, pools::Latin},       {"1646", 1, 7, pools::Latin},
    {"447", 2, 9, pools::Latin},        {"49151", 2, 8, pools::Latin},
    {"346", 2, 8, pools::Latin},        {"3933", 2, 8, pools::Latin},
};
constexpr int kPlanCount = int(sizeof(kPlans) / sizeof(kPlans[0]));

quint64 pow10(int n)
{
    quint64 v = 1;
    while (n-- > 0)
        v *= 10;
    return v;
}

QByteArray padded(quint64 v, int width)
{
    QByteArray s = QByteArray::number(v);
    return s.size() < width ? QByteArray(width - s.size(), '0') + s : s;
}

qint64 parseDigits(QByteArrayView s)
{
    bool ok = false;
    const qlonglong v = s.toLongLong(&ok);
    return ok && v >= 0 ? v : -1;
}

} // namespace

Ids::Ids(quint64 seed)
    : m_seed(seed)
    , m_lid(kLidSpace, hashOf(seed, salt::Lid, 0))
    , m_group(kGroupSpace, hashOf(seed, salt::Group, 0))
    , m_sessionPhone(pow10(8), hashOf(seed, salt::SessionPhone, 0))
{
    for (int p = 0; p < kPlanCount; ++p)
        m_phone << AffinePerm(pow10(kPlans[p].digits),
                              hashOf(seed, salt::PhonePlanPerm, quint64(p)));
}

bool Ids::isDigits(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

bool Ids::userPart(const QString &jid, QLatin1String server, QByteArray *digits)
{
    const qsizetype at = jid.size() - server.size() - 1;
    if (jid.size() > 64 || at <= 0 || jid.at(at) != QLatin1Char('@') || !jid.endsWith(server))
        return false;
    const QByteArray user = jid.left(at).toLatin1();
    const qsizetype dash = server == QLatin1String("g.us") ? user.indexOf('-') : -1;
    const bool ok = dash < 0 ? isDigits(user)
                             : isDigits(QByteArrayView(user).first(dash))
            && isDigits(QByteArrayView(user).sliced(dash + 1));
    if (ok)
        *digits = user;
    return ok;
}

QByteArray Ids::lidDigits(quint32 contact) const
{
    return QByteArray::number(kLidBase + m_lid.forward(contact));
}

qint64 Ids::contactFromLid(QByteArrayView digits) const
{
    if (digits.size() != 15 || !isDigits(digits))
        return -1;
    const qint64 v = parseDigits(digits);
    if (v < qint64(kLidBase))
        return -1;
    return qint64(m_lid.inverse(quint64(v) - kLidBase));
}

int Ids::phonePlan(quint32 contact, int culture) const
{
    int candidates[kPlanCount];
    int n = 0;
    for (int p = 0; p < kPlanCount; ++p)
        if (kPlans[p].culture == culture && contact < m_phone[p].modulus())
            candidates[n++] = p;
    if (n == 0)
        return -1;
    return candidates[below(hashOf(m_seed, salt::PhonePlanPick, contact), quint64(n))];
}

QByteArray Ids::phoneDigits(quint32 contact, int plan) const
{
    return QByteArray(kPlans[plan].prefix)
        + padded(m_phone[plan].forward(contact), kPlans[plan].digits);
}

qint64 Ids::contactFromPhone(QByteArrayView digits, int *plan) const
{
    if (!isDigits(digits))
        return -1;
    for (int p = 0; p < kPlanCount; ++p) {
        const QByteArrayView prefix(kPlans[p].prefix);
        if (!digits.startsWith(prefix) || digits.size() != prefix.size() + kPlans[p].digits)
            continue;
        *plan = p;
        return qint64(m_phone[p].inverse(quint64(parseDigits(digits.sliced(prefix.size())))));
    }
    return -1;
}

int Ids::countryCodeLength(int plan) const
{
    return kPlans[plan].countryCode;
}

QByteArray Ids::groupDigits(quint32 group) const
{
    return QByteArray(kGroupPrefix) + padded(m_group.forward(group), 12);
}

qint64 Ids::groupFromDigits(QByteArrayView digits) const
{
    if (digits.size() != 18 || !isDigits(digits) || !digits.startsWith(kGroupPrefix))
        return -1;
    return qint64(m_group.inverse(quint64(parseDigits(digits.sliced(6)))));
}

QByteArray Ids::sessionPhone(quint32 session) const
{
    return QByteArray("62811") + padded(m_sessionPhone.forward(session), 8);
}

QByteArray Ids::sessionLid(quint32 session) const
{
    // Far above any contact index, so a session's own LID never equals a contact's.
    return QByteArray::number(kLidBase + m_lid.forward(kLidSpace - 1 - session));
}

QString Ids::ulid(qint64 ms, quint64 saltValue, quint64 index) const
{
    static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    QString out(26, QLatin1Char('0'));
    quint64 t = quint64(ms);
    for (int i = 9; i >= 0; --i, t >>= 5)
        out[i] = QLatin1Char(alphabet[t & 31]);
    quint64 r1 = hashOf(m_seed, salt::Ulid + saltValue * 1000003ULL, index);
    quint64 r2 = mix64(r1);
    for (int i = 10; i < 26; ++i) {
        quint64 &r = i < 18 ? r1 : r2;
        out[i] = QLatin1Char(alphabet[r & 31]);
        r >>= 5;
    }
    return out;
}

} // namespace sim

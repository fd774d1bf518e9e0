#include "DemoCache.h"

#include "cache/CacheDatabase.h"
#include "cache/CacheWriter.h"
#include "cache/SearchIndexer.h"

namespace DemoCache {

namespace {
const char *const First[] = {"Budi",  "Siti",  "Agus",  "Dewi", "Rizky",  "Putri",
                             "Andi",  "Ayu",   "Joko",  "Nur",  "Hendra", "Lina",
                             "Fajar", "Maya",  "Yusuf", "Rina", "Arif",   "Wulan",
                             "Dimas", "Indah", "Bayu",  "Sari", "Eko",    "Fitri"};
const char *const Last[] = {"Santoso", "Wijaya",  "Pratama",  "Lestari",  "Saputra", "Hidayat",
                            "Kusuma",  "Nugroho", "Rahayu",   "Setiawan", "Gunawan", "Permata",
                            "Halim",   "Siregar", "Nasution", "Utomo",    "Wibowo",  "Susanto"};
const char *const Topics[] = {"Warga RT 05",        "Alumni SMA 3",     "Reseller Batik",
                              "Futsal Kamis",       "Arisan Ibu-Ibu",   "Grosir Sembako",
                              "Info Loker Jakarta", "Komunitas Sepeda", "Kajian Pagi",
                              "Kelas 6B Orang Tua", "Jual Beli Motor",  "Toko Online Hub"};
} // namespace

QString name(int i)
{
    return QStringLiteral("%1 %2").arg(QLatin1String(First[i % 24]),
                                       QLatin1String(Last[(i / 24) % 18]))
        + (i >= 24 * 18 ? QStringLiteral(" %1").arg(i / (24 * 18)) : QString());
}

QString lid(int i)
{
    return QStringLiteral("%1@lid").arg(205227000000000LL + i);
}

QString build(const QString &path, const Spec &spec)
{
    QString error;
    auto db = CacheDatabase::open(path, CacheDatabase::Mode::ReadWrite, &error);
    if (!db)
        return error;
    CacheWriter writer(*db);
    WaSession s;
    s.id = spec.sessionId;
    s.organizationId = QStringLiteral("org-demo");
    s.status = spec.status;
    s.label = QStringLiteral("Support line");
    s.phoneNumber = QStringLiteral("+62 811 0000 0001");
    if (!writer.upsertSessions({s}))
        return writer.lastError();

    auto pass = writer.beginPass(spec.sessionId, SyncKind::Contacts, false);
    if (!pass)
        return writer.lastError();
    QList<Contact> page;
    const int end = spec.firstContact + spec.contacts;
    // A landing sync only adds: the earlier rows are stored again in the same pass.
    for (int i = 0; i < end; ++i) {
        Contact c;
        c.lid = lid(i);
        c.source = i % 3 == 0 ? QStringLiteral("dm") : QStringLiteral("group");
        c.name = name(i);
        if (i % 5 != 4)
            c.phoneNumber = QStringLiteral("+62 812 %1 %2")
                                .arg(1000 + i / 10000)
                                .arg(i % 10000, 4, 10, QLatin1Char('0'));
        if (i % 11 == 0)
            c.businessName = QStringLiteral("%1 Store").arg(QLatin1String(Last[i % 18]));
        page << c;
        if (page.size() == 500 || i == end - 1) {
            if (!writer.storeContacts(*pass, page, QString::number(i)))
                return writer.lastError();
            page.clear();
        }
    }
    if (!writer.finishPass(*pass))
        return writer.lastError();

    auto groups = writer.beginPass(spec.sessionId, SyncKind::Groups, false);
    if (!groups)
        return writer.lastError();
    QList<Group> gs;
    for (int g = 0; g < spec.groups; ++g) {
        Group group;
        group.groupJid = QStringLiteral("1203630%1@g.us").arg(g, 8, 10, QLatin1Char('0'));
        group.subject = QStringLiteral("%1 #%2").arg(QLatin1String(Topics[g % 12])).arg(g + 1);
        group.ownerJid = lid(g * 7);
        group.isAnnounce = g % 4 == 0;
        group.isLocked = g % 6 == 0;
        group.participantCount = spec.membersPerGroup;
        group.createdAtWa = 1600000000000LL + qint64(g) * 86400000LL * 17;
        gs << group;
    }
    if (!writer.storeGroups(*groups, gs, QString()) || !writer.finishPass(*groups))
        return writer.lastError();

    auto members = writer.beginPass(spec.sessionId, SyncKind::Members, false);
    if (!members)
        return writer.lastError();
    for (int g = 0; g < spec.groups; ++g) {
        QList<GroupMember> ms;
        for (int m = 0; m < spec.membersPerGroup && m < end; ++m) {
            const int i = (g * 7 + m * 13) % end;
            GroupMember member;
            member.sessionId = spec.sessionId;
            member.groupJid = gs.at(g).groupJid;
            member.lid = lid(i);
            member.role = m == 0 ? QStringLiteral("superadmin")
                : m < 3          ? QStringLiteral("admin")
                                 : QStringLiteral("member");
            member.tag = m % 4 == 1
                ? QStringLiteral("~ +62 8** **%1").arg(i % 100, 2, 10, QLatin1Char('0'))
                : QStringLiteral("%1 (%2)").arg(QLatin1String(First[(i + g) % 24])).arg(g + 1);
            ms << member;
        }
        if (!writer.storeMembers(*members, gs.at(g).groupJid, ms, QString::number(g)))
            return writer.lastError();
    }
    if (!writer.finishPass(*members))
        return writer.lastError();

    SearchIndexer indexer(*db);
    while (true) {
        const int n = indexer.indexPending(50000);
        if (n < 0)
            return indexer.lastError();
        if (n == 0)
            break;
    }
    return {};
}

} // namespace DemoCache

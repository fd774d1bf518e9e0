// bench_search: contact search over a 1,000,000-contact cache, and what a sync page costs
// on a cache that size. Prints 'BENCH <metric> <value> <unit>' lines, never asserts.
//
// The cache is generated once into the build directory (realistic data: Indonesian,
// Arabic, Chinese, Japanese and accented Latin names with a skewed first-name distribution,
// emoji, ~70% phones, ~5% business names, 300,000 memberships in 5,000 groups, two thirds
// tagged) and reused by later runs; delete bench-data/ to rebuild it.

#include "cache/CacheDatabase.h"
#include "cache/CacheKeys.h"
#include "cache/CacheReader.h"
#include "cache/CacheWriter.h"
#include "cache/SearchIndexer.h"
#include "cache/SearchText.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>

namespace {

constexpr int kContacts = 1000000;
constexpr int kGroups = 5000;
constexpr int kMemberships = 300000;
constexpr int kQueries = 400;
const QString kSession = QStringLiteral("bench");
const QString kDataVersion = QStringLiteral("v6"); // bump when the schema or the data changes

void bench(const char *metric, double value, const char *unit)
{
    std::printf("BENCH %s %.3f %s\n", metric, value, unit);
    std::fflush(stdout);
}

void note(const QString &text)
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
}

// Names with a realistic skew: a few first names are very common (as "Muhammad", "Siti" or
// "Budi" are in Indonesia), most are rare.
class NameGenerator
{
public:
    explicit NameGenerator(quint32 seed)
        : m_rng(seed)
    {
    }

    OptString name()
    {
        const int r = int(m_rng.bounded(1000));
        if (r < 120)
            return std::nullopt;
        QString n;
        if (r < 560) {
            n = skewed(IndonesianFirst);
            if (m_rng.bounded(10) < 7)
                n += QLatin1Char(' ') + pick(IndonesianLast);
            if (m_rng.bounded(10) < 2)
                n += QLatin1Char(' ') + pick(IndonesianLast);
        } else if (r < 690) {
            n = skewed(ArabicFirst) + QLatin1Char(' ') + pick(ArabicFirst);
        } else if (r < 800) {
            n = pick(ChineseFamily) + pick(ChineseGiven);
            if (m_rng.bounded(3) == 0)
                n += pick(ChineseGiven);
        } else if (r < 840) {
            n = pick(JapaneseFamily) + pick(JapaneseGiven);
        } else if (r < 940) {
            n = pick(LatinFirst) + QLatin1Char(' ') + pick(LatinLast);
        } else {
            n = skewed(IndonesianFirst) + QString::number(m_rng.bounded(100));
        }
        if (m_rng.bounded(100) < 6)
            n += QLatin1Char(' ') + pick(Emoji);
        if (m_rng.bounded(100) < 3)
            n = n.toUpper();
        return n;
    }

    OptString phone()
    {
        if (m_rng.bounded(100) >= 70)
            return std::nullopt;
        static const struct {
            const char *cc;
            int digits;
            int weight;
        } Codes[] = {{"62", 10, 70}, {"60", 9, 6},  {"1", 10, 5}, {"44", 10, 3},
                     {"86", 11, 5},  {"966", 9, 5}, {"91", 10, 6}};
        int w = int(m_rng.bounded(100));
        for (const auto &c : Codes) {
            if ((w -= c.weight) < 0 || &c == &Codes[6]) {
                QString p = QString::fromLatin1(c.cc);
                if (p == QLatin1String("62"))
                    p += QStringLiteral("8");
                while (p.size() < int(qstrlen(c.cc)) + c.digits)
                    p += QChar(u'0' + m_rng.bounded(10));
                return p;
            }
        }
        return std::nullopt;
    }

    OptString business()
    {
        if (m_rng.bounded(100) >= 5)
            return std::nullopt;
        return pick(BusinessPrefix) + QLatin1Char(' ') + pick(IndonesianLast)
            + (m_rng.bounded(2) ? QStringLiteral(" Jaya") : QString());
    }

    QString lid()
    {
        return QString::number(100000000000000LL + m_rng.bounded(899999999999999LL))
            + QStringLiteral("@lid");
    }

    OptString tag(const OptString &phone)
    {
        const int r = int(m_rng.bounded(100));
        if (r < 34)
            return std::nullopt;
        if (r < 70 || !phone)
            return QStringLiteral("~") + (name().value_or(pick(IndonesianFirst)));
        // What WhatsApp shows for anonymous members: an obfuscated phone number.
        return QStringLiteral("+%1 %2-****-%3")
            .arg(phone->left(2), phone->mid(2, 3), phone->right(4));
    }

    QRandomGenerator &rng() { return m_rng; }

private:
    QString pick(const QStringList &list) { return list.at(int(m_rng.bounded(list.size()))); }
    // Zipf-like: index ~ n * u^3 puts most draws on the first few entries.
    QString skewed(const QStringList &list)
    {
        const double u = m_rng.generateDouble();
        return list.at(qMin(list.size() - 1, int(list.size() * u * u * u)));
    }

    QRandomGenerator m_rng;
    const QStringList IndonesianFirst = QStringLiteral(
                                            "Muhammad Siti Nur Budi Agus Dewi Sri Putri Eko Ahmad "
                                            "Rizky Dian Ayu Fitri Andi Wahyu Indah Joko "
                                            "Rina Yusuf Hendra Lestari Dimas Bayu Intan Ratna "
                                            "Agung Teguh Anisa Maya Arif Bambang Fajar "
                                            "Gilang Hadi Irfan Kurnia Lukman Mega Novi Oki Pandu "
                                            "Qori Rahmat Sari Tri Umar Vina Wulan Yanti "
                                            "Zainal Aditya Bagus Cahya Dedi Erna Farida Gita Heru "
                                            "Ikhsan Jamal Kartika Lina Mulyadi Nanda "
                                            "Oktavia Prasetyo Rudi Slamet Tika Utami Veronika Yogi "
                                            "Zahra Adi Bella Cindy Dodi Evi Ferry "
                                            "Galih Hesti Imam Januar Kiki Leni Mira Nadia Oscar "
                                            "Pipit Reza Santi Taufik Ucok Vivi Wawan")
                                            .split(QLatin1Char(' '));
    const QStringList IndonesianLast = QStringLiteral(
                                           "Santoso Wijaya Saputra Pratama Hidayat Kusuma Rahayu "
                                           "Setiawan Nugroho Lubis Siregar Harahap "
                                           "Gunawan Halim Sutanto Wibowo Susanto Purnomo Hakim "
                                           "Firmansyah Simanjuntak Nasution Tanjung "
                                           "Hutapea Sinaga Situmorang Panjaitan Permana Syahputra "
                                           "Ramadhan Kurniawan Suryadi Hartono "
                                           "Wirawan Sulistyo Maulana Utomo Prabowo Hasibuan "
                                           "Effendi Anggraini Puspita Rachman Batubara")
                                           .split(QLatin1Char(' '));
    const QStringList ArabicFirst =
        QStringLiteral(
            "محمد أحمد علي عمر خالد فاطمة عائشة مريم يوسف إبراهيم حسن حسين سارة ليلى نور عبدالله "
            "مصطفى زينب هدى سلمان")
            .split(QLatin1Char(' '));
    const QStringList ChineseFamily =
        QStringLiteral("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗")
            .split(QLatin1Char(' '));
    const QStringList ChineseGiven =
        QStringLiteral("伟 芳 娜 敏 静 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 英 华 志 国 建 丽 红 小")
            .split(QLatin1Char(' '));
    const QStringList JapaneseFamily =
        QStringLiteral("佐藤 鈴木 高橋 田中 渡辺 伊藤 山本 中村 小林 加藤").split(QLatin1Char(' '));
    const QStringList JapaneseGiven =
        QStringLiteral("花子 太郎 さくら 美咲 一郎 陽菜 翔太 葵 蓮 結衣").split(QLatin1Char(' '));
    const QStringList LatinFirst = QStringLiteral(
                                       "José María Zoë Renée Łukasz Ömer Çağrı Ana Lucas Sofia "
                                       "Mateo João François Søren Agnès Jürgen "
                                       "Nguyễn Trần Lê Phạm")
                                       .split(QLatin1Char(' '));
    const QStringList LatinLast =
        QStringLiteral(
            "García Müller Dubois Rossi Silva Kowalski Yılmaz Nguyen Hansen Novák Fernández")
            .split(QLatin1Char(' '));
    const QStringList Emoji = QStringLiteral(
                                  "🌸 🔥 😊 ❤️ 🙏 ⭐ 🌙 🚀 👑 💎 🇮🇩")
                                  .split(QLatin1Char(' '));
    const QStringList BusinessPrefix =
        QStringLiteral("Toko Warung CV PT Apotek Bengkel Salon Laundry").split(QLatin1Char(' '));
};

struct Generated {
    QStringList names; // some of the stored names, for queries
    QStringList phones;
    QStringList tags;
};

bool exec(QSqlQuery &q)
{
    if (q.exec())
        return true;
    note(QStringLiteral("SQL failed: %1").arg(q.lastError().text()));
    return false;
}

// Straight into the tables (in large transactions, the schema's own indexes and triggers
// in place), then SearchIndexer: the same rows a sync would store, without a network.
bool generate(CacheDatabase &db, Generated &samples)
{
    NameGenerator gen(20240601);
    CacheWriter writer(db);
    if (!writer.addSession(kSession)) {
        note(writer.lastError());
        return false;
    }
    const qint64 sid = 1;
    const qint64 now = 1719662400000;
    QSqlQuery contact(db.database());
    contact.prepare(QStringLiteral("INSERT OR IGNORE INTO contacts (id, sid, lid, is_dm, name, "
                                   "phone, business_name, name_key, bn_key,"
                                   " gen, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)"));
    QList<QString> lids;
    QList<OptString> phones;
    lids.reserve(kContacts);
    phones.reserve(kContacts);
    db.exec(QStringLiteral("BEGIN"), nullptr);
    for (int i = 0; i < kContacts; ++i) {
        const OptString name = gen.name();
        const OptString phone = gen.phone();
        const OptString business = gen.business();
        const QString lid = gen.lid();
        const auto nullText = QVariant(QMetaType::fromType<QString>());
        contact.addBindValue(CacheKeys::rangeStart(sid) + i + 1);
        contact.addBindValue(sid);
        contact.addBindValue(lid);
        contact.addBindValue(gen.rng().bounded(100) < 5 ? 1 : 0);
        contact.addBindValue(name ? QVariant(*name) : nullText);
        contact.addBindValue(phone ? QVariant(*phone) : nullText);
        contact.addBindValue(business ? QVariant(*business) : nullText);
        contact.addBindValue(CacheKeys::nameKey(name, business));
        contact.addBindValue(business ? QVariant(SearchText::fold(*business)) : nullText);
        contact.addBindValue(now);
        if (!exec(contact))
            return false;
        lids << lid;
        phones << phone;
        if (name && i % 97 == 0)
            samples.names << *name;
        if (phone && i % 89 == 0)
            samples.phones << *phone;
        if ((i + 1) % 50000 == 0) {
            db.exec(QStringLiteral("COMMIT"), nullptr);
            db.exec(QStringLiteral("BEGIN"), nullptr);
            note(QStringLiteral("  %1 contacts").arg(i + 1));
        }
    }
    QSqlQuery group(db.database());
    group.prepare(
        QStringLiteral("INSERT INTO groups (sid, jid, subject, subject_key, gen, synced_at)"
                       " VALUES (?, ?, ?, ?, 1, ?)"));
    for (int g = 0; g < kGroups; ++g) {
        const QString subject =
            QStringLiteral("Grup %1 %2").arg(gen.name().value_or(QStringLiteral("Keluarga"))).arg(g);
        group.addBindValue(sid);
        group.addBindValue(QStringLiteral("1203630%1@g.us").arg(g, 8, 10, QLatin1Char('0')));
        group.addBindValue(subject);
        group.addBindValue(CacheKeys::nameKey(subject, std::nullopt));
        group.addBindValue(now);
        if (!exec(group))
            return false;
    }
    QSqlQuery member(db.database());
    member.prepare(
        QStringLiteral("INSERT OR IGNORE INTO memberships (id, sid, group_jid, lid, role, tag, "
                       "tag_key, first_seen_at,"
                       " last_seen_at, gen, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)"));
    for (int m = 0; m < kMemberships; ++m) {
        const int who = int(gen.rng().bounded(kContacts));
        const OptString tag = gen.tag(phones.at(who));
        const int g = int(gen.rng().bounded(kGroups));
        const auto nullText = QVariant(QMetaType::fromType<QString>());
        member.addBindValue(CacheKeys::rangeStart(sid) + m + 1);
        member.addBindValue(sid);
        member.addBindValue(QStringLiteral("1203630%1@g.us").arg(g, 8, 10, QLatin1Char('0')));
        member.addBindValue(lids.at(who));
        member.addBindValue(gen.rng().bounded(50) == 0 ? QStringLiteral("admin")
                                                       : QStringLiteral("member"));
        member.addBindValue(tag ? QVariant(*tag) : nullText);
        member.addBindValue(tag ? QVariant(SearchText::fold(*tag)) : nullText);
        member.addBindValue(now - 86400000);
        member.addBindValue(now);
        member.addBindValue(now);
        if (!exec(member))
            return false;
        if (tag && m % 101 == 0)
            samples.tags << *tag;
    }
    db.exec(QStringLiteral("COMMIT"), nullptr);
    note(QStringLiteral("  indexing"));
    SearchIndexer indexer(db);
    for (int n; (n = indexer.indexPending(50000)) > 0;) {}
    if (indexer.pendingRows() != 0) {
        note(indexer.lastError());
        return false;
    }
    // Stand-in for a finished sync, so freshness and the pass counters look real.
    for (SyncKind kind : {SyncKind::Contacts, SyncKind::Groups, SyncKind::Members}) {
        const auto pass = writer.beginPass(kSession, kind, false);
        if (!pass || !writer.finishPass(*pass))
            return false;
    }
    db.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), nullptr);
    db.exec(QStringLiteral("ANALYZE"), nullptr);
    return true;
}

bool loadSamples(CacheDatabase &db, Generated &samples)
{
    QSqlQuery q(db.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT name, phone FROM contacts WHERE id % 97 = 0")))
        return false;
    while (q.next()) {
        if (!q.value(0).isNull())
            samples.names << q.value(0).toString();
        if (!q.value(1).isNull())
            samples.phones << q.value(1).toString();
    }
    if (!q.exec(
            QStringLiteral("SELECT tag FROM memberships WHERE tag IS NOT NULL AND id % 101 = 0")))
        return false;
    while (q.next())
        samples.tags << q.value(0).toString();
    return !samples.names.isEmpty() && !samples.phones.isEmpty() && !samples.tags.isEmpty();
}

// What people type: the first 1-6 characters of a name (or of its second word), 3-6
// digits from inside a phone number, the first 2-6 characters of a tag.
QStringList makeQueries(const Generated &samples, int count)
{
    QRandomGenerator rng(7);
    QStringList out;
    QSet<QString> seen;
    while (out.size() < count) {
        const int kind = int(rng.bounded(10));
        QString q;
        if (kind < 5) {
            QString name = samples.names.at(int(rng.bounded(samples.names.size())));
            const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (words.size() > 1 && rng.bounded(3) == 0)
                name = words.at(1);
            q = name.left(1 + int(rng.bounded(6)));
        } else if (kind < 8) {
            const QString phone = samples.phones.at(int(rng.bounded(samples.phones.size())));
            const int len = 3 + int(rng.bounded(4));
            q = phone.mid(int(rng.bounded(qMax(1, int(phone.size()) - len))), len);
        } else {
            const QString tag = samples.tags.at(int(rng.bounded(samples.tags.size())));
            q = tag.left(2 + int(rng.bounded(5)));
        }
        if (!q.trimmed().isEmpty() && !seen.contains(q)) {
            seen.insert(q);
            out << q;
        }
    }
    return out;
}

// Resident set size of this process in MB (Linux), 0 when unknown.
double rssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const int index = qBound(0, int(std::ceil(p * values.size())) - 1, int(values.size()) - 1);
    return values.at(index);
}

double ms(const QElapsedTimer &t)
{
    return t.nsecsElapsed() / 1e6;
}

void measureSearch(const QString &path, const Generated &samples)
{
    QString error;
    CacheDatabase::Options options; // what the app's read connections use
    // BENCH_MMAP_MIB=1024 measures the same with the file memory-mapped.
    options.mmapSizeMiB = qEnvironmentVariableIntValue("BENCH_MMAP_MIB");
    auto db = CacheDatabase::open(path, CacheDatabase::Mode::Read, options, &error);
    if (!db) {
        note(error);
        return;
    }
    CacheReader reader(*db);
    const QStringList queries = makeQueries(samples, kQueries + 50);
    ContactFilter filter;
    filter.sessionId = kSession;

    QElapsedTimer t;
    t.start();
    const auto total = reader.countContacts(filter);
    bench("search.count_all_ms", ms(t), "ms");
    t.start();
    const auto first = reader.contacts(filter, QString(), 50);
    bench("search.browse_first_page_ms", ms(t), "ms");
    if (!total || !first) {
        note(reader.lastError());
        return;
    }

    // The first 50 queries warm the connection's page cache (as a user's first searches do).
    QList<double> page, count, both;
    QHash<QString, int> plans;
    for (int i = 0; i < queries.size(); ++i) {
        filter.text = queries.at(i);
        t.start();
        const auto rows = reader.contacts(filter, QString(), 50);
        const double pageMs = ms(t);
        const QString plan = reader.lastContactPlan();
        t.start();
        const auto n = reader.countContacts(filter, 10000); // the UI shows "10,000+" above that
        const double countMs = ms(t);
        if (!rows || !n) {
            note(QStringLiteral("query '%1' failed: %2").arg(queries.at(i), reader.lastError()));
            continue;
        }
        if (i < 50)
            continue;
        page << pageMs;
        count << countMs;
        both << pageMs + countMs;
        plans[plan] += 1;
        if (pageMs + countMs > 15)
            note(QStringLiteral("  slow: '%1' %2 ms page (%3) + %4 ms count (%5 rows)")
                     .arg(queries.at(i))
                     .arg(pageMs, 0, 'f', 1)
                     .arg(plan)
                     .arg(countMs, 0, 'f', 1)
                     .arg(n->value));
    }
    bench("search.p50_ms", percentile(both, 0.50), "ms");
    bench("search.p95_ms", percentile(both, 0.95), "ms");
    bench("search.max_ms", percentile(both, 1.0), "ms");
    bench("search.page_p50_ms", percentile(page, 0.50), "ms");
    bench("search.page_p95_ms", percentile(page, 0.95), "ms");
    bench("search.count_p50_ms", percentile(count, 0.50), "ms");
    bench("search.count_p95_ms", percentile(count, 0.95), "ms");
    QStringList planText;
    for (auto it = plans.cbegin(); it != plans.cend(); ++it)
        planText << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
    note(QStringLiteral("  plans: %1").arg(planText.join(QLatin1Char(' '))));

    // Scrolling: the next pages of a broad query and of the whole list.
    filter.text = QStringLiteral("a");
    QList<double> next;
    QString cursor;
    for (int i = 0; i < 40; ++i) {
        t.start();
        const auto p = reader.contacts(filter, cursor, 50);
        next << ms(t);
        if (!p || !p->hasMore())
            break;
        cursor = p->nextCursor;
    }
    bench("search.next_page_p95_ms", percentile(next, 0.95), "ms");
    bench("search.rss_mb", rssMb(), "MB"); // the process after the queries above
    filter.text.clear();
    cursor.clear();
    next.clear();
    for (int i = 0; i < 200; ++i) {
        t.start();
        const auto p = reader.contacts(filter, cursor, 100);
        next << ms(t);
        if (!p || !p->hasMore())
            break;
        cursor = p->nextCursor;
    }
    bench("browse.next_page_p95_ms", percentile(next, 0.95), "ms");
    t.start();
    const auto detail = reader.contact(kSession, first->rows.first().contact.lid);
    bench("cache.contact_detail_ms", ms(t), "ms");
    t.start();
    const auto groups = reader.groups(kSession);
    bench("cache.groups_with_counts_ms", ms(t), "ms");
    if (groups && !groups->isEmpty()) {
        t.start();
        reader.members(kSession, groups->first().group.groupJid);
        bench("cache.group_members_ms", ms(t), "ms");
    }
}

// A sync page on the 1,000,000-contact cache: 200 new contacts (random places in every
// index), the same 200 again unchanged (a re-sync), and one group's members. Removed again
// afterwards so the cached file stays as generated.
void measureWrites(const QString &path)
{
    auto db = CacheDatabase::open(path, CacheDatabase::Mode::ReadWrite);
    if (!db)
        return;
    CacheWriter writer(*db);
    SearchIndexer indexer(*db);
    NameGenerator gen(quint32(QDateTime::currentMSecsSinceEpoch()));
    QList<double> fresh, resync, members;
    QStringList added;
    auto pass = writer.beginPass(kSession, SyncKind::Contacts, false);
    auto memberPass = writer.beginPass(kSession, SyncKind::Members, false);
    if (!pass || !memberPass) {
        note(writer.lastError());
        return;
    }
    QElapsedTimer t;
    QList<QList<Contact>> pages;
    for (int round = 0; round < 10; ++round) {
        QList<Contact> page;
        for (int i = 0; i < 200; ++i) {
            Contact c;
            c.lid = gen.lid();
            c.name = gen.name();
            c.phoneNumber = gen.phone();
            c.businessName = gen.business();
            c.source = QStringLiteral("group");
            page << c;
            added << c.lid;
        }
        t.start();
        if (!writer.storeContacts(*pass, page, QStringLiteral("c%1").arg(round))) {
            note(writer.lastError());
            return;
        }
        fresh << ms(t);
        pages << page;
        QList<GroupMember> group;
        for (int i = 0; i < 60; ++i) {
            GroupMember m;
            m.lid = page.at(i).lid;
            m.role = QStringLiteral("member");
            m.tag = gen.tag(page.at(i).phoneNumber);
            m.firstSeenAt = 1;
            m.lastSeenAt = 2;
            group << m;
        }
        t.start();
        writer.storeMembers(*memberPass, QStringLiteral("bench-%1@g.us").arg(round), group,
                            QString());
        members << ms(t);
    }
    // The same pages again, unchanged: what most pages of a repeated sync cost.
    for (int round = 0; round < 10; ++round) {
        t.start();
        writer.storeContacts(*pass, pages.at(round), QStringLiteral("r%1").arg(round));
        resync << ms(t);
    }
    bench("cache.store_page_ms", percentile(fresh, 0.5), "ms");
    bench("cache.store_page_p95_ms", percentile(fresh, 0.95), "ms");
    bench("cache.resync_page_ms", percentile(resync, 0.5), "ms");
    bench("cache.members_page_ms", percentile(members, 0.5), "ms");
    t.start();
    const int indexed = indexer.indexPending(100000);
    bench("search.index_rows_per_s", indexed / qMax(1e-9, t.nsecsElapsed() / 1e9), "rows/s");

    // Leave the pass failed (nothing swept), then take the rows out again.
    writer.failPass(*pass, QStringLiteral("benchmark"));
    writer.failPass(*memberPass, QStringLiteral("benchmark"));
    WriteTransaction txn(*db);
    QSqlQuery del(db->database());
    del.prepare(QStringLiteral("DELETE FROM contacts WHERE sid = 1 AND lid = ?"));
    for (const QString &lid : std::as_const(added)) {
        del.addBindValue(lid);
        del.exec();
    }
    db->exec(QStringLiteral("DELETE FROM memberships WHERE group_jid LIKE 'bench-%'"), nullptr);
    txn.commit();
    indexer.indexPending(100000);
    db->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), nullptr);
}

// What the sync's storing costs on its own: the pages of a 100,000-contact / 5,000-group /
// 300,000-membership sync through CacheWriter into an empty cache, then SearchIndexer.
void measureSyncStore(const QString &dir)
{
    const QString path = dir + QStringLiteral("/sync-store.sqlite");
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    {
        auto db = CacheDatabase::open(path, CacheDatabase::Mode::ReadWrite);
        if (!db)
            return;
        CacheWriter writer(*db);
        SearchIndexer indexer(*db);
        NameGenerator gen(99);
        QStringList lids;
        std::optional<WriteTransaction> outer; // BENCH_ONE_TXN=1: everything in one commit
        if (qEnvironmentVariableIntValue("BENCH_ONE_TXN"))
            outer.emplace(*db);
        QElapsedTimer total;
        total.start();
        QElapsedTimer t;
        t.start();
        auto pass = writer.beginPass(kSession, SyncKind::Contacts, false);
        for (int page = 0; page < 500 && pass; ++page) {
            QList<Contact> contacts;
            for (int i = 0; i < 200; ++i) {
                Contact c;
                c.lid = gen.lid();
                c.name = gen.name();
                c.phoneNumber = gen.phone();
                c.businessName = gen.business();
                c.source = gen.rng().bounded(20) ? QStringLiteral("group") : QStringLiteral("dm");
                contacts << c;
                lids << c.lid;
            }
            if (!writer.storeContacts(*pass, contacts, QString::number(page))) {
                note(writer.lastError());
                return;
            }
        }
        writer.finishPass(*pass);
        bench("cache.sync_store_contacts_seconds", t.elapsed() / 1000.0, "s");
        t.start();
        auto groupPass = writer.beginPass(kSession, SyncKind::Groups, false);
        QList<Group> groups;
        for (int g = 0; g < 5000; ++g) {
            Group group;
            group.groupJid = QStringLiteral("1203630%1@g.us").arg(g, 8, 10, QLatin1Char('0'));
            group.subject = QStringLiteral("Grup %1").arg(g);
            group.firstSeenAt = 1;
            group.updatedAt = 2;
            groups << group;
        }
        writer.storeGroups(*groupPass, groups, QString());
        writer.finishPass(*groupPass);
        auto memberPass = writer.beginPass(kSession, SyncKind::Members, false);
        // One transaction per group (the sync's store shares one among many: see bench_sync).
        QElapsedTimer members;
        members.start();
        for (int g = 0; g < 5000 && memberPass; ++g) {
            QList<GroupMember> list;
            for (int i = 0; i < 60; ++i) {
                GroupMember m;
                m.lid = lids.at(int(gen.rng().bounded(lids.size())));
                m.role = QStringLiteral("member");
                m.tag = gen.tag(std::nullopt);
                m.firstSeenAt = 1;
                m.lastSeenAt = 2;
                list << m;
            }
            const QString &jid = groups.at(g).groupJid;
            if (!writer.storeMembers(*memberPass, jid, list, jid)) {
                note(writer.lastError());
                return;
            }
        }
        bench("cache.members_group_ms", members.elapsed() / 5000.0, "ms");
        writer.finishPass(*memberPass);
        if (outer)
            outer->commit();
        bench("cache.sync_store_groups_members_seconds", t.elapsed() / 1000.0, "s");
        t.start();
        while (indexer.indexPending(20000) > 0) {}
        bench("cache.sync_index_seconds", t.elapsed() / 1000.0, "s");
        bench("cache.sync_store_total_seconds", total.elapsed() / 1000.0, "s");
    }
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

// --explain FILE SESSION TEXT...: what the window does per keystroke on any cache (a page of
// 100 rows, the page's group counts, the capped count), timed, with the plans picked. Each
// text runs twice: cold (first ask on a fresh connection) and warm.
int explain(const QStringList &args)
{
    if (args.size() < 3)
        return 2;
    QString error;
    auto db = CacheDatabase::open(args.at(0), CacheDatabase::Mode::Read, &error);
    if (!db) {
        note(error);
        return 1;
    }
    CacheReader reader(*db);
    ContactFilter filter;
    filter.sessionId = args.at(1);
    QElapsedTimer t;
    for (int round = 0; round < 2; ++round) {
        for (const QString &text : args.mid(2)) {
            filter.text = text;
            t.start();
            const auto page = reader.contacts(filter, QString(), 100);
            const double pageMs = ms(t);
            const QString pagePlan = reader.lastContactPlan();
            QStringList lids;
            for (const CachedContact &c : page ? page->rows : QList<CachedContact>())
                lids << c.contact.lid;
            t.start();
            reader.groupCounts(filter.sessionId, lids);
            const double groupsMs = ms(t);
            t.start();
            const auto n = reader.countContacts(filter, 100000);
            const double countMs = ms(t);
            note(QStringLiteral(
                     "%1 '%2': page %3 ms (%4, %5 rows), groups %6 ms, count %7 ms (%8, %9%10)")
                     .arg(round ? QStringLiteral("warm") : QStringLiteral("cold"), text)
                     .arg(pageMs, 0, 'f', 2)
                     .arg(pagePlan)
                     .arg(page ? page->rows.size() : -1)
                     .arg(groupsMs, 0, 'f', 2)
                     .arg(countMs, 0, 'f', 2)
                     .arg(reader.lastContactPlan())
                     .arg(n ? n->value : -1)
                     .arg(n && !n->exact ? QStringLiteral("+") : QString()));
        }
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString dir = QStringLiteral(BENCH_DATA_DIR);
    QDir().mkpath(dir);
    if (app.arguments().value(1) == QLatin1String("--explain"))
        return explain(app.arguments().mid(2));
    // --sync-store: only what storing the benchmark sync costs (no 1M cache needed).
    if (app.arguments().contains(QStringLiteral("--sync-store"))) {
        measureSyncStore(dir);
        return 0;
    }
    const QString path =
        QStringLiteral("%1/search-%2-%3.sqlite").arg(dir, kDataVersion).arg(kContacts);
    Generated samples;
    if (!QFileInfo::exists(path)) {
        note(QStringLiteral("generating %1 contacts into %2").arg(kContacts).arg(path));
        const QString partial = path + QStringLiteral(".partial");
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(partial + suffix);
        QElapsedTimer t;
        t.start();
        {
            CacheDatabase::Options options;
            options.cacheSizeKiB = 1024 * 1024; // generation only: keep every index in memory
            QString error;
            auto db = CacheDatabase::open(partial, CacheDatabase::Mode::ReadWrite, options, &error);
            if (!db || !generate(*db, samples)) {
                note(QStringLiteral("generation failed: %1").arg(error));
                return 1;
            }
        }
        if (!QFile::rename(partial, path))
            return 1;
        bench("search.build_seconds", t.elapsed() / 1000.0, "s");
    } else {
        note(QStringLiteral("reusing %1 (delete it to rebuild)").arg(path));
    }
    {
        auto db = CacheDatabase::open(path, CacheDatabase::Mode::Read);
        if (!db || (samples.names.isEmpty() && !loadSamples(*db, samples))) {
            note(QStringLiteral("cannot read %1").arg(path));
            return 1;
        }
    }
    bench("cache.db_mb", QFileInfo(path).size() / 1e6, "MB");
    measureSearch(path, samples);
    measureWrites(path);
    measureSyncStore(dir);
    return 0;
}

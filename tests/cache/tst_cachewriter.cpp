#include "CacheTestUtil.h"

#include <QTemporaryDir>

using namespace CacheTest;

class TestCacheWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void sessions();
    void sweepRemovesOnlyAfterACompletePass();
    void interruptedPassKeepsTheLastCompleteData();
    void resumesFromTheSavedCursor();
    void resumeSurvivesReopening();
    void stalePassIsRejected();
    void pageIsOneTransaction();
    void stampsGenerationAndSyncedAt();
    void unchangedRowsAreOnlyStamped();
    void groupsAndMembersKeepFirstSeen();
    void membersPassSweepsVanishedMemberships();
    void memberListIsOneTransaction();
    void reSyncAfterFirstSyncTakesEveryPath();
    void contactDetailStoresGroupsAsMemberships();
    void detailDuringAPassSurvivesItsSweep();
    void firstPassSweepsRowsStoredBeforeIt();
    void hostileValuesAreStoredVerbatim();
    void removeSessionTakesItsRows();

private:
    qint64 count(const QString &sql) { return scalar(*m_db, sql); }
    ContactFilter filter(const QString &text = {}) const
    {
        ContactFilter f;
        f.sessionId = QStringLiteral("s1");
        f.text = text;
        return f;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CacheDatabase> m_db;
    std::unique_ptr<CacheWriter> m_writer;
    qint64 m_now = 1000;
};

void TestCacheWriter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = openWriter(m_dir->filePath(QStringLiteral("cache.sqlite")));
    QVERIFY(m_db);
    m_writer = std::make_unique<CacheWriter>(*m_db);
    m_writer->setClock([this] { return m_now; });
}

void TestCacheWriter::cleanup()
{
    m_writer.reset();
    m_db.reset();
}

void TestCacheWriter::sessions()
{
    WaSession s;
    s.id = QStringLiteral("s1");
    s.organizationId = QStringLiteral("org");
    s.status = QStringLiteral("working");
    s.label = QStringLiteral("Sales");
    s.ratePerMin = 30;
    s.createdAt = 5;
    QVERIFY(m_writer->upsertSessions({s}));
    QVERIFY(m_writer->addSession(QStringLiteral("by-hand")));
    s.status = QStringLiteral("stopped");
    s.label.reset();
    QVERIFY(m_writer->upsertSessions({s}));
    QVERIFY(m_writer->addSession(QStringLiteral("s1"))); // keeps what it has

    CacheReader reader(*m_db);
    const auto all = reader.sessions();
    QCOMPARE(all.size(), 2);
    const auto s1 = reader.session(QStringLiteral("s1"));
    QVERIFY(s1);
    QCOMPARE(s1->session.status, QStringLiteral("stopped"));
    QCOMPARE(s1->session.label, OptString());
    QCOMPARE(s1->session.ratePerMin, 30);
    QCOMPARE(s1->session.createdAt, 5);
    QVERIFY(s1->listed);
    QCOMPARE(s1->syncedAt, OptInt(1000));
    const auto hand = reader.session(QStringLiteral("by-hand"));
    QVERIFY(hand && !hand->listed && !hand->syncedAt);

    WaSession nameless;
    QVERIFY(!m_writer->upsertSessions({s, nameless}));
    QCOMPARE(reader.sessions().size(), 2); // nothing of the failed call stayed
}

void TestCacheWriter::sweepRemovesOnlyAfterACompletePass()
{
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"),
                         {contact(QStringLiteral("a@lid")), contact(QStringLiteral("b@lid")),
                          contact(QStringLiteral("c@lid"))}));
    const auto pass = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Contacts);
    QVERIFY(pass && !pass->resumed);
    QCOMPARE(pass->generation, 2);
    QVERIFY(m_writer->storeContacts(
        *pass, {contact(QStringLiteral("a@lid")), contact(QStringLiteral("d@lid"))},
        QStringLiteral("next")));
    QVERIFY(m_writer->storeContacts(*pass, {contact(QStringLiteral("c@lid"))}, QString()));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contacts")), 4); // b still there
    QVERIFY(m_writer->finishPass(*pass));
    QSqlQuery q(m_db->database());
    QVERIFY(q.exec(QStringLiteral(
                "SELECT group_concat(lid, ',') FROM (SELECT lid FROM contacts ORDER BY lid)"))
            && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("a@lid,c@lid,d@lid"));
    QVERIFY(!m_writer->finishPass(*pass)); // a pass finishes once
}

void TestCacheWriter::interruptedPassKeepsTheLastCompleteData()
{
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"),
                         {contact(QStringLiteral("a@lid")), contact(QStringLiteral("b@lid")),
                          contact(QStringLiteral("c@lid"))}));
    auto pass = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Contacts);
    QVERIFY(
        m_writer->storeContacts(*pass, {contact(QStringLiteral("a@lid"))}, QStringLiteral("p2")));
    QVERIFY(m_writer->failPass(*pass, QStringLiteral("rate_limited"), QStringLiteral("req-1")));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contacts")), 3);

    CacheReader reader(*m_db);
    const auto states = reader.syncStates(QStringLiteral("s1"));
    QCOMPARE(states.size(), 1);
    QCOMPARE(states.first().status, QStringLiteral("failed"));
    QCOMPARE(states.first().error, OptString(QStringLiteral("rate_limited")));
    QCOMPARE(states.first().requestId, OptString(QStringLiteral("req-1")));
    QCOMPARE(states.first().completeGeneration, 1);
    QCOMPARE(states.first().cursor, QStringLiteral("p2"));

    // A fresh pass (not resuming) that also stops early loses nothing either.
    pass = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Contacts, false);
    QCOMPARE(pass->generation, 3);
    QVERIFY(pass->resumeCursor.isEmpty());
    QVERIFY(
        m_writer->storeContacts(*pass, {contact(QStringLiteral("b@lid"))}, QStringLiteral("x")));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contacts")), 3);
    QVERIFY(m_writer->finishPass(*pass));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contacts")), 1);
}

void TestCacheWriter::resumesFromTheSavedCursor()
{
    auto pass = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Contacts);
    QVERIFY(m_writer->storeContacts(*pass, {contact(QStringLiteral("a@lid"))},
                                    QStringLiteral("cursor-2")));
    const auto again = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Contacts);
    QVERIFY(again && again->resumed);
    QCOMPARE(again->generation, pass->generation);
    QCOMPARE(again->resumeCursor, QStringLiteral("cursor-2"));
    QVERIFY(m_writer->storeContacts(*again, {contact(QStringLiteral("b@lid"))}, QString()));
    QVERIFY(m_writer->finishPass(*again));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contacts")), 2);
    CacheReader reader(*m_db);
    const auto state = reader.syncStates(QStringLiteral("s1")).first();
    QCOMPARE(state.status, QStringLiteral("complete"));
    QCOMPARE(state.itemsStored, 2);
    QVERIFY(state.cursor.isEmpty());
    // Nothing to resume after a complete pass.
    const auto next = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Contacts);
    QVERIFY(!next->resumed);
    QCOMPARE(next->generation, pass->generation + 1);
}

void TestCacheWriter::resumeSurvivesReopening()
{
    const QString path = m_db->path();
    {
        auto pass = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Members);
        QVERIFY(m_writer->storeMembers(*pass, QStringLiteral("g1@g.us"),
                                       {member(QStringLiteral("a@lid"))},
                                       QStringLiteral("g1@g.us")));
    }
    cleanup(); // the process "crashes" with the pass running
    m_db = openWriter(path);
    m_writer = std::make_unique<CacheWriter>(*m_db);
    const auto pass = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Members);
    QVERIFY(pass && pass->resumed);
    QCOMPARE(pass->resumeCursor, QStringLiteral("g1@g.us"));
}

void TestCacheWriter::stalePassIsRejected()
{
    const auto old = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Contacts);
    const auto fresh = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Contacts, false);
    QVERIFY(old && fresh && fresh->generation == old->generation + 1);
    QVERIFY(!m_writer->storeContacts(*old, {contact(QStringLiteral("a@lid"))}, QString()));
    QVERIFY(m_writer->lastError().contains(QLatin1String("no longer running")));
    QVERIFY(!m_writer->finishPass(*old));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contacts")), 0);
    QVERIFY(!m_writer->storeGroups(*fresh, {}, QString())); // wrong kind
    SyncPass unknown = *fresh;
    unknown.sessionId = QStringLiteral("nobody");
    QVERIFY(!m_writer->storeContacts(unknown, QList<Contact>(), QString()));
}

void TestCacheWriter::pageIsOneTransaction()
{
    const auto pass = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Contacts);
    // The third contact has no LID: the whole page, and its cursor, must not be stored.
    QVERIFY(!m_writer->storeContacts(
        *pass,
        {contact(QStringLiteral("a@lid")), contact(QStringLiteral("b@lid")), contact(QString())},
        QStringLiteral("never")));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contacts")), 0);
    CacheReader reader(*m_db);
    QVERIFY(reader.syncStates(QStringLiteral("s1")).first().cursor.isEmpty());
    QVERIFY(
        m_writer->storeContacts(*pass, {contact(QStringLiteral("a@lid"))}, QStringLiteral("ok")));
    QCOMPARE(reader.syncStates(QStringLiteral("s1")).first().cursor, QStringLiteral("ok"));
}

void TestCacheWriter::stampsGenerationAndSyncedAt()
{
    m_now = 111;
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"),
                         {contact(QStringLiteral("a@lid"), QStringLiteral("A"))}));
    m_now = 222;
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"),
                         {contact(QStringLiteral("a@lid"), QStringLiteral("A"))}));
    QCOMPARE(count(QStringLiteral("SELECT synced_at FROM contacts")), 222);
    QCOMPARE(count(QStringLiteral("SELECT gen FROM contacts")), 2);
    CacheReader reader(*m_db);
    const auto page = reader.contacts(filter());
    QCOMPARE(page->rows.first().syncedAt, 222);
    const auto state = reader.syncStates(QStringLiteral("s1")).first();
    QCOMPARE(state.completedAt, OptInt(222));
    QCOMPARE(state.startedAt, OptInt(222));
}

void TestCacheWriter::unchangedRowsAreOnlyStamped()
{
    const QList<Contact> page{
        contact(QStringLiteral("a@lid"), QStringLiteral("Ana"), QStringLiteral("62811")),
        contact(QStringLiteral("b@lid"), QStringLiteral("Budi"))};
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"), page));
    SearchIndexer indexer(*m_db);
    QCOMPARE(indexer.indexPending(), 2);
    const qint64 idA = count(QStringLiteral("SELECT id FROM contacts WHERE lid = 'a@lid'"));
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"), page));
    QCOMPARE(indexer.pendingRows(), 0); // nothing to re-index
    QCOMPARE(count(QStringLiteral("SELECT id FROM contacts WHERE lid = 'a@lid'")), idA);

    QList<Contact> changed = page;
    changed[1].name = QStringLiteral("Budi Santoso");
    changed[0].source = QStringLiteral("dm");
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"), changed));
    QCOMPARE(indexer.pendingRows(), 1); // the rename only: the source is not searched
    CacheReader reader(*m_db);
    ContactFilter f = filter(QStringLiteral("santoso"));
    QCOMPARE(lids(reader.contacts(f)->rows), QStringList{QStringLiteral("b@lid")});
    f.text.clear();
    f.source = ContactSource::Dm;
    QCOMPARE(lids(reader.contacts(f)->rows), QStringList{QStringLiteral("a@lid")});
}

void TestCacheWriter::groupsAndMembersKeepFirstSeen()
{
    auto pass = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Groups);
    Group g = group(QStringLiteral("g1@g.us"), QStringLiteral("Family"));
    g.firstSeenAt = 500;
    g.isAnnounce = true;
    g.participantCount = 3;
    QVERIFY(m_writer->storeGroups(*pass, {g}, QString()));
    QVERIFY(m_writer->finishPass(*pass));
    pass = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Groups);
    g.firstSeenAt = 900; // a later first-seen never replaces an earlier one
    g.subject = QStringLiteral("Family 2");
    g.isAnnounce.reset();
    QVERIFY(m_writer->storeGroups(*pass, {g}, QString()));
    QVERIFY(m_writer->finishPass(*pass));

    pass = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Members);
    GroupMember m = member(QStringLiteral("a@lid"), QStringLiteral("~Ana"),
                           QStringLiteral("admin"));
    m.firstSeenAt = 100;
    m.lastSeenAt = 200;
    QVERIFY(m_writer->storeMembers(*pass, g.groupJid, {m}, g.groupJid));
    m.firstSeenAt = 150;
    m.lastSeenAt = 300;
    m.role = QStringLiteral("superadmin");
    QVERIFY(m_writer->storeMembers(*pass, g.groupJid, {m}, g.groupJid));
    QVERIFY(m_writer->finishPass(*pass));

    CacheReader reader(*m_db);
    const auto stored = reader.group(QStringLiteral("s1"), QStringLiteral("g1@g.us"));
    QVERIFY(stored);
    QCOMPARE(stored->group.firstSeenAt, 500);
    QCOMPARE(stored->group.subject, OptString(QStringLiteral("Family 2")));
    QCOMPARE(stored->group.isAnnounce, OptBool());
    QCOMPARE(stored->group.participantCount, OptInt(3));
    QCOMPARE(stored->memberCount, 1);
    const auto members = reader.members(QStringLiteral("s1"), QStringLiteral("g1@g.us"));
    QCOMPARE(members->size(), 1);
    QCOMPARE(members->first().member.firstSeenAt, 100);
    QCOMPARE(members->first().member.lastSeenAt, 300);
    QCOMPARE(members->first().member.role, QStringLiteral("superadmin"));
    QCOMPARE(members->first().member.tag, OptString(QStringLiteral("~Ana")));
}

void TestCacheWriter::membersPassSweepsVanishedMemberships()
{
    auto pass = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Members);
    QVERIFY(
        m_writer->storeMembers(*pass, QStringLiteral("g1@g.us"),
                               {member(QStringLiteral("a@lid")), member(QStringLiteral("b@lid"))},
                               QStringLiteral("g1@g.us")));
    QVERIFY(m_writer->storeMembers(*pass, QStringLiteral("g2@g.us"),
                                   {member(QStringLiteral("c@lid"))}, QStringLiteral("g2@g.us")));
    QVERIFY(m_writer->finishPass(*pass));
    pass = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Members);
    QVERIFY(m_writer->storeMembers(*pass, QStringLiteral("g1@g.us"),
                                   {member(QStringLiteral("a@lid"))}, QStringLiteral("g1@g.us")));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM memberships")), 3);
    QVERIFY(m_writer->failPass(*pass, QStringLiteral("network")));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM memberships")), 3);
    pass = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Members);
    QVERIFY(pass->resumed);
    QVERIFY(m_writer->storeMembers(*pass, QStringLiteral("g2@g.us"),
                                   {member(QStringLiteral("c@lid"))}, QStringLiteral("g2@g.us")));
    QVERIFY(m_writer->finishPass(*pass));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM memberships")), 2); // b left g1
}

void TestCacheWriter::memberListIsOneTransaction()
{
    const auto pass = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Members);
    QVERIFY(m_writer->storeMembers(
        *pass, QStringLiteral("g1@g.us"),
        {member(QStringLiteral("a@lid")), member(QStringLiteral("b@lid"), QStringLiteral("~B"))},
        QStringLiteral("g1@g.us")));
    // Encoded beforehand (as the sync does on its thread): stored the same way.
    QVERIFY(m_writer->storeMembers(
        *pass, EncodedMembers::from(QStringLiteral("g2@g.us"), {member(QStringLiteral("a@lid"))}),
        QStringLiteral("g2@g.us")));
    QVERIFY(
        m_writer->storeMembers(*pass, QStringLiteral("g3@g.us"), {}, QStringLiteral("g3@g.us")));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM memberships")), 3);
    QCOMPARE(count(QStringLiteral(
                 "SELECT count(*) FROM memberships WHERE group_jid = 'g2@g.us' AND lid = 'a@lid'"
                 " AND role = 'member' AND tag IS NULL AND first_seen_at = 1000 AND last_seen_at = "
                 "2000")),
             1);
    CacheReader reader(*m_db);
    QCOMPARE(reader.syncStates(QStringLiteral("s1")).first().cursor, QStringLiteral("g3@g.us"));
    QCOMPARE(reader.syncStates(QStringLiteral("s1")).first().itemsStored, 3);
    // One bad member: none of its list, nor the cursor, is stored.
    QVERIFY(!m_writer->storeMembers(*pass, QStringLiteral("g4@g.us"),
                                    {member(QStringLiteral("c@lid")), member(QString())},
                                    QStringLiteral("g4@g.us")));
    QVERIFY2(m_writer->lastError().contains(QLatin1String("LID")),
             qPrintable(m_writer->lastError()));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM memberships")), 3);
    QCOMPARE(reader.syncStates(QStringLiteral("s1")).first().cursor, QStringLiteral("g3@g.us"));
    QVERIFY(
        !m_writer->storeMembers(*pass, QString(), {member(QStringLiteral("c@lid"))}, QString()));
    QVERIFY2(m_writer->lastError().contains(QLatin1String("JID")),
             qPrintable(m_writer->lastError()));
}

// A first sync stores new rows insert-first; the re-sync after it touches; pages mixing new,
// unchanged and changed rows go through every path and still store exactly the page.
void TestCacheWriter::reSyncAfterFirstSyncTakesEveryPath()
{
    QList<Contact> all;
    for (int i = 0; i < 50; ++i)
        all << contact(QStringLiteral("%1@lid").arg(i), QStringLiteral("N%1").arg(i));
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"), all, 10)); // new rows
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"), all, 10)); // unchanged
    for (int i = 0; i < 50; i += 3)
        all[i].name = QStringLiteral("Changed %1").arg(i);
    for (int i = 50; i < 80; ++i)
        all << contact(QStringLiteral("%1@lid").arg(i), QStringLiteral("N%1").arg(i));
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"), all, 10)); // mixed
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"), all, 10)); // again
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contacts")), 80);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contacts WHERE name LIKE 'Changed %'")),
             17);
    QCOMPARE(count(QStringLiteral("SELECT count(DISTINCT gen) FROM contacts")), 1);
}

void TestCacheWriter::contactDetailStoresGroupsAsMemberships()
{
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"),
                         {contact(QStringLiteral("a@lid"), QStringLiteral("Ana"))}));
    ContactDetail detail;
    detail.dm = true;
    Identity id;
    id.id = 77;
    id.lid = QStringLiteral("a@lid");
    id.name = QStringLiteral("Ana Maria");
    id.phoneNumber = QStringLiteral("6281234567890");
    id.phoneJid = QStringLiteral("6281234567890@s.whatsapp.net");
    id.firstSeenAt = 10;
    id.updatedAt = 20;
    detail.identity = id;
    ContactGroup g;
    g.jid = QStringLiteral("g9@g.us");
    g.name = QStringLiteral("Arisan");
    g.role = QStringLiteral("admin");
    g.tag = QStringLiteral("~Ani");
    g.lastSeen = 30;
    detail.groups << g;
    m_now = 5000;
    QVERIFY2(m_writer->storeContactDetail(QStringLiteral("s1"), QStringLiteral("a@lid"), detail),
             qPrintable(m_writer->lastError()));

    CacheReader reader(*m_db);
    const auto stored = reader.contact(QStringLiteral("s1"), QStringLiteral("a@lid"));
    QVERIFY(stored);
    QCOMPARE(stored->contact.contact.name, OptString(QStringLiteral("Ana Maria")));
    QCOMPARE(stored->contact.contact.source, QStringLiteral("dm"));
    QCOMPARE(stored->contact.phoneJid, id.phoneJid);
    QCOMPARE(stored->contact.identityId, OptInt(77));
    QCOMPARE(stored->contact.firstSeenAt, OptInt(10));
    QCOMPARE(stored->contact.updatedAt, OptInt(20));
    QCOMPARE(stored->contact.detailSyncedAt, OptInt(5000));
    QVERIFY(stored->detail.dm);
    QCOMPARE(stored->detail.identity->id, 77);
    QCOMPARE(stored->detail.groups.size(), 1);
    const ContactGroup back = stored->detail.groups.first();
    QCOMPARE(back.jid, g.jid);
    QCOMPARE(back.name, g.name);
    QCOMPARE(back.role, g.role);
    QCOMPARE(back.tag, g.tag);
    QCOMPARE(back.lastSeen, 30);
    // The group a detail named exists for the group list, and its member is there.
    const auto groups = reader.groups(QStringLiteral("s1"));
    QCOMPARE(groups->size(), 1);
    QCOMPARE(groups->first().group.subject, OptString(QStringLiteral("Arisan")));
    QCOMPARE(groups->first().memberCount, 1);
    // The tag is searchable.
    QCOMPARE(lids(reader.contacts(filter(QStringLiteral("ani")))->rows),
             QStringList{QStringLiteral("a@lid")});

    // A detail for a contact the cache never listed creates it.
    ContactDetail bare;
    QVERIFY(m_writer->storeContactDetail(QStringLiteral("s1"), QStringLiteral("z@lid"), bare));
    QVERIFY(reader.contact(QStringLiteral("s1"), QStringLiteral("z@lid")));
    QVERIFY(!m_writer->storeContactDetail(QStringLiteral("s1"), QString(), bare));
}

void TestCacheWriter::detailDuringAPassSurvivesItsSweep()
{
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"), {contact(QStringLiteral("a@lid"))}));
    const auto pass = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Contacts);
    ContactDetail d;
    Identity id;
    id.lid = QStringLiteral("new@lid");
    d.identity = id;
    QVERIFY(m_writer->storeContactDetail(QStringLiteral("s1"), id.lid, d)); // found mid-pass
    QVERIFY(m_writer->storeContacts(*pass, {contact(QStringLiteral("a@lid"))}, QString()));
    QVERIFY(m_writer->finishPass(*pass));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contacts WHERE lid = 'new@lid'")), 1);
    // The next complete pass that does not list it removes it.
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"), {contact(QStringLiteral("a@lid"))}));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contacts WHERE lid = 'new@lid'")), 0);
}

void TestCacheWriter::firstPassSweepsRowsStoredBeforeIt()
{
    // A contact opened before the session's first members pass brings its groups as
    // memberships. The first complete pass, which does not list one of them, removes it.
    ContactDetail d;
    Identity id;
    id.lid = QStringLiteral("a@lid");
    d.identity = id;
    d.groups = {
        ContactGroup{
            QStringLiteral("g1@g.us"), QStringLiteral("member"), 0, QStringLiteral("One"), {}},
        ContactGroup{
            QStringLiteral("g2@g.us"), QStringLiteral("member"), 0, QStringLiteral("Two"), {}}};
    QVERIFY(m_writer->storeContactDetail(QStringLiteral("s1"), id.lid, d));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM memberships")), 2);
    const auto pass = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Members);
    QVERIFY(pass && !pass->resumed);
    QVERIFY(m_writer->storeMembers(*pass, QStringLiteral("g1@g.us"),
                                   {member(QStringLiteral("a@lid"))}, QStringLiteral("g1@g.us")));
    QVERIFY(
        m_writer->storeMembers(*pass, QStringLiteral("g2@g.us"), {}, QStringLiteral("g2@g.us")));
    QVERIFY(m_writer->finishPass(*pass));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM memberships WHERE group_jid = 'g2@g.us'")),
             0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM memberships")), 1);
}

void TestCacheWriter::hostileValuesAreStoredVerbatim()
{
    QString nul = QStringLiteral("Bad");
    nul += QChar(0);
    nul += QStringLiteral("Name");
    const QList<Contact> page{
        contact(QStringLiteral("x'); DROP TABLE contacts; --@lid"),
                QStringLiteral("Robert'); DROP TABLE contacts;--")),
        contact(QStringLiteral("n@lid"), nul),
        contact(QStringLiteral("s@lid"), QString(QChar(0xD800)) + QStringLiteral("x")),
        contact(QStringLiteral("long@lid"), QString(20000, QLatin1Char('a'))),
    };
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"), page));
    CacheReader reader(*m_db);
    const auto robert = reader.contact(QStringLiteral("s1"),
                                       QStringLiteral("x'); DROP TABLE contacts; --@lid"));
    QVERIFY(robert);
    QCOMPARE(robert->contact.contact.name,
             OptString(QStringLiteral("Robert'); DROP TABLE contacts;--")));
    QCOMPARE(reader.contact(QStringLiteral("s1"), QStringLiteral("n@lid"))->contact.contact.name,
             OptString(QStringLiteral("BadName")));
    QCOMPARE(reader.contact(QStringLiteral("s1"), QStringLiteral("s@lid"))->contact.contact.name,
             OptString(QStringLiteral("\uFFFDx")));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contacts")), 4);
}

void TestCacheWriter::removeSessionTakesItsRows()
{
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"),
                         {contact(QStringLiteral("a@lid"), QStringLiteral("Ana"))}));
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s2"),
                         {contact(QStringLiteral("a@lid"), QStringLiteral("Ana"))}));
    auto pass = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Members);
    QVERIFY(m_writer->storeMembers(*pass, QStringLiteral("g@g.us"),
                                   {member(QStringLiteral("a@lid"), QStringLiteral("t"))},
                                   QString()));
    SearchIndexer indexer(*m_db);
    QVERIFY(indexer.indexPending() > 0);
    QVERIFY(m_writer->removeSession(QStringLiteral("s1")));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contacts")), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM memberships")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sync_state")), 1);
    QVERIFY(indexer.indexPending() > 0); // the index forgets them too
    QCOMPARE(
        count(QStringLiteral("SELECT count(*) FROM contact_fts WHERE contact_fts MATCH '\"ana\"'")),
        1);
    // The session can come back, empty.
    QVERIFY(m_writer->addSession(QStringLiteral("s1")));
    CacheReader reader(*m_db);
    QCOMPARE(reader.contacts(filter())->rows.size(), 0);
}

QTEST_GUILESS_MAIN(TestCacheWriter)
#include "tst_cachewriter.moc"

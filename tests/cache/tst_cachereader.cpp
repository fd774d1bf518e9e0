#include "CacheTestUtil.h"

#include <QSemaphore>
#include <QTemporaryDir>
#include <QThread>

using namespace CacheTest;

class TestCacheReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void contactWithAllItsGroups();
    void missingContactIsNotAnError();
    void groupsWithMemberCounts();
    void membersWithTheirContactFields();
    void freshness();
    void readsOnAnotherThreadDuringAWrite();

private:
    void fill();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CacheDatabase> m_db;
    std::unique_ptr<CacheWriter> m_writer;
    qint64 m_now = 100;
};

void TestCacheReader::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = openWriter(m_dir->filePath(QStringLiteral("cache.sqlite")));
    QVERIFY(m_db);
    m_writer = std::make_unique<CacheWriter>(*m_db);
    m_writer->setClock([this] { return m_now; });
    fill();
}

void TestCacheReader::cleanup()
{
    m_writer.reset();
    m_db.reset();
}

void TestCacheReader::fill()
{
    m_now = 100;
    QVERIFY(syncContacts(
        *m_writer, QStringLiteral("s1"),
        {contact(QStringLiteral("a@lid"), QStringLiteral("Ana"), QStringLiteral("6281")),
         contact(QStringLiteral("b@lid"), QStringLiteral("Budi")),
         contact(QStringLiteral("c@lid"), {}, {}, QStringLiteral("Cafe"))}));
    m_now = 200;
    auto groups = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Groups);
    QVERIFY(m_writer->storeGroups(*groups,
                                  {group(QStringLiteral("g2@g.us"), QStringLiteral("Zebra club")),
                                   group(QStringLiteral("g1@g.us"), QStringLiteral("Arisan")),
                                   group(QStringLiteral("g3@g.us"), {})},
                                  QString()));
    QVERIFY(m_writer->finishPass(*groups));
    m_now = 300;
    auto members = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Members);
    QVERIFY(m_writer->storeMembers(
        *members, QStringLiteral("g1@g.us"),
        {member(QStringLiteral("b@lid"), {}, QStringLiteral("member")),
         member(QStringLiteral("a@lid"), QStringLiteral("~Ani"), QStringLiteral("admin")),
         member(QStringLiteral("x@lid"), QStringLiteral("~ghost")),
         member(QStringLiteral("c@lid"), {}, QStringLiteral("superadmin"))},
        QStringLiteral("g1@g.us")));
    QVERIFY(m_writer->storeMembers(
        *members, QStringLiteral("g2@g.us"),
        {member(QStringLiteral("a@lid"), QStringLiteral("Boss"), QStringLiteral("superadmin"))},
        QStringLiteral("g2@g.us")));
    QVERIFY(m_writer->finishPass(*members));
}

void TestCacheReader::contactWithAllItsGroups()
{
    CacheReader reader(*m_db);
    const auto ana = reader.contact(QStringLiteral("s1"), QStringLiteral("a@lid"));
    QVERIFY(ana);
    QCOMPARE(ana->contact.contact.name, OptString(QStringLiteral("Ana")));
    QCOMPARE(ana->contact.contact.phoneNumber, OptString(QStringLiteral("6281")));
    QCOMPARE(ana->contact.syncedAt, 100);
    QCOMPARE(ana->detail.identity->lid, QStringLiteral("a@lid"));
    QCOMPARE(ana->detail.groups.size(), 2);
    const ContactGroup first = ana->detail.groups.at(0); // by group name
    QCOMPARE(first.jid, QStringLiteral("g1@g.us"));
    QCOMPARE(first.name, OptString(QStringLiteral("Arisan")));
    QCOMPARE(first.role, QStringLiteral("admin"));
    QCOMPARE(first.tag, OptString(QStringLiteral("~Ani")));
    QCOMPARE(first.lastSeen, 2000);
    QCOMPARE(ana->detail.groups.at(1).name, OptString(QStringLiteral("Zebra club")));
    QCOMPARE(ana->detail.groups.at(1).role, QStringLiteral("superadmin"));
}

void TestCacheReader::missingContactIsNotAnError()
{
    CacheReader reader(*m_db);
    QVERIFY(!reader.contact(QStringLiteral("s1"), QStringLiteral("nobody@lid")));
    QVERIFY(reader.lastError().isEmpty());
    QVERIFY(!reader.contact(QStringLiteral("other"), QStringLiteral("a@lid")));
    QVERIFY(reader.groups(QStringLiteral("other"))->isEmpty());
}

void TestCacheReader::groupsWithMemberCounts()
{
    CacheReader reader(*m_db);
    const auto groups = reader.groups(QStringLiteral("s1"));
    QVERIFY(groups);
    QCOMPARE(groups->size(), 3);
    QCOMPARE(groups->at(0).group.subject, OptString(QStringLiteral("Arisan")));
    QCOMPARE(groups->at(0).memberCount, 4);
    QCOMPARE(groups->at(0).syncedAt, 200);
    QCOMPARE(groups->at(0).group.firstSeenAt, 500);
    QCOMPARE(groups->at(1).group.subject, OptString(QStringLiteral("Zebra club")));
    QCOMPARE(groups->at(1).memberCount, 1);
    QCOMPARE(groups->at(2).group.subject, OptString()); // nameless last
    QCOMPARE(groups->at(2).memberCount, 0);
    QVERIFY(reader.group(QStringLiteral("s1"), QStringLiteral("g3@g.us")));
}

void TestCacheReader::membersWithTheirContactFields()
{
    CacheReader reader(*m_db);
    const auto members = reader.members(QStringLiteral("s1"), QStringLiteral("g1@g.us"));
    QVERIFY(members);
    QStringList order;
    for (const CachedMember &m : *members)
        order << m.member.lid;
    QCOMPARE(order,
             (QStringList{QStringLiteral("c@lid"), QStringLiteral("a@lid"), QStringLiteral("b@lid"),
                          QStringLiteral("x@lid")}));
    QCOMPARE(members->at(0).businessName, OptString(QStringLiteral("Cafe")));
    QCOMPARE(members->at(1).name, OptString(QStringLiteral("Ana")));
    QCOMPARE(members->at(1).phoneNumber, OptString(QStringLiteral("6281")));
    QCOMPARE(members->at(1).member.tag, OptString(QStringLiteral("~Ani")));
    QCOMPARE(members->at(1).member.sessionId, QStringLiteral("s1"));
    QCOMPARE(members->at(1).syncedAt, 300);
    QCOMPARE(members->at(3).name, OptString()); // no contact row for x
    QCOMPARE(members->at(3).member.tag, OptString(QStringLiteral("~ghost")));

    // Contacts filtered by the group: only those with a contact row.
    ContactFilter f;
    f.sessionId = QStringLiteral("s1");
    f.groupJid = QStringLiteral("g1@g.us");
    QCOMPARE(
        lids(reader.contacts(f)->rows),
        (QStringList{QStringLiteral("a@lid"), QStringLiteral("b@lid"), QStringLiteral("c@lid")}));
    QCOMPARE(reader.countContacts(f)->value, 3);
}

void TestCacheReader::freshness()
{
    CacheReader reader(*m_db);
    QCOMPARE(reader.lastCompleteSyncAt(QStringLiteral("s1")), OptInt(100)); // oldest kind
    const auto states = reader.syncStates(QStringLiteral("s1"));
    QCOMPARE(states.size(), 3);
    m_now = 900;
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"),
                         {contact(QStringLiteral("a@lid"), QStringLiteral("Ana"))}));
    QCOMPARE(reader.lastCompleteSyncAt(QStringLiteral("s1")), OptInt(200));
    QVERIFY(!reader.lastCompleteSyncAt(QStringLiteral("s2")));
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s2"), {}));
    QVERIFY(!reader.lastCompleteSyncAt(QStringLiteral("s2"))); // groups and members never ran
}

// WAL: a reader on its own thread and connection reads the last committed state while a
// write transaction is open, and keeps its snapshot while the writer commits.
void TestCacheReader::readsOnAnotherThreadDuringAWrite()
{
    const QString path = m_db->path();
    QSemaphore readerHasSnapshot, writerCommitted, readerDone;
    qint64 duringWrite = -1, sameSnapshot = -1, afterCommit = -1;
    QString readerError;
    QThread *thread = QThread::create([&] {
        auto db = CacheDatabase::open(path, CacheDatabase::Mode::Read, &readerError);
        if (!db) {
            readerHasSnapshot.release();
            return;
        }
        {
            CacheReader reader(*db);
            ContactFilter f;
            f.sessionId = QStringLiteral("s1");
            duringWrite = reader.contacts(f, QString(), 100)->rows.size();
            // Hold one read transaction across the writer's commit.
            db->exec(QStringLiteral("BEGIN"), &readerError);
            CacheTest::scalar(*db, QStringLiteral("SELECT count(*) FROM contacts"));
            readerHasSnapshot.release();
            writerCommitted.acquire();
            sameSnapshot = CacheTest::scalar(*db, QStringLiteral("SELECT count(*) FROM contacts"));
            db->exec(QStringLiteral("COMMIT"), &readerError);
            afterCommit = reader.contacts(f, QString(), 100)->rows.size();
        }
        readerDone.release();
    });

    // Open a write transaction with an uncommitted page, then let the reader run.
    QVERIFY(m_db->exec(QStringLiteral("SAVEPOINT outer_write"), nullptr));
    QVERIFY(m_db->exec(
        QStringLiteral("INSERT INTO contacts (id, sid, lid, is_dm, name_key, gen, synced_at)"
                       " VALUES (99, 1, 'new@lid', 0, 'new', 1, 1)"),
        nullptr));
    thread->start();
    QVERIFY(readerHasSnapshot.tryAcquire(1, 60000));
    QVERIFY2(readerError.isEmpty(), qPrintable(readerError));
    QCOMPARE(duringWrite, 3);
    QVERIFY(m_db->exec(QStringLiteral("RELEASE outer_write"),
                       nullptr)); // commits while the reader holds its snapshot
    writerCommitted.release();
    QVERIFY(readerDone.tryAcquire(1, 60000));
    QVERIFY(thread->wait());
    delete thread;
    QVERIFY2(readerError.isEmpty(), qPrintable(readerError));
    QCOMPARE(sameSnapshot, 3);
    QCOMPARE(afterCommit, 4);
}

QTEST_GUILESS_MAIN(TestCacheReader)
#include "tst_cachereader.moc"

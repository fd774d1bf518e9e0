#include "CacheTestUtil.h"

#include "cache/CacheKeys.h"

#include <QTemporaryDir>

using namespace CacheTest;

// The FTS tables must hold exactly the current rows after indexing, whatever happened to the
// rows in between (insert, rename, delete, id reuse), or searches would miss or invent rows.
class TestSearchIndexer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void indexesQueuedRowsInBatches();
    void followsRenamesAndDeletes();
    void reusedIdIsIndexedOnce();
    void tagsAreIndexedPerContact();
    void firstMembersPassIndexesTagsAtItsEnd();
    void reindexTagsRebuildsOneSession();
    void indexIsConsistent();

private:
    qint64 ftsHits(const QString &table, const QString &text)
    {
        QSqlQuery q(m_db->database());
        q.prepare(QStringLiteral("SELECT count(*) FROM %1 WHERE %1 MATCH :m").arg(table));
        q.bindValue(QStringLiteral(":m"), SearchText::ftsPhrase(text));
        if (!q.exec() || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }
    bool integrityOk(const QString &table)
    {
        QSqlQuery q(m_db->database());
        return q.exec(
            QStringLiteral("INSERT INTO %1 (%1, rank) VALUES ('integrity-check', 0)").arg(table));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CacheDatabase> m_db;
    std::unique_ptr<CacheWriter> m_writer;
    std::unique_ptr<SearchIndexer> m_indexer;
};

void TestSearchIndexer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = openWriter(m_dir->filePath(QStringLiteral("cache.sqlite")));
    QVERIFY(m_db);
    m_writer = std::make_unique<CacheWriter>(*m_db);
    m_indexer = std::make_unique<SearchIndexer>(*m_db);
}

void TestSearchIndexer::cleanup()
{
    m_indexer.reset();
    m_writer.reset();
    m_db.reset();
}

void TestSearchIndexer::indexesQueuedRowsInBatches()
{
    QList<Contact> all;
    for (int i = 0; i < 25; ++i)
        all << contact(QStringLiteral("%1@lid").arg(i), QStringLiteral("Name %1").arg(i));
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"), all));
    QCOMPARE(m_indexer->pendingRows(), 25);
    QCOMPARE(ftsHits(QStringLiteral("contact_fts"), QStringLiteral("name")), 0);
    QCOMPARE(m_indexer->indexPending(10), 10);
    QCOMPARE(m_indexer->pendingRows(), 15);
    QCOMPARE(m_indexer->indexPending(10), 10);
    QCOMPARE(m_indexer->indexPending(10), 5);
    QCOMPARE(m_indexer->indexPending(10), 0);
    QCOMPARE(ftsHits(QStringLiteral("contact_fts"), QStringLiteral("name")), 25);
}

void TestSearchIndexer::followsRenamesAndDeletes()
{
    QVERIFY(syncContacts(
        *m_writer, QStringLiteral("s1"),
        {contact(QStringLiteral("a@lid"), QStringLiteral("Alpha"), QStringLiteral("111222")),
         contact(QStringLiteral("b@lid"), QStringLiteral("Bravo"))}));
    QVERIFY(m_indexer->indexPending() > 0);
    QCOMPARE(ftsHits(QStringLiteral("contact_fts"), QStringLiteral("alpha")), 1);
    // Renamed twice and re-numbered before the indexer runs again: only the last values
    // count, and the first ones leave the index.
    QVERIFY(syncContacts(
        *m_writer, QStringLiteral("s1"),
        {contact(QStringLiteral("a@lid"), QStringLiteral("Alfa"), QStringLiteral("333")),
         contact(QStringLiteral("b@lid"), QStringLiteral("Bravo"))}));
    QVERIFY(syncContacts(
        *m_writer, QStringLiteral("s1"),
        {contact(QStringLiteral("a@lid"), QStringLiteral("Alef"), QStringLiteral("444555")),
         contact(QStringLiteral("b@lid"), QStringLiteral("Bravo"))}));
    QCOMPARE(m_indexer->pendingRows(), 1);
    QVERIFY(m_indexer->indexPending() > 0);
    QCOMPARE(ftsHits(QStringLiteral("contact_fts"), QStringLiteral("alpha")), 0);
    QCOMPARE(ftsHits(QStringLiteral("contact_fts"), QStringLiteral("alfa")), 0);
    QCOMPARE(ftsHits(QStringLiteral("contact_fts"), QStringLiteral("111")), 0);
    QCOMPARE(ftsHits(QStringLiteral("contact_fts"), QStringLiteral("alef")), 1);
    QCOMPARE(ftsHits(QStringLiteral("contact_fts"), QStringLiteral("4455")), 1);
    // Swept: gone from the index.
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"),
                         {contact(QStringLiteral("b@lid"), QStringLiteral("Bravo"))}));
    QVERIFY(m_indexer->indexPending() > 0);
    QCOMPARE(ftsHits(QStringLiteral("contact_fts"), QStringLiteral("alef")), 0);
    QCOMPARE(ftsHits(QStringLiteral("contact_fts"), QStringLiteral("bravo")), 1);
    // Inserted and removed between two runs: never indexed, nothing to remove.
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"),
                         {contact(QStringLiteral("b@lid"), QStringLiteral("Bravo")),
                          contact(QStringLiteral("c@lid"), QStringLiteral("Charlie"))}));
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"),
                         {contact(QStringLiteral("b@lid"), QStringLiteral("Bravo"))}));
    QVERIFY(m_indexer->indexPending() > 0);
    QCOMPARE(ftsHits(QStringLiteral("contact_fts"), QStringLiteral("charlie")), 0);
    QVERIFY(integrityOk(QStringLiteral("contact_fts")));
}

void TestSearchIndexer::reusedIdIsIndexedOnce()
{
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"),
                         {contact(QStringLiteral("a@lid"), QStringLiteral("First")),
                          contact(QStringLiteral("z@lid"), QStringLiteral("Last"))}));
    QVERIFY(m_indexer->indexPending() > 0);
    const qint64 lastId = scalar(*m_db,
                                 QStringLiteral("SELECT id FROM contacts WHERE lid = 'z@lid'"));
    // z leaves, and a newcomer takes its id (ids continue from the highest one left).
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"),
                         {contact(QStringLiteral("a@lid"), QStringLiteral("First"))}));
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"),
                         {contact(QStringLiteral("a@lid"), QStringLiteral("First")),
                          contact(QStringLiteral("n@lid"), QStringLiteral("Newcomer"))}));
    QCOMPARE(scalar(*m_db, QStringLiteral("SELECT id FROM contacts WHERE lid = 'n@lid'")), lastId);
    QVERIFY(m_indexer->indexPending() > 0);
    QCOMPARE(ftsHits(QStringLiteral("contact_fts"), QStringLiteral("last")), 0);
    QCOMPARE(ftsHits(QStringLiteral("contact_fts"), QStringLiteral("newcomer")), 1);
    QVERIFY(integrityOk(QStringLiteral("contact_fts")));
}

void TestSearchIndexer::tagsAreIndexedPerContact()
{
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"),
                         {contact(QStringLiteral("a@lid")), contact(QStringLiteral("b@lid"))}));
    QVERIFY(m_indexer->indexPending() > 0);
    const qint64 idA = scalar(*m_db, QStringLiteral("SELECT id FROM contacts WHERE lid = 'a@lid'"));
    // Not the session's first members pass (that one queues its tags at its end, see
    // firstMembersPassIndexesTagsAtItsEnd): tags are queued as they arrive.
    auto first = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Members);
    QVERIFY(m_writer->storeMembers(*first, QStringLiteral("g0@g.us"),
                                   {member(QStringLiteral("b@lid"))}, QString()));
    QVERIFY(m_writer->finishPass(*first));
    auto pass = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Members);
    QVERIFY(m_writer->storeMembers(*pass, QStringLiteral("g1@g.us"),
                                   {member(QStringLiteral("a@lid"), QStringLiteral("~Kapten")),
                                    member(QStringLiteral("b@lid")),
                                    member(QStringLiteral("nobody@lid"), QStringLiteral("~x"))},
                                   QString()));
    QVERIFY(m_writer->storeMembers(
        *pass, QStringLiteral("g2@g.us"),
        {member(QStringLiteral("a@lid"), QStringLiteral("+62 812-****-7890"))}, QString()));
    QCOMPARE(m_indexer->pendingRows(), 1); // contact a; b has no tag, nobody has no contact
    QVERIFY(m_indexer->indexPending() > 0);
    QCOMPARE(ftsHits(QStringLiteral("tag_fts"), QStringLiteral("kapten")), 1);
    QCOMPARE(ftsHits(QStringLiteral("tag_fts"), QStringLiteral("62812")), 1);
    QCOMPARE(
        scalar(*m_db, QStringLiteral("SELECT rowid FROM tag_fts WHERE tag_fts MATCH '\"kapten\"'")),
        idA);
    // Tags of two groups never run together into a match across them.
    QCOMPARE(ftsHits(QStringLiteral("tag_fts"), QStringLiteral("apten62")), 0);
    QVERIFY(m_writer->storeMembers(
        *pass, QStringLiteral("g1@g.us"),
        {member(QStringLiteral("a@lid")), member(QStringLiteral("b@lid"), QStringLiteral("~Baru"))},
        QString()));
    QVERIFY(m_indexer->indexPending() > 0);
    QCOMPARE(ftsHits(QStringLiteral("tag_fts"), QStringLiteral("kapten")), 0);
    QCOMPARE(ftsHits(QStringLiteral("tag_fts"), QStringLiteral("62812")), 1);
    QCOMPARE(ftsHits(QStringLiteral("tag_fts"), QStringLiteral("baru")), 1);
    QVERIFY(m_writer->finishPass(*pass));
    // A contact that appears after its memberships gets its tags indexed too.
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"),
                         {contact(QStringLiteral("a@lid")), contact(QStringLiteral("b@lid")),
                          contact(QStringLiteral("nobody@lid"))}));
    QVERIFY(m_indexer->indexPending() > 0);
    QCOMPARE(ftsHits(QStringLiteral("tag_fts"), QStringLiteral("~x")),
             0); // 2 characters: no trigram
    QCOMPARE(scalar(*m_db,
                    QStringLiteral("SELECT count(*) FROM tag_fts WHERE t = '~x' || char(31, 31)")),
             1);
    // A contact that goes takes its tags along.
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"), {contact(QStringLiteral("b@lid"))}));
    QVERIFY(m_indexer->indexPending() > 0);
    QCOMPARE(ftsHits(QStringLiteral("tag_fts"), QStringLiteral("62812")), 0);
    QVERIFY(integrityOk(QStringLiteral("tag_fts")));
}

void TestSearchIndexer::firstMembersPassIndexesTagsAtItsEnd()
{
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"),
                         {contact(QStringLiteral("a@lid")), contact(QStringLiteral("b@lid"))}));
    QVERIFY(m_indexer->indexPending() > 0);
    auto pass = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Members);
    QVERIFY(pass->tagsWaitForEnd); // the sync engine then asks for no tag indexing meanwhile
    QVERIFY(m_writer->storeMembers(*pass, QStringLiteral("g1@g.us"),
                                   {member(QStringLiteral("a@lid"), QStringLiteral("~Kapten")),
                                    member(QStringLiteral("b@lid"))},
                                   QString()));
    QVERIFY(m_writer->storeMembers(*pass, QStringLiteral("g2@g.us"),
                                   {member(QStringLiteral("a@lid"), QStringLiteral("~Koki")),
                                    member(QStringLiteral("b@lid"), QStringLiteral("~Baru"))},
                                   QString()));
    // Nothing queued or indexed while the pass runs, so nothing is indexed twice...
    QCOMPARE(m_indexer->pendingRows(), 0);
    QCOMPARE(ftsHits(QStringLiteral("tag_fts"), QStringLiteral("kapten")), 0);
    QVERIFY(m_writer->finishPass(*pass));
    // ...and each tagged contact once at its end, in the pass's last transaction.
    QCOMPARE(m_indexer->pendingRows(), 0);
    for (const char *tag : {"kapten", "koki", "baru"})
        QCOMPARE(ftsHits(QStringLiteral("tag_fts"), QLatin1String(tag)), 1);
    QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM contact_tags")), 2);
    // The next pass queues tags as they arrive.
    auto next = m_writer->beginPass(QStringLiteral("s1"), SyncKind::Members);
    QVERIFY(!next->tagsWaitForEnd);
    QVERIFY(m_writer->storeMembers(*next, QStringLiteral("g3@g.us"),
                                   {member(QStringLiteral("b@lid"), QStringLiteral("~Lagi"))},
                                   QString()));
    QCOMPARE(m_indexer->pendingRows(), 1);
    QVERIFY(m_writer->failPass(*next, QStringLiteral("stopped")));

    // A first pass that fails hands over what it stored all the same; its resumption then
    // queues as it goes.
    QVERIFY(syncContacts(*m_writer, QStringLiteral("s2"), {contact(QStringLiteral("c@lid"))}));
    QVERIFY(m_indexer->indexPending() > 0);
    auto failing = m_writer->beginPass(QStringLiteral("s2"), SyncKind::Members);
    QVERIFY(m_writer->storeMembers(*failing, QStringLiteral("g1@g.us"),
                                   {member(QStringLiteral("c@lid"), QStringLiteral("~Satu"))},
                                   QStringLiteral("g1@g.us")));
    QCOMPARE(m_indexer->pendingRows(), 0);
    QVERIFY(m_writer->failPass(*failing, QStringLiteral("network down")));
    QCOMPARE(ftsHits(QStringLiteral("tag_fts"), QStringLiteral("satu")), 1);
    auto resumed = m_writer->beginPass(QStringLiteral("s2"), SyncKind::Members);
    QVERIFY(resumed && resumed->resumed && !resumed->tagsWaitForEnd);
    QVERIFY(m_writer->storeMembers(*resumed, QStringLiteral("g2@g.us"),
                                   {member(QStringLiteral("c@lid"), QStringLiteral("~Dua"))},
                                   QStringLiteral("g2@g.us")));
    QVERIFY(m_indexer->indexPending() > 0);
    QCOMPARE(ftsHits(QStringLiteral("tag_fts"), QStringLiteral("satu")), 1);
    QCOMPARE(ftsHits(QStringLiteral("tag_fts"), QStringLiteral("dua")), 1);
    QVERIFY(integrityOk(QStringLiteral("tag_fts")));
}

void TestSearchIndexer::reindexTagsRebuildsOneSession()
{
    for (const QString &session : {QStringLiteral("s1"), QStringLiteral("s2")}) {
        QVERIFY(syncContacts(*m_writer, session,
                             {contact(QStringLiteral("a@lid")), contact(QStringLiteral("b@lid"))}));
        auto first = m_writer->beginPass(session, SyncKind::Members);
        QVERIFY(m_writer->storeMembers(*first, QStringLiteral("g1@g.us"),
                                       {member(QStringLiteral("b@lid"))}, QString()));
        QVERIFY(m_writer->finishPass(*first));
        auto pass = m_writer->beginPass(session, SyncKind::Members);
        QVERIFY(m_writer->storeMembers(
            *pass, QStringLiteral("g1@g.us"),
            {member(QStringLiteral("a@lid"), QStringLiteral("~Lama ") + session),
             member(QStringLiteral("b@lid"), QStringLiteral("~Tetap ") + session)},
            QString()));
        QVERIFY(m_writer->finishPass(*pass));
    }
    while (m_indexer->indexPending() > 0) {}
    QCOMPARE(ftsHits(QStringLiteral("tag_fts"), QStringLiteral("lama")), 2);
    // s1 changes behind the index's back: a tag renamed, one gone, one contact's tags queued.
    QString error;
    QVERIFY(m_db->exec(
        QStringLiteral("UPDATE memberships SET tag_key = 'baru s1'"
                       " WHERE lid = 'a@lid' AND sid = (SELECT sid FROM sessions WHERE id = 's1')"),
        &error));
    QVERIFY(m_db->exec(
        QStringLiteral("UPDATE memberships SET tag_key = NULL"
                       " WHERE lid = 'b@lid' AND sid = (SELECT sid FROM sessions WHERE id = 's1')"),
        &error));
    QVERIFY(m_indexer->pendingRows() > 0);
    const qint64 s1 = scalar(*m_db, QStringLiteral("SELECT sid FROM sessions WHERE id = 's1'"));
    QVERIFY(m_indexer->reindexTags(CacheKeys::rangeStart(s1), CacheKeys::rangeEnd(s1)));
    // s1 is exactly its memberships now, nothing of it is left queued; s2 is untouched.
    QCOMPARE(ftsHits(QStringLiteral("tag_fts"), QStringLiteral("baru s1")), 1);
    QCOMPARE(ftsHits(QStringLiteral("tag_fts"), QStringLiteral("lama s1")), 0);
    QCOMPARE(ftsHits(QStringLiteral("tag_fts"), QStringLiteral("tetap s1")), 0);
    QCOMPARE(ftsHits(QStringLiteral("tag_fts"), QStringLiteral("lama s2")), 1);
    QCOMPARE(ftsHits(QStringLiteral("tag_fts"), QStringLiteral("tetap s2")), 1);
    QCOMPARE(scalar(*m_db, QStringLiteral("SELECT count(*) FROM contact_tags")), 3);
    QCOMPARE(scalar(*m_db,
                    QStringLiteral("SELECT count(*) FROM tag_fts_queue WHERE id BETWEEN %1 AND %2")
                        .arg(CacheKeys::rangeStart(s1))
                        .arg(CacheKeys::rangeEnd(s1))),
             0);
    QVERIFY(integrityOk(QStringLiteral("tag_fts")));
}

void TestSearchIndexer::indexIsConsistent()
{
    // Many changes in random order, then the index matches a fresh build term by term.
    QList<Contact> all;
    for (int round = 0; round < 4; ++round) {
        all.clear();
        for (int i = 0; i < 200; ++i) {
            if ((i + round) % 5 == 0)
                continue;
            all << contact(QStringLiteral("%1@lid").arg(i),
                           QStringLiteral("N%1 r%2").arg(i).arg((i * round) % 3),
                           i % 3 ? OptString(QStringLiteral("62%1").arg(i * 7919 + round))
                                 : std::nullopt);
        }
        QVERIFY(syncContacts(*m_writer, QStringLiteral("s1"), all, 37));
        if (round % 2)
            QVERIFY(m_indexer->indexPending(50) >= 0);
    }
    while (m_indexer->indexPending(50) > 0) {}
    QVERIFY(integrityOk(QStringLiteral("contact_fts")));
    QSqlQuery q(m_db->database());
    QVERIFY(q.exec(QStringLiteral("SELECT id, name_key, phone FROM contacts")));
    int checked = 0;
    while (q.next()) {
        QSqlQuery hit(m_db->database());
        hit.prepare(QStringLiteral(
            "SELECT count(*) FROM contact_fts WHERE contact_fts MATCH :m AND rowid = :id"));
        hit.bindValue(QStringLiteral(":m"), SearchText::ftsPhrase(q.value(1).toString()));
        hit.bindValue(QStringLiteral(":id"), q.value(0));
        QVERIFY(hit.exec() && hit.next());
        QCOMPARE(hit.value(0).toInt(), 1);
        ++checked;
    }
    QCOMPARE(checked, all.size());
    QCOMPARE(
        scalar(
            *m_db,
            QStringLiteral("SELECT count(*) FROM contact_fts WHERE contact_fts MATCH '\"n12\"'")),
        scalar(*m_db,
               QStringLiteral("SELECT count(*) FROM contacts WHERE instr(name_key, 'n12') > 0")));
}

QTEST_GUILESS_MAIN(TestSearchIndexer)
#include "tst_searchindexer.moc"

// Realtime events applied to a real SQLite cache filled by a sync from the simulator; after
// each event the cache's rows are compared with the simulator's REST answers.
#include "cache/BackgroundWriter.h"
#include "cache/CacheDatabase.h"
#include "cache/CacheReader.h"
#include "cache/CacheWriter.h"
#include "gateway/GatewayClient.h"
#include "live/LiveApplier.h"
#include "live/RealtimeFeed.h"
#include "sync/SyncEngine.h"

#include "LiveTestUtil.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace LiveTest;

namespace {

template <typename T, typename Start>
GatewayResult<T> await(Start start)
{
    std::optional<GatewayResult<T>> out;
    start([&out](const GatewayResult<T> &r) { out = r; });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, 30000))
        qFatal("the gateway did not answer");
    return *out;
}

} // namespace

class TestLiveEventWriter : public QObject
{
    Q_OBJECT
private:
    SimulatorProcess sim;
    QTemporaryDir dir;
    GatewayClient *client = nullptr;
    std::unique_ptr<BackgroundWriter> store;
    std::unique_ptr<LiveApplier> applier;
    std::unique_ptr<RealtimeFeed> feed;
    std::unique_ptr<CacheDatabase> readDb;
    std::unique_ptr<CacheReader> reader;
    QList<LiveChanges> changes;
    QString session;

    QString cachePath() const { return dir.filePath(QStringLiteral("cache.sqlite")); }

    // Posts an event and waits until the cache applied it; the batch's changes.
    LiveChanges applied(const QString &id)
    {
        if (id.isEmpty())
            qFatal("the simulator refused the event");
        if (!QTest::qWaitFor(
                [&] {
                    return std::any_of(changes.cbegin(), changes.cend(),
                                       [&](const LiveChanges &c) { return c.lastEventId == id; });
                },
                15000))
            qFatal("the event was not applied");
        LiveChanges merged;
        for (const LiveChanges &c : std::as_const(changes)) {
            merged.contacts += c.contacts;
            merged.groups += c.groups;
            merged.sessionStatus += c.sessionStatus;
            merged.contactsToFetch += c.contactsToFetch;
            merged.lastEventId = c.lastEventId;
        }
        changes.clear();
        return merged;
    }

    QMap<QString, QString> restRoles(const QString &group)
    {
        auto r = await<Page<GroupMember>>(
            [&](auto h) { client->listGroupMembers(session, group, this, h); });
        if (!r.ok())
            qFatal("listing members failed: %s", qPrintable(r.error.describe()));
        QMap<QString, QString> roles;
        for (const GroupMember &m : r.value->items)
            roles.insert(m.lid, m.role);
        return roles;
    }
    QMap<QString, QString> cachedRoles(const QString &group)
    {
        QMap<QString, QString> roles;
        for (const CachedMember &m :
             reader->members(session, group).value_or(QList<CachedMember>()))
            roles.insert(m.member.lid, m.member.role);
        return roles;
    }
    QString aGroup()
    {
        auto r = await<Page<Group>>([&](auto h) { client->listGroups(session, this, h); });
        if (!r.ok() || r.value->items.isEmpty())
            qFatal("no group to test with");
        return r.value->items.first().groupJid;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<SyncOutcome>();
        QVERIFY2(
            sim.start({QStringLiteral("--seed"), QStringLiteral("8"), QStringLiteral("--sessions"),
                       QStringLiteral("1"), QStringLiteral("--contacts"), QStringLiteral("400"),
                       QStringLiteral("--groups"), QStringLiteral("5"), QStringLiteral("--members"),
                       QStringLiteral("300"), QStringLiteral("--api-key"),
                       QStringLiteral("wa_full=read,send,manage,events")}),
            qPrintable(sim.errorString()));
        session = sim.workingSession().id;
        QVERIFY(dir.isValid());
        client = new GatewayClient(this);
        client->setEndpoint(sim.url(), QStringLiteral("wa_full"));

        // A cache filled the way the console fills it: a sync of the session.
        {
            QString error;
            auto db = CacheDatabase::open(cachePath(), CacheDatabase::Mode::ReadWrite, &error);
            QVERIFY2(db, qPrintable(error));
        }
        SyncEngine engine(client, cachePath());
        QSignalSpy done(&engine, &SyncEngine::finished);
        QVERIFY(engine.start(session, {}));
        QVERIFY(done.wait(60000));
        QVERIFY2(done.first().first().value<SyncOutcome>().ok(),
                 qPrintable(done.first().first().value<SyncOutcome>().message));

        QString error;
        readDb = CacheDatabase::open(cachePath(), CacheDatabase::Mode::Read, &error);
        QVERIFY2(readDb, qPrintable(error));
        reader = std::make_unique<CacheReader>(*readDb);

        store = std::make_unique<BackgroundWriter>(cachePath());
        applier = std::make_unique<LiveApplier>(store.get());
        feed = std::make_unique<RealtimeFeed>(client);
        connect(feed.get(), &RealtimeFeed::eventReceived, applier.get(), &LiveApplier::enqueue);
        connect(applier.get(), &LiveApplier::applied, this, [this](const LiveChanges &c) {
            feed->markApplied(c.lastEventId);
            changes << c;
        });
        connect(applier.get(), &LiveApplier::failed, this,
                [](const QString &e) { qFatal("applying failed: %s", qPrintable(e)); });
        feed->start();
        QVERIFY(QTest::qWaitFor([&] { return feed->state() == RealtimeFeed::State::Live; }, 15000));
    }

    void cleanupTestCase()
    {
        feed.reset();
        applier.reset();
        store.reset();
        reader.reset();
        readDb.reset();
    }

    void shouldRenameAContactByLidOrPhoneJidAndFindItByTheNewName()
    {
        // Given a cached contact with a phone number
        auto page = await<Page<Contact>>(
            [&](auto h) { client->listContacts(session, {}, this, h); });
        QVERIFY(page.ok());
        std::optional<Contact> contact;
        for (const Contact &c : page.value->items)
            if (c.phoneNumber && !contact)
                contact = c;
        QVERIFY(contact);

        // When the gateway renames it by its LID, then by its phone JID
        const struct {
            QString jid;
            QString name;
        } renames[] = {{contact->lid, QStringLiteral("Zakaria Livewire")},
                       {*contact->phoneNumber + QStringLiteral("@s.whatsapp.net"),
                        QStringLiteral("Yohana Phonejid")}};
        for (const auto &rename : renames) {
            const LiveChanges c = applied(renameContact(sim, session, rename.jid, rename.name));

            // Then the cache holds the name the gateway now answers, and says what changed
            auto rest = await<ContactDetail>(
                [&](auto h) { client->getContact(session, contact->lid, this, h); });
            QVERIFY(rest.ok() && rest.value->identity);
            QCOMPARE(rest.value->identity->name, OptString(rename.name));
            const auto cached = reader->contact(session, contact->lid);
            QVERIFY(cached);
            QCOMPARE(cached->contact.contact.name, OptString(rename.name));
            QVERIFY(c.contacts.contains(SessionItem{session, contact->lid}));

            // And search finds the contact by its new name, not by the old one
            ContactFilter filter;
            filter.sessionId = session;
            filter.text = rename.name.section(QLatin1Char(' '), 1);
            const auto found = reader->contacts(filter);
            QVERIFY2(found, qPrintable(reader->lastError()));
            QCOMPARE(found->rows.size(), 1);
            QCOMPARE(found->rows.first().contact.lid, contact->lid);
        }
        ContactFilter old;
        old.sessionId = session;
        old.text = QStringLiteral("Livewire");
        QCOMPARE(reader->contacts(old)->rows.size(), 0);
    }

    void shouldApplyAGroupsSubjectDescriptionAndFlags()
    {
        // Given a cached group
        const QString group = aGroup();
        // When the gateway changes its subject, description and flags
        const LiveChanges c = applied(
            postEvent(sim, session, QStringLiteral("group.update"),
                      {{QStringLiteral("groupJid"), group},
                       {QStringLiteral("subject"), QStringLiteral("Live Desk")},
                       {QStringLiteral("description"), QStringLiteral("Now live")},
                       {QStringLiteral("isAnnounce"), true},
                       {QStringLiteral("isLocked"), false}}));
        // Then the cached group equals the gateway's answer
        auto rest = await<Group>([&](auto h) { client->getGroup(session, group, this, h); });
        QVERIFY(rest.ok());
        const auto cached = reader->group(session, group);
        QVERIFY(cached);
        QCOMPARE(cached->group.subject, rest.value->subject);
        QCOMPARE(cached->group.subject, OptString(QStringLiteral("Live Desk")));
        QCOMPARE(cached->group.description, rest.value->description);
        QCOMPARE(cached->group.isAnnounce, rest.value->isAnnounce);
        QCOMPARE(cached->group.isLocked, rest.value->isLocked);
        QVERIFY(c.groups.contains(SessionItem{session, group}));
    }

    void shouldApplyJoinsLeavesPromotionsAndDemotions()
    {
        // Given a cached group, one of its plain members and a contact outside it
        const QString group = aGroup();
        QMap<QString, QString> roles = restRoles(group);
        QCOMPARE(cachedRoles(group), roles);
        const QString member = roles.key(QStringLiteral("member"));
        QVERIFY(!member.isEmpty());
        auto page = await<Page<Contact>>(
            [&](auto h) { client->listContacts(session, {}, this, h); });
        QString outsider;
        for (const Contact &c : page.value->items)
            if (!roles.contains(c.lid) && outsider.isEmpty())
                outsider = c.lid;
        QVERIFY(!outsider.isEmpty());

        // When members are promoted, demoted, join and leave
        const QList<QJsonObject> steps{
            {{QStringLiteral("promote"), QJsonArray{member}}},
            {{QStringLiteral("demote"), QJsonArray{member}}},
            {{QStringLiteral("promote"), QJsonArray{member}}},
            {{QStringLiteral("join"), QJsonArray{outsider}}},
            {{QStringLiteral("leave"), QJsonArray{member}}},
        };
        for (QJsonObject step : steps) {
            step.insert(QStringLiteral("groupJid"), group);
            const LiveChanges c = applied(
                postEvent(sim, session, QStringLiteral("group.participant"), step));
            // Then after each the cached members and roles equal the gateway's
            QCOMPARE(cachedRoles(group), restRoles(group));
            QVERIFY(c.groups.contains(SessionItem{session, group}));
            QVERIFY(c.contactsToFetch.isEmpty()); // both were known
        }
        QVERIFY(!cachedRoles(group).contains(member));
        QCOMPARE(cachedRoles(group).value(outsider), QStringLiteral("member"));
        QCOMPARE(reader->group(session, group)->memberCount, qint64(restRoles(group).size()));
    }

    void shouldReportAContactFirstSeenInAJoin()
    {
        // Given a LID the cache has never seen
        const QString group = aGroup();
        const QString stranger = QStringLiteral("987654321012345@lid");
        QVERIFY(!reader->contact(session, stranger));

        // When it joins a group
        const LiveChanges c = applied(postEvent(
            sim, session, QStringLiteral("group.participant"),
            {{QStringLiteral("groupJid"), group}, {QStringLiteral("join"), QJsonArray{stranger}}}));

        // Then it is reported for fetching, and once fetched and stored it is a member
        QCOMPARE(c.contactsToFetch, QList<SessionItem>{SessionItem(session, stranger)});
        auto detail = await<ContactDetail>(
            [&](auto h) { client->getContact(session, stranger, this, h); });
        QVERIFY2(detail.ok(), qPrintable(detail.error.describe()));
        bool stored = false;
        store->post(QStringLiteral("detail"), [&](CacheDatabase &db, QString *error) {
            CacheWriter writer(db);
            stored = writer.storeContactDetail(session, stranger, *detail.value);
            *error = writer.lastError();
            return stored;
        });
        QVERIFY(store->waitUntilIdle());
        QVERIFY(stored);
        QVERIFY(reader->contact(session, stranger));
        QCOMPARE(cachedRoles(group), restRoles(group));
    }

    void shouldApplyASessionsStatus()
    {
        // Given a working session
        // When the gateway reports it failed
        const LiveChanges c = applied(
            postEvent(sim, session, QStringLiteral("session.status"),
                      {{QStringLiteral("status"), QStringLiteral("failed")}}));
        // Then the cached status is the gateway's
        auto rest = await<WaSession>([&](auto h) { client->getSession(session, this, h); });
        QVERIFY(rest.ok());
        QCOMPARE(rest.value->status, QStringLiteral("failed"));
        QCOMPARE(reader->session(session)->session.status, QStringLiteral("failed"));
        QCOMPARE(c.sessionStatus, QStringList{session});
        applied(postEvent(sim, session, QStringLiteral("session.status"),
                          {{QStringLiteral("status"), QStringLiteral("working")}}));
        QCOMPARE(reader->session(session)->session.status, QStringLiteral("working"));
    }

    void shouldResumeAfterARestartFromTheStoredEventId()
    {
        // Given events applied to the cache, and the console closed
        ContactFilter all;
        all.sessionId = session;
        const QString lid = reader->contacts(all)->rows.first().contact.lid;
        const QString last =
            applied(renameContact(sim, session, lid, QStringLiteral("Before Restart"))).lastEventId;
        feed.reset();
        applier.reset();
        store.reset();
        QString error;
        QCOMPARE(LiveEventWriter::lastEventId(*readDb, &error), std::optional<QString>(last));

        // When events happen while it is closed, and it starts again from its cache
        const QString missed = renameContact(sim, session, lid, QStringLiteral("While Closed"));
        store = std::make_unique<BackgroundWriter>(cachePath());
        applier = std::make_unique<LiveApplier>(store.get());
        QString resumeAfter;
        bool read = false;
        applier->readResumePoint([&](const QString &id) {
            resumeAfter = id;
            read = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return read; }, 10000));
        QCOMPARE(resumeAfter, last);
        feed = std::make_unique<RealtimeFeed>(client);
        QList<LiveEvent> received;
        connect(feed.get(), &RealtimeFeed::eventReceived, this,
                [&](const LiveEvent &e) { received << e; });
        feed->start(resumeAfter);

        // Then exactly the missed event arrives
        QVERIFY(QTest::qWaitFor([&] { return !received.isEmpty(); }, 15000));
        // (a live event posted now comes right after it: nothing else was replayed)
        const QString after = renameContact(sim, session, lid, QStringLiteral("After Restart"));
        QVERIFY(QTest::qWaitFor([&] { return received.size() >= 2; }, 15000));
        QCOMPARE(received.size() - 1, 1);
        QCOMPARE(received.first().id, missed);
        QCOMPARE(received.last().id, after);
    }
};

QTEST_GUILESS_MAIN(TestLiveEventWriter)
#include "tst_liveeventwriter.moc"

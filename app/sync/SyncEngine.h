#pragma once

#include "cache/CacheTypes.h"
#include "gateway/GatewayClient.h"
#include "sync/RequestBudget.h"
#include "sync/SyncStore.h"
#include "sync/SyncTypes.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

class CacheReader;

// Mirrors one session's stored data from the gateway into the cache: every page of
// listContacts, listGroups, and listGroupMembers of every group. Runs on the thread of its
// client (a worker thread in the app, the main thread in the terminal); everything it
// stores goes through a SyncStore, on a thread and cache connection of its own.
//
// - Contacts come one cursor page after another; the next page is requested as soon as one
//   arrives, and pages are stored on the store's thread meanwhile, so the network, decoding
//   and SQLite overlap. Group members are fetched alongside, up to maxInFlight requests at
//   once, and stored in group order so the resume point is simply "the last group stored".
//   At most a few pages wait to be stored: the fetching waits for the store, never the
//   other way round, so memory stays bounded.
// - Each page is one transaction of its own (nested in a shared commit, see SyncStore); a
//   pass sweeps vanished rows only when it completed, so a failed, cancelled or killed sync
//   loses nothing the last complete one had, and the next start resumes from the saved
//   cursor. finished() comes after everything fetched was stored.
// - Polite: a bounded number of requests in flight, the client's back-off on 429/503, and
//   an optional request budget per minute.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    // cachePath: the profile's cache; the engine opens its own connection to it for writing.
    SyncEngine(GatewayClient *client, const QString &cachePath, QObject *parent = nullptr);
    ~SyncEngine() override;

    // Where the deep phase finds the LIDs to fetch details for (a reader of the same cache,
    // on this thread). Without one, SyncOptions::deep is refused.
    void setReader(CacheReader *reader) { m_reader = reader; }

    // Starts a sync of this session; false (and nothing happens) while one is running.
    bool start(const QString &sessionId, const SyncOptions &options = {});
    // Stops it; finished() reports Cancelled (before this returns: what was already fetched
    // is stored first).
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progress(const SyncProgress &progress);
    void finished(const SyncOutcome &outcome);

private:
    using Send = std::function<GatewayRequest()>;

    // Scheduling
    void enqueue(Send send, bool urgent = false);
    void pump();
    void requestDone();
    // A 429 or 503 after the client's own retries: pause every request of this sync, then
    // send this one again. False when the gateway has refused too long in a row.
    bool backOff(const GatewayError &error, std::function<void()> again);

    // Phases (SyncEngineContacts.cpp, SyncEngineMembers.cpp)
    void beginContacts(bool resume);
    void fetchContactsPage(const QString &cursor);
    void onContactsPage(const QString &cursor, const GatewayResult<Page<Contact>> &result);
    void contactsPageFailed(const GatewayError &error, bool first);
    void storeContactsPage(const Page<Contact> &page);
    void finishContactsPass();
    void beginGroups();
    void onGroups(const GatewayResult<Page<Group>> &result);
    void onMembersPassBegun(const SyncPass &pass, const QList<Group> &groups);
    void feedMembers();
    void fetchMembers(int index);
    void onMembers(int index, const GatewayResult<Page<GroupMember>> &result);
    void storeReadyMembers();
    void finishMembersWhenStored();

    void feedDetails();
    void fetchDetail(const QString &lid);
    void onDetail(const QString &lid, const GatewayResult<ContactDetail> &result);

    // Stores on the store's thread; then() runs here once that committed. A failure ends the
    // sync with failMessage (a "%1" for the cache's error).
    void store(SyncStore::Kind kind, SyncStore::Work work, std::function<void()> then,
               const QString &failMessage);
    void indexSome(bool everything);
    void reportProgress(const QString &phase, qint64 done, qint64 total);
    void maybeFinish();
    void failWith(const QString &message, const GatewayError &error = {});
    void end(SyncOutcome::Status status, const QString &message, const GatewayError &error);

    // Everything one run works with, from start() to finished(): start() replaces it whole.
    struct Run {
        Run() = default;
        Run(const QString &sessionId, const SyncOptions &options);

        QString session;
        SyncOptions options;
        RequestBudget budget;
        int backOffs = 0; // in a row, reset by any success
        QElapsedTimer elapsed;
        std::deque<Send> waiting;
        QList<GatewayRequest> active;
        int inFlight = 0;

        std::optional<SyncPass> contactsPass;
        std::optional<SyncPass> membersPass;
        bool contactsDone = false;
        bool membersDone = false;
        bool contactsPageIsFirst = true;
        bool finishing = false; // the last index pass is on its way
        bool membersFinishPosted = false;
        int storing = 0; // store jobs of this run not done yet
        int contactPagesStoring = 0;
        std::optional<QString> deferredContactsCursor; // fetched once fewer pages wait

        QStringList groupJids; // sorted; members are stored in this order
        int nextGroupToFetch = 0;
        int nextGroupToStore = 0; // next to hand to the store
        int groupsStored = 0;
        qint64 memberRowsStoring = 0;                  // handed to the store, not committed yet
        QHash<int, QList<GroupMember>> fetchedMembers; // fetched, waiting for their turn

        // Deep phase: every contact's detail, fetched after the contacts pass, LIDs read back
        // from the cache page by page (never all in memory).
        bool detailsDone = true;
        QString detailsCursor;
        bool detailsListed = false; // every LID has been queued
        QStringList detailsToFetch;
        int detailsPending = 0; // queued or in flight

        qint64 unindexedContacts = 0; // stored since their last indexing step
        qint64 unindexedMembers = 0;  // stored since the last step that indexed tags
        SyncOutcome outcome;
    };

    GatewayClient *m_client;
    std::unique_ptr<SyncStore> m_store;
    CacheReader *m_reader = nullptr;

    bool m_running = false;
    quint64 m_runId = 0; // tags each run's callbacks, so late answers of an old run are ignored
    QTimer m_budgetTimer;
    QTimer m_pauseTimer; // back-off after 429/503: nothing is sent while it runs
    Run m_run;
};

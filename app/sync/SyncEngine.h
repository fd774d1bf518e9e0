#pragma once

#include "cache/CacheTypes.h"
#include "gateway/GatewayClient.h"
#include "sync/RequestBudget.h"
#include "sync/SyncTypes.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>
#include <optional>

class CacheWriter;
class SearchIndexer;

// Mirrors one session's stored data from the gateway into the cache: every page of
// listContacts, listGroups, and listGroupMembers of every group. Runs on the thread of its
// client and cache connection (a worker thread in the app, the main thread in the terminal).
//
// - Contacts come one cursor page after another; the next page is requested before the
//   current one is stored, so the network and SQLite overlap. Group members are fetched
//   alongside, up to maxInFlight requests at once, and stored in group order so the resume
//   point is simply "the last group stored".
// - Each page is one transaction (CacheWriter); a pass sweeps vanished rows only when it
//   completed, so a failed, cancelled or killed sync loses nothing the last complete one had,
//   and the next start resumes from the saved cursor.
// - Polite: a bounded number of requests in flight, the client's back-off on 429/503, and
//   an optional request budget per minute.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    SyncEngine(GatewayClient *client, CacheWriter *writer, SearchIndexer *indexer,
               QObject *parent = nullptr);
    ~SyncEngine() override;

    // Starts a sync of this session; false (and nothing happens) while one is running.
    bool start(const QString &sessionId, const SyncOptions &options = {});
    // Stops it; finished() reports Cancelled.
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

    // Phases
    void beginContacts(bool resume);
    void fetchContactsPage(const QString &cursor);
    void onContactsPage(const GatewayResult<Page<Contact>> &result);
    void beginGroups();
    void onGroups(const GatewayResult<Page<Group>> &result);
    void feedMembers();
    void onMembers(int index, const GatewayResult<Page<GroupMember>> &result);
    void storeReadyMembers();

    void indexSome(bool everything);
    void reportProgress(const QString &phase, qint64 done, qint64 total);
    void maybeFinish();
    void failWith(const QString &message, const GatewayError &error = {});
    void end(SyncOutcome::Status status, const QString &message, const GatewayError &error);

    GatewayClient *m_client;
    CacheWriter *m_writer;
    SearchIndexer *m_indexer;

    bool m_running = false;
    quint64 m_run = 0;            // tags each run's callbacks, so late answers of an old run are ignored
    QString m_session;
    SyncOptions m_options;
    RequestBudget m_budget;
    QTimer m_budgetTimer;
    QElapsedTimer m_elapsed;
    std::deque<Send> m_waiting;
    QList<GatewayRequest> m_active;
    int m_inFlight = 0;

    std::optional<SyncPass> m_contactsPass;
    std::optional<SyncPass> m_membersPass;
    bool m_contactsDone = false;
    bool m_membersDone = false;
    bool m_contactsPageIsFirst = true;

    QStringList m_groupJids;                       // sorted; members are stored in this order
    int m_nextGroupToFetch = 0;
    int m_nextGroupToStore = 0;
    QHash<int, QList<GroupMember>> m_fetchedMembers; // fetched, waiting for their turn

    qint64 m_unindexedRows = 0;
    SyncOutcome m_outcome;
};

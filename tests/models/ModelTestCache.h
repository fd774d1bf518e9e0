#pragma once

#include "DemoCache.h"
#include "cache/CacheTypes.h"
#include "live/LiveEvent.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>

#include <memory>

class CacheDatabase;
class CacheReader;

// A DemoCache file in a temporary directory, read as the window reads it: a Read connection
// and its CacheReader on the test's thread. A sync landing writes through other connections,
// so the reader sees it only as a commit from elsewhere, as in the running console.
class ModelTestCache
{
public:
    // The session every model test reads: 1,000 contacts, 6 groups of 12 members.
    static DemoCache::Spec smallSpec();
    // Every model runs under a tester that fails the test function on a broken contract.
    static constexpr auto kTesterMode = QAbstractItemModelTester::FailureReportingMode::QtTest;

    ModelTestCache();
    ~ModelTestCache();

    // Builds the cache and opens the reader. Returns an error text, empty on success.
    QString create(const DemoCache::Spec &spec = smallSpec());
    // Another connection stores a sync of spec over the cache (it adds, replaces or sweeps).
    QString land(const DemoCache::Spec &spec) const;
    // Another connection applies realtime events, as the live feed's writer does.
    QString applyLive(const QList<LiveEvent> &events) const;

    // Realtime events of the demo session, each with an id of its own.
    static LiveEvent renamed(const QString &lid, const QString &name);
    static LiveEvent statusChanged(const QString &status);
    static LiveEvent subjectChanged(const QString &groupJid, const QString &subject);
    // group.participant: lists of LIDs that join, leave, or are promoted to admin.
    static LiveEvent participants(const QString &groupJid, const QStringList &join,
                                  const QStringList &leave, const QStringList &promote = {});

    QString path() const { return m_path; }
    QString sessionId() const { return QStringLiteral("demo"); }
    CacheDatabase &database() { return *m_db; }
    CacheReader &reader() { return *m_reader; }

    // Every contact of the demo session, in name order; text narrows it as the search box does.
    ContactFilter filter(const QString &text = {}) const;
    // The JID of the session's first group as the reader orders them.
    QString firstGroupJid();

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<CacheDatabase> m_db;
    std::unique_ptr<CacheReader> m_reader; // holds statements of m_db: destroyed first
};

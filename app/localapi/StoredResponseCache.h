#pragma once

#include "http/HttpResponse.h"

#include <QByteArray>
#include <QHash>

#include <optional>

// Answers of the routes served from the cache, kept while the cache's data version stays the
// same. Local apps poll the same contacts and pages over and over; between two syncs each of
// those answers is the same bytes, so building it again (SQL, JSON) is wasted work on the
// server thread. Keyed by the raw request target (path and query as received): two spellings
// of one resource are two entries, never a wrong answer. Bounded: when full it starts over,
// which is cheaper than tracking recency on every hit and costs one rebuild per entry.
class StoredResponseCache
{
public:
    explicit StoredResponseCache(int capacity = 4096)
        : m_capacity(capacity)
    {
    }

    // The stored answer for `target` if it was built at `dataVersion`.
    std::optional<HttpResponse> find(const QByteArray &target, qint64 dataVersion) const;
    // Keeps `response` for `target` at `dataVersion`; a new version drops every older answer.
    void store(const QByteArray &target, qint64 dataVersion, const HttpResponse &response);
    void clear();

    int size() const { return int(m_answers.size()); }

private:
    int m_capacity;
    qint64 m_version = -1;
    QHash<QByteArray, HttpResponse> m_answers;
};

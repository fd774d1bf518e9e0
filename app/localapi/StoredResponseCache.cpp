#include "localapi/StoredResponseCache.h"

std::optional<HttpResponse> StoredResponseCache::find(const QByteArray &target,
                                                      qint64 dataVersion) const
{
    if (dataVersion < 0 || dataVersion != m_version)
        return std::nullopt;
    const auto it = m_answers.constFind(target);
    if (it == m_answers.constEnd())
        return std::nullopt;
    return *it;
}

void StoredResponseCache::store(const QByteArray &target, qint64 dataVersion,
                                const HttpResponse &response)
{
    if (dataVersion < 0 || m_capacity <= 0)
        return;
    if (dataVersion != m_version) {
        m_answers.clear();
        m_version = dataVersion;
    }
    if (m_answers.size() >= m_capacity)
        m_answers.clear();
    m_answers.insert(target, response);
}

void StoredResponseCache::clear()
{
    m_answers.clear();
    m_version = -1;
}

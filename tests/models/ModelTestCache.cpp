#include "ModelTestCache.h"

#include "cache/CacheDatabase.h"
#include "cache/CacheReader.h"

DemoCache::Spec ModelTestCache::smallSpec()
{
    DemoCache::Spec spec;
    spec.contacts = 1000;
    spec.groups = 6;
    spec.membersPerGroup = 12;
    return spec;
}

ModelTestCache::ModelTestCache() = default;

ModelTestCache::~ModelTestCache()
{
    m_reader.reset();
    m_db.reset();
}

QString ModelTestCache::create(const DemoCache::Spec &spec)
{
    if (!m_dir.isValid())
        return m_dir.errorString();
    m_path = m_dir.filePath(QStringLiteral("cache.sqlite"));
    const QString error = DemoCache::build(m_path, spec);
    if (!error.isEmpty())
        return error;
    QString openError;
    m_db = CacheDatabase::open(m_path, CacheDatabase::Mode::Read, &openError);
    if (!m_db)
        return openError;
    m_reader = std::make_unique<CacheReader>(*m_db);
    return {};
}

QString ModelTestCache::land(const DemoCache::Spec &spec) const
{
    return DemoCache::build(m_path, spec);
}

ContactFilter ModelTestCache::filter(const QString &text) const
{
    ContactFilter f;
    f.sessionId = sessionId();
    f.text = text;
    return f;
}

QString ModelTestCache::firstGroupJid()
{
    const std::optional<QList<CachedGroup>> groups = m_reader->groups(sessionId());
    return groups && !groups->isEmpty() ? groups->first().group.groupJid : QString();
}

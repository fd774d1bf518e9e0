#include "ModelTestCache.h"

#include "cache/CacheDatabase.h"
#include "cache/CacheReader.h"
#include "live/LiveEventWriter.h"

#include <QDateTime>

namespace {
LiveEvent event(const QString &kind)
{
    static int next = 0;
    LiveEvent e;
    e.id = QStringLiteral("evt-%1").arg(++next, 6, 10, QLatin1Char('0'));
    e.event = kind;
    e.session = QStringLiteral("demo");
    e.organization = QStringLiteral("org-demo");
    e.timestamp = QDateTime::currentMSecsSinceEpoch();
    return e;
}
} // namespace

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

QString ModelTestCache::applyLive(const QList<LiveEvent> &events) const
{
    QString error;
    auto db = CacheDatabase::open(m_path, CacheDatabase::Mode::ReadWrite, &error);
    if (!db)
        return error;
    LiveEventWriter writer(*db);
    return writer.apply(events) ? QString() : writer.lastError();
}

LiveEvent ModelTestCache::renamed(const QString &lid, const QString &name)
{
    LiveEvent e = event(QStringLiteral("contact.update"));
    e.jid = lid;
    e.fullName = name;
    return e;
}

LiveEvent ModelTestCache::statusChanged(const QString &status)
{
    LiveEvent e = event(QStringLiteral("session.status"));
    e.status = status;
    return e;
}

LiveEvent ModelTestCache::subjectChanged(const QString &groupJid, const QString &subject)
{
    LiveEvent e = event(QStringLiteral("group.update"));
    e.groupJid = groupJid;
    e.subject = subject;
    return e;
}

LiveEvent ModelTestCache::participants(const QString &groupJid, const QStringList &join,
                                       const QStringList &leave, const QStringList &promote)
{
    LiveEvent e = event(QStringLiteral("group.participant"));
    e.groupJid = groupJid;
    e.join = join;
    e.leave = leave;
    e.promote = promote;
    return e;
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

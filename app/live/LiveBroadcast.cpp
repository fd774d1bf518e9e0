#include "live/LiveBroadcast.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QRandomGenerator>

namespace {

// A JSON string literal, quotes included.
QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QString stringField(const QJsonObject &o, QLatin1String key, bool *ok)
{
    const QString value = o.value(key).toString();
    *ok = *ok && !value.isEmpty();
    return value;
}

} // namespace

LiveBroadcastLog::LiveBroadcastLog(int capacity)
    : m_capacity(qMax(1, capacity))
{
}

bool LiveBroadcastLog::append(BroadcastFrame *frame)
{
    QMutexLocker lock(&m_mutex);
    if (m_seqOfId.contains(frame->id))
        return false;
    if (int(m_frames.size()) >= m_capacity) {
        m_seqOfId.remove(m_frames.front().id);
        m_frames.pop_front();
    }
    frame->seq = ++m_seq;
    m_seqOfId.insert(frame->id, frame->seq);
    m_frames.push_back(*frame);
    return true;
}

LiveBroadcastLog::Replay LiveBroadcastLog::after(const QString &since) const
{
    QMutexLocker lock(&m_mutex);
    Replay replay;
    replay.lastSeq = m_seq;
    if (since.isEmpty() || m_frames.empty())
        return replay;
    const quint64 first = m_frames.front().seq;
    const auto it = m_seqOfId.constFind(since);
    // Seqs are contiguous: the frame after `since` is at index (seq + 1 - first).
    const size_t from = it == m_seqOfId.constEnd() ? 0 : size_t(*it + 1 - first);
    replay.frames.reserve(qsizetype(m_frames.size() - qMin(from, m_frames.size())));
    for (size_t i = from; i < m_frames.size(); ++i)
        replay.frames.append(m_frames[i]);
    return replay;
}

quint64 LiveBroadcastLog::lastSeq() const
{
    QMutexLocker lock(&m_mutex);
    return m_seq;
}

int LiveBroadcastLog::size() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_frames.size());
}

LiveBroadcast::LiveBroadcast(QObject *parent)
    : QObject(parent)
    , m_log(std::make_shared<LiveBroadcastLog>(kLogCapacity))
{
    qRegisterMetaType<BroadcastFrame>();
}

LiveBroadcast::~LiveBroadcast() = default;

bool LiveBroadcast::publish(const QByteArray &frame)
{
    const QJsonDocument doc = QJsonDocument::fromJson(frame);
    if (!doc.isObject())
        return false;
    const QJsonObject o = doc.object();
    bool ok = true;
    BroadcastFrame f;
    f.id = stringField(o, QLatin1String("id"), &ok);
    f.event = stringField(o, QLatin1String("event"), &ok);
    f.session = stringField(o, QLatin1String("session"), &ok);
    if (!ok)
        return false;
    f.json = frame;
    return publishFrame(std::move(f));
}

bool LiveBroadcast::publish(const LiveEvent &event)
{
    if (event.raw.isEmpty() || event.id.isEmpty() || event.event.isEmpty())
        return false;
    BroadcastFrame f;
    f.id = event.id;
    f.event = event.event;
    f.session = event.session;
    f.json = event.raw;
    return publishFrame(std::move(f));
}

bool LiveBroadcast::publishFrame(BroadcastFrame frame)
{
    if (!m_log->append(&frame))
        return false;
    Q_EMIT published(frame);
    return true;
}

QString LiveBroadcast::publishSync(const ConsoleSyncNote &note)
{
    QString id;
    const QByteArray json = syncEnvelope(note, &id);
    publishFrame({0, id, QStringLiteral("console.sync"), note.session, json});
    return id;
}

QString LiveBroadcast::publishAudit(const ConsoleAuditNote &note)
{
    QString id;
    const QByteArray json = auditEnvelope(note, &id);
    publishFrame({0, id, QStringLiteral("console.audit"), note.session, json});
    return id;
}

QString LiveBroadcast::phaseName(ConsoleSyncNote::Phase phase)
{
    switch (phase) {
    case ConsoleSyncNote::Phase::Started:
        return QStringLiteral("started");
    case ConsoleSyncNote::Phase::Finished:
        return QStringLiteral("finished");
    case ConsoleSyncNote::Phase::Failed:
        return QStringLiteral("failed");
    case ConsoleSyncNote::Phase::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QString();
}

QByteArray LiveBroadcast::syncEnvelope(const ConsoleSyncNote &note, QString *id)
{
    QJsonObject payload{{QStringLiteral("session"), note.session},
                        {QStringLiteral("phase"), phaseName(note.phase)}};
    if (note.contacts)
        payload.insert(QStringLiteral("contacts"), double(*note.contacts));
    if (note.groups)
        payload.insert(QStringLiteral("groups"), double(*note.groups));
    if (!note.message.isEmpty())
        payload.insert(QStringLiteral("message"), note.message);
    return envelope(QStringLiteral("console.sync"), note.session,
                    QJsonDocument(payload).toJson(QJsonDocument::Compact), id);
}

QByteArray LiveBroadcast::auditEnvelope(const ConsoleAuditNote &note, QString *id)
{
    QJsonObject payload{{QStringLiteral("session"), note.session},
                        {QStringLiteral("action"), note.action},
                        {QStringLiteral("jid"), note.jid},
                        {QStringLiteral("result"), note.result},
                        {QStringLiteral("origin"), note.origin}};
    if (!note.requestId.isEmpty())
        payload.insert(QStringLiteral("requestId"), note.requestId);
    return envelope(QStringLiteral("console.audit"), note.session,
                    QJsonDocument(payload).toJson(QJsonDocument::Compact), id);
}

QByteArray LiveBroadcast::envelope(const QString &event, const QString &session,
                                   const QByteArray &payload, QString *id)
{
    const QString newId = nextId();
    if (id)
        *id = newId;
    QByteArray out = "{\"schema\":\"v1\",\"id\":" + jsonString(newId)
        + ",\"event\":" + jsonString(event) + ",\"session\":" + jsonString(session);
    if (!m_organization.isEmpty())
        out += ",\"organization\":" + jsonString(m_organization);
    out += ",\"timestamp\":" + QByteArray::number(m_lastIdMs) + ",\"payload\":" + payload + '}';
    return out;
}

QString LiveBroadcast::nextId()
{
    // A monotonic ULID, as the gateway makes its event ids: within one millisecond the random
    // part counts up, so the console's ids sort in publishing order too.
    const qint64 ms = QDateTime::currentMSecsSinceEpoch();
    if (ms > m_lastIdMs) {
        m_lastIdMs = ms;
        m_idHi = QRandomGenerator::global()->generate64() & 0x7FFF;
        m_idLo = QRandomGenerator::global()->generate64();
    } else if (++m_idLo == 0) {
        ++m_idHi;
    }
    static const char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    unsigned __int128 v = (static_cast<unsigned __int128>(quint64(m_lastIdMs)) << 80)
        | (static_cast<unsigned __int128>(m_idHi) << 64) | m_idLo;
    char text[26];
    for (int i = 25; i >= 0; --i, v >>= 5)
        text[i] = kCrockford[int(v & 31)];
    return QStringLiteral("con_") + QString::fromLatin1(text, 26);
}

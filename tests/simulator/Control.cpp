#include "Control.h"

#include "DataMutator.h"
#include "DataSet.h"
#include "Faults.h"
#include "JsonWriter.h"
#include "Request.h"
#include "Stats.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace sim {

namespace {

bool parseObject(const QByteArray &body, QJsonObject *out)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    *out = doc.object();
    return true;
}

Response notFound()
{
    return errorResponse("not_found", QStringLiteral("no such control route"));
}

} // namespace

Control::Control(DataSet &data, Faults &faults, Stats &stats)
    : m_data(data)
    , m_faults(faults)
    , m_stats(stats)
{
}

Response Control::handle(const QByteArray &method, const QList<QByteArray> &segments,
                         const QByteArray &body)
{
    const QByteArray what = segments.value(1);
    if (segments.size() == 2 && what == "faults")
        return faults(method, body);
    if (segments.size() == 2 && what == "stats")
        return stats(method);
    if (segments.size() == 4 && what == "sessions")
        return session(method, segments, body);
    return notFound();
}

Response Control::faults(const QByteArray &method, const QByteArray &body)
{
    if (method == "DELETE") {
        m_faults.reset();
    } else if (method == "PUT") {
        QJsonObject o;
        QString problem;
        if (!parseObject(body, &o))
            return validationError(QStringLiteral("the body must be a JSON object"));
        if (!m_faults.merge(o, &problem))
            return validationError(problem);
    } else if (method != "GET") {
        return notFound();
    }
    return jsonResponse(200, m_faults.config().toJson());
}

Response Control::stats(const QByteArray &method)
{
    if (method == "DELETE")
        m_stats.reset();
    else if (method != "GET")
        return notFound();
    return jsonResponse(200, m_stats.toJson());
}

Response Control::session(const QByteArray &method, const QList<QByteArray> &segments,
                          const QByteArray &body)
{
    QString id;
    const int s = decodeComponent(segments[2], false, &id) ? m_data.sessionIndex(id) : -1;
    if (s < 0)
        return errorResponse("not_found", QStringLiteral("session not found"));
    Session &ss = m_data.sessions[s];
    const QByteArray action = segments[3];
    JsonWriter w;
    if (action == "status" && method == "PUT") {
        QJsonObject o;
        const QString status = parseObject(body, &o) ? o.value(QLatin1String("status")).toString()
                                                     : QString();
        if (!DataSet::statuses().contains(status))
            return validationError(QStringLiteral("status must be one of %1")
                                       .arg(DataSet::statuses().join(QLatin1String(", "))));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        ss.status = status;
        ss.updatedAt = now;
        if (status == QLatin1String("working"))
            ss.lastConnectedAt = now;
        w.beginObject().field("id", ss.id).field("status", ss.status).endObject();
        return jsonResponse(200, w.take());
    }
    if (action == "blocked" && method == "GET") {
        QStringList jids = ss.blocked.values();
        jids.sort();
        w.beginObject().key("data").beginArray();
        for (const QString &jid : jids)
            w.value(jid);
        w.endArray().endObject();
        return jsonResponse(200, w.take());
    }
    if (action == "mutate" && method == "POST") {
        QJsonObject o;
        if (!parseObject(body, &o))
            return validationError(QStringLiteral("the body must be a JSON object"));
        auto count = [&o](const char *k) {
            return std::clamp(o.value(QLatin1String(k)).toInt(), 0, 1000000);
        };
        const MutationResult r = mutate(m_data, s,
                                        {count("removeContacts"), count("addContacts"),
                                         count("renameContacts"), count("removeMemberships")},
                                        QDateTime::currentSecsSinceEpoch());
        auto lids = [&](const char *k, const QList<quint32> &rows) {
            w.key(k).beginArray();
            for (quint32 c : rows)
                w.utf8(m_data.lid(c));
            w.endArray();
        };
        w.beginObject();
        lids("removed", r.removed);
        lids("added", r.added);
        lids("renamed", r.renamed);
        w.key("removedMemberships").beginArray();
        for (quint32 m : r.removedMemberships)
            w.beginObject()
                .field("groupJid", m_data.groupJid(m_data.memberships[m].group))
                .field("lid", m_data.lid(m_data.memberships[m].contact))
                .endObject();
        w.endArray()
            .field("contacts", ss.liveContacts)
            .field("members", ss.liveMemberships)
            .endObject();
        return jsonResponse(200, w.take());
    }
    return notFound();
}

} // namespace sim

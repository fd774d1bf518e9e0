#include "live/LiveEvent.h"

#include "gateway/JsonFieldReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

std::optional<QString> LiveEvent::displayName() const
{
    for (const std::optional<QString> &name : {fullName, pushName, firstName}) {
        if (name && !name->trimmed().isEmpty())
            return name;
    }
    return std::nullopt;
}

namespace LiveFrames {

namespace {

// A list of JIDs: absent and null are empty; anything but an array of strings is an error.
QStringList jidList(const QJsonObject &payload, const char *key, JsonFieldReader &r)
{
    const QJsonValue v = payload.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isArray()) {
        r.fail(QStringLiteral("%1.%2 is not a list").arg(r.path(), QLatin1String(key)));
        return {};
    }
    QStringList out;
    const QJsonArray items = v.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isString() || items.at(i).toString().isEmpty()) {
            r.fail(
                QStringLiteral("%1.%2[%3] is not a JID").arg(r.path(), QLatin1String(key)).arg(i));
            return {};
        }
        out << items.at(i).toString();
    }
    return out;
}

void readPayload(const QJsonObject &payload, LiveEvent &e, JsonFieldReader &r)
{
    if (e.isContactUpdate()) {
        e.jid = r.requiredString("jid");
        e.pushName = r.optionalString("pushName");
        e.fullName = r.optionalString("fullName");
        e.firstName = r.optionalString("firstName");
        if (r.ok() && e.jid.isEmpty())
            r.fail(QStringLiteral("%1.jid is empty").arg(r.path()));
    } else if (e.isGroupEvent()) {
        e.groupJid = r.requiredString("groupJid");
        e.subject = r.optionalString("subject");
        e.description = r.optionalString("description");
        e.isAnnounce = r.optionalBool("isAnnounce");
        e.isLocked = r.optionalBool("isLocked");
        e.join = jidList(payload, "join", r);
        e.leave = jidList(payload, "leave", r);
        e.promote = jidList(payload, "promote", r);
        e.demote = jidList(payload, "demote", r);
        if (r.ok() && e.groupJid.isEmpty())
            r.fail(QStringLiteral("%1.groupJid is empty").arg(r.path()));
    } else if (e.isSessionStatus()) {
        e.status = r.requiredString("status");
    }
}

std::optional<LiveFrame> readEnvelope(const QJsonObject &object, QString *error)
{
    JsonFieldReader r(object, QStringLiteral("$"));
    LiveFrame frame;
    frame.kind = LiveFrame::Kind::Event;
    LiveEvent &e = frame.event;
    e.event = r.requiredString("event");
    e.id = r.requiredString("id");
    e.session = r.requiredString("session");
    e.organization = r.optionalString("organization").value_or(QString());
    e.timestamp = r.requiredInt("timestamp");
    frame.timestamp = e.timestamp;
    const QJsonValue payload = object.value(QLatin1String("payload"));
    if (r.ok() && e.id.isEmpty())
        r.fail(QStringLiteral("$.id is empty"));
    if (r.ok() && !payload.isObject())
        r.fail(QStringLiteral("$.payload is not an object"));
    if (r.ok()) {
        const QJsonObject p = payload.toObject();
        JsonFieldReader pr(p, QStringLiteral("$.payload"));
        readPayload(p, e, pr);
        if (!pr.ok())
            r.fail(pr.error());
    }
    if (!r.ok()) {
        *error = r.error();
        return std::nullopt;
    }
    return frame;
}

} // namespace

std::optional<LiveFrame> parse(const QByteArray &text, QString *error)
{
    if (text.size() > kMaxFrameBytes) {
        *error = QStringLiteral("the frame is larger than %1 bytes").arg(kMaxFrameBytes);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = parseError.error != QJsonParseError::NoError
            ? QStringLiteral("not JSON (%1)").arg(parseError.errorString())
            : QStringLiteral("$ is not an object");
        return std::nullopt;
    }
    const QJsonObject object = doc.object();
    const QString event = object.value(QLatin1String("event")).toString();
    if (event == QLatin1String("connected") || event == QLatin1String("ping")) {
        JsonFieldReader r(object, QStringLiteral("$"));
        LiveFrame frame;
        frame.kind = event == QLatin1String("ping") ? LiveFrame::Kind::Ping
                                                    : LiveFrame::Kind::Connected;
        frame.timestamp = r.optionalInt("timestamp").value_or(0);
        if (frame.kind == LiveFrame::Kind::Connected)
            frame.heartbeatSeconds = int(
                qBound(qint64(0), r.requiredInt("heartbeatSeconds"), qint64(3600)));
        if (r.ok() && frame.kind == LiveFrame::Kind::Connected && frame.heartbeatSeconds <= 0)
            r.fail(QStringLiteral("$.heartbeatSeconds is not positive"));
        if (!r.ok()) {
            *error = r.error();
            return std::nullopt;
        }
        return frame;
    }
    if (event.isEmpty()) {
        *error = QStringLiteral("$.event is missing");
        return std::nullopt;
    }
    std::optional<LiveFrame> frame = readEnvelope(object, error);
    if (frame)
        frame->event.raw = text;
    return frame;
}

} // namespace LiveFrames

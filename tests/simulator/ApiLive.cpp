// The live actions (block, unblock, picture, about): what the gateway asks WhatsApp for.
#include "Api.h"

#include "DataSet.h"
#include "JsonWriter.h"

namespace sim {

namespace {

// Go's strconv.Atoi: an optional sign and ASCII digits that fit in 64 bits.
bool goAtoi(QStringView text)
{
    const qsizetype start = text.startsWith(u'+') || text.startsWith(u'-');
    if (text.size() <= start)
        return false;
    for (qsizetype i = start; i < text.size(); ++i)
        if (text[i] < u'0' || text[i] > u'9')
            return false;
    bool ok = false;
    (void)text.toLongLong(&ok);
    return ok;
}

struct Jid {
    QString user, server;
};

// whatsmeow's types.ParseJID: "user[.agent][:device]@server"; no "@" is a server-only JID.
bool parseJid(const QString &text, Jid *jid)
{
    const QStringList parts = text.split(QLatin1Char('@'));
    if (parts.size() == 1) {
        jid->server = parts[0];
        return true;
    }
    jid->user = parts[0];
    jid->server = parts[1];
    if (jid->user.contains(QLatin1Char('.'))) {
        const QStringList ad = jid->user.split(QLatin1Char('.'));
        if (ad.size() != 2)
            return false;
        jid->user = ad[0];
        const QStringList agent = ad[1].split(QLatin1Char(':'));
        return agent.size() <= 2 && goAtoi(agent[0]) && (agent.size() == 1 || goAtoi(agent[1]));
    }
    if (jid->user.contains(QLatin1Char(':'))) {
        const QStringList device = jid->user.split(QLatin1Char(':'));
        if (device.size() != 2)
            return false;
        jid->user = device[0];
        return goAtoi(device[1]);
    }
    return true;
}

bool hasClient(const QString &status)
{
    return status == QLatin1String("working") || status == QLatin1String("starting")
        || status == QLatin1String("scan_qr_code");
}

} // namespace

Response Api::liveAction(int s, const ApiCall &call)
{
    Session &ss = m_data.sessions[s];
    if (!hasClient(ss.status))
        return errorResponse(
            "not_implemented",
            QStringLiteral("live WhatsApp client is not available for this session"));
    const QString &item = call.route.item;
    Jid jid;
    if (!parseJid(item, &jid))
        return errorResponse("validation_error", QStringLiteral("invalid jid: %1").arg(item));
    const bool user = jid.server == QLatin1String("lid")
        || jid.server == QLatin1String("s.whatsapp.net");
    const bool group = jid.server == QLatin1String("g.us");
    // A client that is not logged in (or a JID WhatsApp has no use for): WhatsApp refuses,
    // and the gateway masks the error as a 500.
    if (ss.status != QLatin1String("working") || (!user && !group) || jid.user.isEmpty())
        return errorResponse("internal", QStringLiteral("internal server error"));

    const QByteArray digits = jid.user.toLatin1();
    qint64 contact = -1, g = -1;
    if (jid.server == QLatin1String("lid"))
        contact = m_data.contactByLid(s, jid.user + QLatin1String("@lid"));
    else if (user)
        contact = m_data.contactByPhone(s, digits);
    else
        g = m_data.groupByJid(s, jid.user + QLatin1String("@g.us"));

    switch (call.route.op) {
    case Op::BlockContact:
    case Op::UnblockContact: {
        // Never checked against the stored contacts: WhatsApp blocks any JID.
        const QString key = contact >= 0 ? QString::fromLatin1(m_data.lid(quint32(contact))) : item;
        if (call.route.op == Op::BlockContact)
            ss.blocked.insert(key);
        else
            ss.blocked.remove(key);
        return noContent();
    }
    case Op::GetContactAbout: {
        JsonWriter w;
        w.beginObject()
            .field("about", contact >= 0 ? m_data.about(quint32(contact)) : QString())
            .endObject();
        return jsonResponse(200, w.take());
    }
    default: {
        QByteArray id;
        QString url;
        if (contact >= 0 || g >= 0)
            url = m_data.pictureUrl(g >= 0 ? quint32(0x80000000u | quint32(g)) : quint32(contact),
                                    &id);
        if (url.isEmpty())
            return errorResponse("not_found",
                                 QStringLiteral("no profile picture visible for this JID"));
        JsonWriter w;
        w.beginObject().field("id", id).field("url", url).endObject();
        return jsonResponse(200, w.take());
    }
    }
}

} // namespace sim

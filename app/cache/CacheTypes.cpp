#include "cache/CacheTypes.h"

QString syncKindName(SyncKind kind)
{
    switch (kind) {
    case SyncKind::Contacts:
        return QStringLiteral("contacts");
    case SyncKind::Groups:
        return QStringLiteral("groups");
    case SyncKind::Members:
        return QStringLiteral("members");
    }
    return {};
}

ContactFilter ContactFilter::fromQuery(const QString &sessionId, const ContactQuery &query)
{
    ContactFilter filter;
    filter.sessionId = sessionId;
    filter.text = query.text;
    if (query.source == QLatin1String("dm"))
        filter.source = ContactSource::Dm;
    else if (query.source == QLatin1String("group"))
        filter.source = ContactSource::Group;
    filter.groupJid = query.groupJid;
    return filter;
}

#pragma once
// What a live-updated cache and the gateway must agree on (contact names, group subjects,
// members with their roles), read from each side: the realtime soak test and bench_live
// compare the two after a stream of events.
#include "cache/CacheDatabase.h"
#include "cache/CacheReader.h"
#include "gateway/GatewayClient.h"

#include "SimulatorProcess.h"

#include <QEventLoop>
#include <QMap>
#include <QSet>

#include <memory>
#include <optional>

struct LiveDataView {
    QMap<QString, QString> names;    // lid -> name ("" when none)
    QMap<QString, QString> subjects; // group jid -> subject
    QSet<QString> roles;             // "group|lid|role"
    QString error;                   // why a side could not be read

    bool operator==(const LiveDataView &o) const
    {
        return error.isEmpty() && o.error.isEmpty() && names == o.names && subjects == o.subjects
            && roles == o.roles;
    }
    QString describe() const
    {
        return QStringLiteral("%1 contacts, %2 groups, %3 memberships")
            .arg(names.size())
            .arg(subjects.size())
            .arg(roles.size());
    }

    // The session's rows in the cache at `path`, over a Read connection of its own.
    static LiveDataView ofCache(const QString &path, const QString &session)
    {
        LiveDataView v;
        std::unique_ptr<CacheDatabase> db = CacheDatabase::open(path, CacheDatabase::Mode::Read,
                                                                &v.error);
        if (!db)
            return v;
        CacheReader reader(*db);
        ContactFilter all;
        all.sessionId = session;
        all.sort = ContactSort::Lid;
        QString cursor;
        do {
            const std::optional<ContactPage> page = reader.contacts(all, cursor, 500);
            if (!page) {
                v.error = reader.lastError();
                return v;
            }
            for (const CachedContact &c : page->rows)
                v.names.insert(c.contact.lid, c.contact.name.value_or(QString()));
            cursor = page->nextCursor;
        } while (!cursor.isEmpty());
        for (const CachedGroup &g : reader.groups(session).value_or(QList<CachedGroup>())) {
            v.subjects.insert(g.group.groupJid, g.group.subject.value_or(QString()));
            for (const CachedMember &m :
                 reader.members(session, g.group.groupJid).value_or(QList<CachedMember>()))
                v.roles << g.group.groupJid + u'|' + m.member.lid + u'|' + m.member.role;
        }
        return v;
    }

    // The same, as the simulator answers its REST routes.
    static LiveDataView ofGateway(const SimulatorProcess &sim, const QString &session,
                                  const QString &token = QStringLiteral("wa_demo"))
    {
        LiveDataView v;
        GatewayClient client;
        client.setEndpoint(sim.url(), token);
        ContactQuery q;
        q.limit = 200;
        for (;;) {
            const auto page = await<Page<Contact>>(
                &v, [&](auto h) { client.listContacts(session, q, &client, h); });
            if (!page)
                return v;
            for (const Contact &c : page->items)
                v.names.insert(c.lid, c.name.value_or(QString()));
            if (!page->hasMore())
                break;
            q.cursor = page->nextCursor;
        }
        const auto groups = await<Page<Group>>(
            &v, [&](auto h) { client.listGroups(session, &client, h); });
        for (const Group &g : groups ? groups->items : QList<Group>()) {
            v.subjects.insert(g.groupJid, g.subject.value_or(QString()));
            const auto members = await<Page<GroupMember>>(
                &v, [&](auto h) { client.listGroupMembers(session, g.groupJid, &client, h); });
            for (const GroupMember &m : members ? members->items : QList<GroupMember>())
                v.roles << g.groupJid + u'|' + m.lid + u'|' + m.role;
        }
        return v;
    }

    // How many entries differ (present on one side only, or with another value).
    int differences(const LiveDataView &o) const
    {
        int n = 0;
        for (auto it = names.begin(); it != names.end(); ++it)
            n += o.names.value(it.key(), QStringLiteral("<absent>")) != it.value();
        for (auto it = o.names.begin(); it != o.names.end(); ++it)
            n += !names.contains(it.key());
        for (auto it = subjects.begin(); it != subjects.end(); ++it)
            n += o.subjects.value(it.key(), QStringLiteral("<absent>")) != it.value();
        for (auto it = o.subjects.begin(); it != o.subjects.end(); ++it)
            n += !subjects.contains(it.key());
        for (const QString &r : roles)
            n += !o.roles.contains(r);
        for (const QString &r : o.roles)
            n += !roles.contains(r);
        return n;
    }

    // The first difference, for a failure message.
    QString firstDifference(const LiveDataView &o) const
    {
        if (!error.isEmpty() || !o.error.isEmpty())
            return error.isEmpty() ? o.error : error;
        for (auto it = names.begin(); it != names.end(); ++it)
            if (o.names.value(it.key(), QStringLiteral("<absent>")) != it.value())
                return QStringLiteral("contact %1: %2 vs %3")
                    .arg(it.key(), it.value(), o.names.value(it.key(), QStringLiteral("<absent>")));
        for (auto it = subjects.begin(); it != subjects.end(); ++it)
            if (o.subjects.value(it.key()) != it.value())
                return QStringLiteral("group %1: %2 vs %3")
                    .arg(it.key(), it.value(), o.subjects.value(it.key()));
        for (const QString &r : roles)
            if (!o.roles.contains(r))
                return QStringLiteral("membership %1 only on one side").arg(r);
        for (const QString &r : o.roles)
            if (!roles.contains(r))
                return QStringLiteral("membership %1 only on the other side").arg(r);
        return {};
    }

private:
    // One gateway call to its answer; nullopt (and *view's error) when it failed.
    template <typename T, typename Start>
    static std::optional<T> await(LiveDataView *view, Start start)
    {
        std::optional<GatewayResult<T>> out;
        QEventLoop loop;
        start([&](const GatewayResult<T> &r) {
            out = r;
            loop.quit();
        });
        if (!out)
            loop.exec();
        if (!out->ok()) {
            view->error = out->error.describe();
            return std::nullopt;
        }
        return *out->value;
    }
};

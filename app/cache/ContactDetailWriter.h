#pragma once

#include "gateway/GatewayTypes.h"

#include <QString>

#include <optional>

class RowStore;
class SearchQueue;
class WriteContext;

// getContact's answer into the cache: the contact's detail fields, and its groups as
// memberships (and group names for groups not synced yet). Memberships it does not list are
// kept: the next members pass decides (the gateway may send groups: null).
class ContactDetailWriter
{
public:
    ContactDetailWriter(WriteContext &ctx, RowStore &rows, SearchQueue &queue);

    bool storeContactDetail(const QString &sessionId, const QString &lid,
                            const ContactDetail &detail);

private:
    // The generation of each kind's last pass begun.
    struct Generations {
        qint64 contacts = 0;
        qint64 groups = 0;
        qint64 members = 0;
    };
    std::optional<Generations> generations(qint64 sid);
    bool storeContact(qint64 sid, const QString &lid, const ContactDetail &detail,
                      qint64 generation, qint64 stamp);
    bool storeGroups(qint64 sid, const QString &lid, const ContactDetail &detail,
                     const Generations &gens, qint64 stamp);

    WriteContext &m_ctx;
    RowStore &m_rows;
    SearchQueue &m_queue;
};

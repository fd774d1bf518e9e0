#pragma once

#include "cache/CacheTypes.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class CacheReader;
class ContactGroupsModel;
class GatewayClient;

// The contact shown in the detail pane: its cached row and groups at once, then getContact's
// live answer when the gateway gives one (the cached view stays when it does not). changed()
// follows each of them.
class ContactDetailModel : public QObject
{
    Q_OBJECT
public:
    enum class Freshness {
        None,   // no contact shown
        Cached, // from the cache (see contact()->detailSyncedAt / syncedAt)
        Live    // from the gateway just now
    };

    // Reads through `reader`; asks the gateway through `client` when given (not owned).
    explicit ContactDetailModel(CacheReader *reader, QObject *parent = nullptr);

    void setClient(GatewayClient *client);
    void show(const QString &sessionId, const QString &lid);
    void clear();
    // Re-reads the shown contact from the cache (the realtime feed changed it): changed()
    // and the groups updated in place only when the cache's row differs from the last read.
    void refresh();

    QString sessionId() const { return m_session; }
    QString lid() const { return m_lid; }
    // nullopt while nothing is shown.
    const std::optional<CachedContact> &contact() const { return m_contact; }
    bool hasDm() const;
    Freshness freshness() const { return m_freshness; }
    ContactGroupsModel *groups() const { return m_groups; }

Q_SIGNALS:
    void changed();

private:
    void fetchLive();
    void applyLive(const ContactDetail &detail);

    CacheReader *m_reader;
    QPointer<GatewayClient> m_client;
    ContactGroupsModel *m_groups;
    QString m_session;
    QString m_lid;
    std::optional<CachedContact> m_contact;
    std::optional<CachedContactDetail> m_cached; // the cache's row as last read
    bool m_dm = false;
    Freshness m_freshness = Freshness::None;
};
